import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db";
import { auditQuerySchema, listAudit } from "@/lib/audit/queries";
import { DownloadLinks } from "@/components/exports/download-links";
import { DateRangeFields } from "@/components/ui/date-range-fields";
import { auditValueText } from "@/lib/audit/describe";

export const metadata: Metadata = { title: "Audit log" };


export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const query = auditQuerySchema.parse(await searchParams);
  const user = await requireUser({ role: "ADMIN" });
  const orgId = user.active.organisationId;
  const [page, members] = await Promise.all([
    listAudit(orgId, query),
    db.membership.findMany({ where: { organisationId: orgId }, include: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } }),
  ]);
  const { before, ...filters } = query;
  const next = new URLSearchParams(Object.entries({ ...filters, before: page.next ?? "" }).filter(([, v]) => v) as [string, string][]);
  return (
    <>
      <p>
        <Link href="/admin">← Admin</Link>
      </p>
      <h1>Audit log</h1>
      <p className="muted">Every change, sign-in and export in your organisation, newest first. Entries cannot be edited or deleted.</p>
      <form method="get" className="panel filters" aria-label="Filter the audit log">
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="user">Who</label>
            <select id="user" name="user" defaultValue={query.user ?? ""}>
              <option value="">Anyone</option>
              {members.map((m) => (
                <option key={m.user.id} value={m.user.id}>
                  {m.user.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="entity">Record type</label>
            <input id="entity" name="entity" defaultValue={query.entity} placeholder="e.g. Situation, Event, Export" />
          </div>
          <div className="field">
            <label htmlFor="action">Action starts with</label>
            <input id="action" name="action" defaultValue={query.action} placeholder="e.g. situation., auth., export." />
          </div>
          <DateRangeFields from={query.from} to={query.to} what="entry" />
        </div>
        <button type="submit">Apply filters</button>
      </form>
      <DownloadLinks entity="audit" params={filters} />
      <table>
        <caption className="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((e) => (
            <tr key={String(e.id)}>
              <td>{e.at.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td>
                {e.user?.name ?? apiTokenCaller(e) ?? restoredFrom(e.restored)?.user ?? "—"}
                {e.restored ? <div className="muted small">Restored from a backup{restoredFrom(e.restored)?.exportedAt ? ` of ${restoredFrom(e.restored)!.exportedAt!.slice(0, 10)}` : ""}</div> : null}
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.entityType}
                {e.entityId ? <div className="muted small">{e.entityId}</div> : null}
              </td>
              <td className="small" style={{ maxWidth: "18rem", overflowWrap: "anywhere" }}>
                {auditValueText(e.action, e.before)}
              </td>
              <td className="small" style={{ maxWidth: "18rem", overflowWrap: "anywhere" }}>
                {auditValueText(e.action, e.after ?? e.meta)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pagination" aria-label="Pages of the audit log">
        {before ? <Link href={`/admin/audit?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])}`}>← Newest</Link> : <span />}
        {page.next ? <Link href={`/admin/audit?${next}`}>Older entries →</Link> : <span />}
      </nav>
    </>
  );
}

/** The mark of an entry brought back by a backup restore (AuditEntry.restored): the author's e-mail as the backup named them, and the backup's date. */
function restoredFrom(v: unknown): { user?: string | null; exportedAt?: string | null } | null {
  return v && typeof v === "object" ? (v as { user?: string | null; exportedAt?: string | null }) : null;
}

/** Who made a partner API request (action "api.read"): the token, by the name its administrator gave it (lib/api/partner.ts). */
function apiTokenCaller(e: { action: string; meta: unknown }): string | null {
  const name = e.action === "api.read" && e.meta && typeof e.meta === "object" ? (e.meta as { token?: unknown }).token : null;
  return typeof name === "string" ? `API token “${name}”` : null;
}
