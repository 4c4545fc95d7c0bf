import type { NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { DATASETS, ENTITIES, eventColumnNames, type Entity } from "@/lib/exports/datasets";
import { csvStream, jsonHead, jsonStream, xlsxStream } from "@/lib/exports/write";
import { todayIso } from "@/lib/format";

export const dynamic = "force-dynamic";

/**
 * Exports a list as it is filtered on screen (the same query parameters) as CSV, XLSX or JSON, or
 * "workbook" for every list in one XLSX file (a sheet each). Streamed; who exported what, when and with which filters
 * is written to the audit log before the first byte leaves.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ entity: string }> }) {
  const { entity } = await params;
  // The audit log is for administrators; every other list for every member (the gate decides).
  const minRole = Object.hasOwn(DATASETS, entity) ? (DATASETS[entity as Entity].minRole ?? "VIEWER") : "VIEWER";
  const caller = await apiCaller(minRole, minRole === "ADMIN" ? "Only administrators can export the audit log." : undefined);
  if (caller.error) return caller.error;
  const { user, membership } = caller;
  const search = Object.fromEntries(req.nextUrl.searchParams.entries());
  const { format = "csv", hxl, names, ...filters } = search;
  if (format !== "csv" && format !== "xlsx" && format !== "json") return apiError("Choose CSV, XLSX or JSON.", 400);
  const whole = entity === "workbook";
  if (!whole && !Object.hasOwn(DATASETS, entity)) return apiError("There is no such list to export.", 404);
  if (whole && format !== "xlsx") return apiError("The whole workbook exists as XLSX only.", 400);

  // The events' column names: ACLED's by default, ours with names=readable (lib/exports/datasets.ts).
  const query = entity === "events" && names !== undefined ? { ...filters, names } : filters;
  const columnNames = entity === "events" ? { names: eventColumnNames(query) } : {};
  await writeAudit(db, {
    userId: user.id,
    organisationId: membership.organisationId,
    action: "export.download",
    entityType: "Export",
    entityId: entity,
    after: { entity, format, filters, hxl: hxl === "1", ...columnNames },
  });

  const name = `${whole ? "atrocity-early-warning" : entity}-${todayIso()}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${name}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (whole) {
    const sheets = ENTITIES.map((e) => ({ title: DATASETS[e].title, columns: DATASETS[e].columns, batches: DATASETS[e].rows(membership, {}), hxl: false }));
    return new Response(xlsxStream(sheets), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
  }
  const ds = DATASETS[entity as Entity];
  const columns = ds.columnsFor?.(query) ?? ds.columns;
  const withHxl = entity === "events" && hxl === "1";
  if (format === "csv") {
    const body = ds.csv ? await ds.csv(membership, query, { hxl: withHxl }) : csvStream(columns, ds.rows(membership, query), { hxl: withHxl });
    return new Response(body, { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  }
  if (format === "json") {
    const meta = { list: entity, exportedAt: new Date().toISOString(), filters };
    const body = ds.json ? await ds.json(membership, query, jsonHead(meta, columns)) : jsonStream(meta, columns, ds.rows(membership, query));
    return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  }
  const batches = ds.rows(membership, query);
  return new Response(xlsxStream([{ title: ds.title, columns, batches, hxl: withHxl }]), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
