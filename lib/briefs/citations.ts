// Cited claims in briefs (issue #29): the sources a brief's claims cite, numbered in the order the
// brief first cites them, so every marker ([3] in the PDF, a footnote naming source 3 in Word)
// matches one entry of the numbered source list. Pure: the PDF, the Word file and the tests share it.

/** A claim of the brief (a crime's status, a rating, a response) and the sources it cites, in the brief's order. */
export interface Claim {
  sourceIds: string[];
}

export interface CitedSource {
  n: number;
  id: string;
  title: string;
  publisher: string;
  reliability: string;
  credibility: number;
  url: string | null;
  unSymbol: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
}

/** Numbers each source at its first citation, claims read in the brief's order. */
export function numberSources(claims: Claim[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const c of claims) for (const id of c.sourceIds) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
}

/** A claim's markers: the numbers of the sources it cites, each once, in order. */
export function markersOf(sourceIds: string[], numbers: Map<string, number>): number[] {
  return [...new Set(sourceIds.map((id) => numbers.get(id)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
}

/** "[2, 5]" as printed after a claim; empty when it cites nothing. */
export function markerText(markers: number[]): string {
  return markers.length ? `[${markers.join(", ")}]` : "";
}

/** A source as the numbered list gives it: title, publisher, grading, UN symbol or address, dates. */
export function sourceEntry(s: Omit<CitedSource, "n" | "id">): string {
  const parts = [s.publisher ? `${s.title}, ${s.publisher}.` : `${s.title}.`, `Graded ${s.reliability}${s.credibility} (reliability ${s.reliability}, credibility ${s.credibility}).`];
  if (s.unSymbol) parts.push(`UN document ${s.unSymbol}.`);
  if (s.url) parts.push(`${s.url}`);
  if (s.publishedOn && s.accessedOn) parts.push(`Published ${s.publishedOn}; accessed ${s.accessedOn}.`);
  else if (s.publishedOn) parts.push(`Published ${s.publishedOn}.`);
  else if (s.accessedOn) parts.push(`Accessed ${s.accessedOn}.`);
  return parts.join(" ");
}
