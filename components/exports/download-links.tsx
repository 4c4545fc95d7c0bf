// "Download CSV / XLSX / JSON" for a list, carrying the filters on screen.
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
          · <a href={href("csv", { hxl: "1" })}>CSV with HXL tags</a>
        </>
      )}
    </p>
  );
}
