import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/access/can";
import { DATASETS, ENTITIES } from "@/lib/exports/datasets";
import { RestoreForm } from "@/components/exports/restore-form";
import { BulletinForm } from "@/components/exports/bulletin-form";
import { bulletinChoices } from "@/lib/briefs/bulletin-choices";
import { bulletinPeriod } from "@/lib/briefs/bulletin";
import { todayIso } from "@/lib/format";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage() {
  const user = await requireUser();
  const isAdmin = can.administer(user.active);
  return (
    <>
      <h1>Exports</h1>
      <p className="muted">
        Exports contain only what you can see: your organisation&apos;s data and what other organisations share with the coalition. Every
        export is recorded in the audit log (who, when, which list and filters). Each list also has download links that keep its filters.
        Spreadsheet cells that start with = + - or @ get a leading apostrophe so they are never run as formulas.
      </p>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Reports</h2>
        <ul>
          <li>
            Country briefs: open a situation and choose <strong>Country brief (PDF)</strong>, <strong>Country brief (Word)</strong> or <strong>Printable brief</strong>. <Link href="/situations">Situations</Link>
          </li>
        </ul>
        <BulletinForm situations={await bulletinChoices(user.active)} period={bulletinPeriod({}, todayIso())} />
      </section>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Spreadsheets</h2>
        <ul>
          <li>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file download, not a page */}
            <a href="/api/exports/workbook?format=xlsx">Everything in one Excel workbook</a> (a sheet per list)
          </li>
          {ENTITIES.map((e) => (
            <li key={e}>
              {DATASETS[e].title}: <a href={`/api/exports/${e}?format=csv`}>CSV</a> · <a href={`/api/exports/${e}?format=xlsx`}>Excel (XLSX)</a> · <a href={`/api/exports/${e}?format=json`}>JSON</a>
              {e === "events" && (
                <>
                  {" "}
                  · <a href={`/api/exports/events?format=csv&hxl=1`}>CSV with HXL tags</a> · <a href={`/api/exports/events?format=csv&names=readable`}>CSV with readable column names</a>
                  <br />
                  Events are exported in ACLED&apos;s column names and values (event_id_cnty, event_date, civilian_targeting and the rest), followed by ours: situation,
                  crimes, linked indicators, cited sources and organisation.{" "}
                  <a href={`/api/exports/events?format=csv&own=1`}>Your organisation&apos;s own events (CSV)</a> can be imported again and change nothing: an event
                  recorded by hand carries its record id as its event_id_cnty, and the import recognises it by that id.
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      {isAdmin && (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Backup</h2>
          <p>
            <a href="/api/backup">Download your organisation&apos;s whole record (JSON)</a>: its settings, situations, assessment rounds,
            responses, events, sources, alerts, import history and audit log. It can be restored into an empty organisation from this page.
            Attached files are not in it (their names and fingerprints are), so keep the server&apos;s upload folder backed up as well.
          </p>
          <h3>Restore a backup</h3>
          <p className="muted">
            Only into an organisation that has no situations, sources or events yet. A backup of any size is accepted; every record is checked
            as its form would check it, and everything is restored or nothing is.
          </p>
          <RestoreForm />
        </section>
      )}
    </>
  );
}
