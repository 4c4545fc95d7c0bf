import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/require-user";
import { EXTERNAL_RATINGS_MAX_BYTES, EXTERNAL_RATINGS_MAX_ROWS } from "@/lib/external-ratings/csv";
import { ExternalRatingsImportForm } from "@/components/external-ratings/import-form";

export const metadata: Metadata = { title: "Import external ratings" };

export default async function ImportExternalRatingsPage() {
  await requireUser({ role: "ANALYST" });
  return (
    <>
      <h1>Import external ratings</h1>
      <p>
        A CSV file with one rating a row, for your organisation&apos;s open situations. Every row is checked first; if any is wrong, nothing is imported and each problem is
        listed by its line. Rows already recorded are left out, so importing a file again adds nothing. Up to {EXTERNAL_RATINGS_MAX_ROWS.toLocaleString("en")} rows.
      </p>
      <h2>Columns</h2>
      <ul>
        <li>
          <code>country</code> (ISO3 code, e.g. SDN: your organisation&apos;s one open situation in that country) or <code>situation_id</code>
        </li>
        <li>
          <code>system</code>: EWP, R2P_MONITOR or GENOCIDE_WATCH; <code>date</code>: when the rating was published (2025-03-01); <code>url</code> and <code>note</code> (optional)
        </li>
        <li>
          Early Warning Project: <code>rank</code>, <code>rank_of</code>, <code>probability</code> (0.148 or 14.8%) and <code>year</code>
        </li>
        <li>
          R2P Monitor: <code>category</code>, Current Crisis or Imminent Risk (Serious Concern only for ratings dated before March 2023)
        </li>
        <li>
          Genocide Watch: <code>stage</code> (1 to 10) and <code>alert_level</code> (Genocide Watch, Genocide Warning or Genocide Emergency)
        </li>
      </ul>
      <ExternalRatingsImportForm maxBytes={EXTERNAL_RATINGS_MAX_BYTES} />
    </>
  );
}
