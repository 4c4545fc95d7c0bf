import "server-only";
// The indicator ratings export (every published round's ratings the caller may see: about
// 1,700,000 for a coalition with 10 years of monthly rounds), written by PostgreSQL like the events
// export (pg-stream.ts): CSV and JSON by COPY, XLSX through a cursor. Ordered as an analyst reads
// them: by situation, round (oldest first), then the Framework's order of risk factors and indicators.
import type { CurrentMembership } from "@/lib/auth/current-user";
import { CONFIDENCE_LABELS, RATING_LEVEL_LABELS, TREND_LABELS } from "@/lib/labels";
import { lit } from "@/lib/events/sql";
import { situationListedSqlText } from "@/lib/access/situations";
import type { Column, Row } from "./datasets";
import { type ColumnMode, copyCsvStream, copyJsonStream, csvHead, cursorBatches, guard, labelSql, selectOf } from "./pg-stream";

const POINTS: Record<string, string> = { NONE: "0", PRESENT: "1", SIGNIFICANT: "2", SEVERE: "3" };

function columnSql(key: string, mode: ColumnMode): string {
  switch (key) {
    case "situation":
      return guard(`s.title`, mode);
    case "assessedOn":
      return `a."assessedOn"::text`; // yyyy-mm-dd: the export's transaction sets DateStyle ISO
    case "code":
      return guard(`i.code`, mode);
    case "text":
      return guard(`i.text`, mode);
    case "level":
      return labelSql(RATING_LEVEL_LABELS, `r.level`);
    case "points":
      return `(${labelSql(POINTS, `r.level`)})::int`;
    case "trend":
      return labelSql(TREND_LABELS, `r.trend`);
    case "confidence":
      return labelSql(CONFIDENCE_LABELS, `r.confidence`);
    case "evidence":
      return guard(`r.evidence`, mode);
    default:
      throw new Error(`No SQL for the ratings column "${key}"`);
  }
}

/**
 * The published, not deleted rounds of the situations the caller may see (their organisation's and
 * those shared with the coalition; none archived), or of one of them (`situation`, an id).
 */
function ratingsExportParts(membership: CurrentMembership, situation: string | undefined, columns: Column[], mode: ColumnMode) {
  const keyed = columns.map((c): [string, string] => [c.key, columnSql(c.key, mode)]);
  const from = `FROM "Situation" s
    JOIN "Assessment" a ON a."situationId" = s.id AND a.status = 'PUBLISHED' AND a."deletedAt" IS NULL
    JOIN "IndicatorRating" r ON r."assessmentId" = a.id
    JOIN "Indicator" i ON i.id = r."indicatorId"
    WHERE ${situationListedSqlText(membership, "s", lit)}
      ${situation ? `AND s.id = ${lit(situation)}` : ""}
    ORDER BY s.title, s.id, a."assessedOn", a.id, i."riskFactorNumber", i.position, i.code`;
  return { keyed, from };
}

const ratingsExportQuery = (membership: CurrentMembership, situation: string | undefined, columns: Column[], mode: ColumnMode) =>
  selectOf(ratingsExportParts(membership, situation, columns, mode));

export function ratingsJsonStream(membership: CurrentMembership, situation: string | undefined, columns: Column[], head: string): Promise<ReadableStream<Uint8Array>> {
  const { keyed, from } = ratingsExportParts(membership, situation, columns, "json");
  return copyJsonStream(from, keyed, head);
}

export async function ratingsCsvStream(membership: CurrentMembership, situation: string | undefined, columns: Column[]): Promise<ReadableStream<Uint8Array>> {
  return copyCsvStream(ratingsExportQuery(membership, situation, columns, "csv"), csvHead(columns));
}

export async function* ratingRowBatches(membership: CurrentMembership, situation: string | undefined, columns: Column[], batch: number): AsyncGenerator<Row[]> {
  for await (const rows of cursorBatches<Row>(ratingsExportQuery(membership, situation, columns, "rows"), batch)) {
    for (const r of rows) r.assessedOn = new Date(r.assessedOn as string);
    yield rows;
  }
}
