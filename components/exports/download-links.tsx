// "Download CSV / XLSX / JSON" for a list, carrying the filters on screen. `hxl`: the events' list,
// which adds HXL tags and our readable column names (its files use ACLED's by default).
export function DownloadLinks({ entity, params, hxl = false }: { entity: string; params: Record<string, string | undefined>; hxl?: boolean }) {
  const q = new URLSearchParams(Object.entries(params).filter(([k, v]) => v !== undefined && v !== "" && k !== "page" && k !== "after" && k !== "tab") as [string, string][]);
  const href = (format: string, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams(q);
    p.set("format", format);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return `/api/exports/${entity}?${p.toString()}`;
  };
  return (
    <p className="downloads">
      Download this list{[...q.keys()].length ? " as filtered" : ""}: <a href={href("csv")}>CSV</a> · <a href={href("xlsx")}>Excel (XLSX)</a> · <a href={href("json")}>JSON</a>
      {hxl && (
        <>
          {" "}
          · <a href={href("csv", { hxl: "1" })}>CSV with HXL tags</a> · <a href={href("csv", { names: "readable" })}>CSV with readable column names</a>. The other files use ACLED&apos;s column names and values, so they can be imported again.
        </>
      )}
    </p>
  );
}
