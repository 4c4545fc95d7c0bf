// The risk map's countries (issue #27): each coloured by the highest overall score among the
// situations the member may see there, on the one score scale of the bars and heatmaps
// (lib/indicators/score-text.ts). A latest published round not enough assessed is not a low score
// and no published round is not a score at all: both have their own pattern, never a colour of the
// scale. Every situation of a country is named in its label with its risk category, which the
// colour no longer shows. Pure: made on the server from the dashboard's data, read in the browser.
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import type { Coverage, RoundScores } from "@/lib/indicators/score";
import { isLowConfidence, overallText, scoreBand, scoreBandText } from "@/lib/indicators/score-text";
import { RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";

/** What colours a country: a step of the score scale (0-4), "low" (not enough assessed) or "none" (no published round). */
export type MapShade = 0 | 1 | 2 | 3 | 4 | "low" | "none";

export interface MapSituation {
  title: string;
  category: RiskCategory;
  /** The latest published round's overall score; null when not enough assessed or no round. */
  score: number | null;
  /** Why there is no score when a round is published: "Not enough assessed (coverage 9%)". */
  low?: string;
}

export interface MapCountry {
  iso3: string;
  name: string;
  /** The situation, or the list of the country's situations when there are several. */
  href: string;
  shade: MapShade;
  /** The country's situations; the first is the one that colours it (the highest overall score). */
  situations: MapSituation[];
}

/** The legend's entries in order, darkest last among the scale, as the heatmap and bars say them. */
export const MAP_SHADES: readonly MapShade[] = [0, 1, 2, 3, 4, "low", "none"];

/** A shade in words, the legend's wording: "40 to under 60", "Not enough assessed", "No published round". */
export function shadeText(shade: MapShade): string {
  return shade === "low" ? "Not enough assessed" : shade === "none" ? "No published round" : scoreBandText(shade);
}

export function situationShade(s: MapSituation): MapShade {
  return s.score !== null ? scoreBand(s.score) : s.low ? "low" : "none";
}

/** Scored first, highest score first; then not enough assessed; then no published round; ties by risk category, then title. */
function compareSituations(a: MapSituation, b: MapSituation): number {
  const kind = (s: MapSituation) => (s.score !== null ? 0 : s.low ? 1 : 2);
  return (
    kind(a) - kind(b) ||
    (b.score ?? 0) - (a.score ?? 0) ||
    RISK_CATEGORY_ORDER.indexOf(a.category) - RISK_CATEGORY_ORDER.indexOf(b.category) ||
    a.title.localeCompare(b.title)
  );
}

/** Most telling first: the scale's darkest step first, then not enough assessed, then no published round. */
const SHADE_ORDER: readonly MapShade[] = [4, 3, 2, 1, 0, "low", "none"];

interface SituationFacts {
  id: string;
  title: string;
  riskCategory: RiskCategory;
  countryIso3: string;
  country: { name: string };
}

/**
 * The map's countries from the dashboard's situations and their latest published rounds
 * (lib/dashboard/overview.ts), most telling first: by shade, then highest score, then name.
 */
export function riskMapCountries(situations: SituationFacts[], latest: Map<string, { scores: Pick<RoundScores, "overall" | "minCoverage"> }>): MapCountry[] {
  const byCountry = new Map<string, MapCountry>();
  for (const s of situations) {
    const scores = latest.get(s.id)?.scores;
    const overall: (Coverage & { score: number }) | undefined = scores?.overall;
    const situation: MapSituation = {
      title: s.title,
      category: s.riskCategory,
      score: overall && !isLowConfidence(overall) ? overall.score : null,
      ...(scores && isLowConfidence(scores.overall) ? { low: overallText(scores) } : {}),
    };
    const c = byCountry.get(s.countryIso3);
    if (!c) byCountry.set(s.countryIso3, { iso3: s.countryIso3, name: s.country.name, href: `/situations/${s.id}`, shade: "none", situations: [situation] });
    else {
      c.situations.push(situation);
      c.href = `/situations?country=${s.countryIso3}`;
    }
  }
  const out = [...byCountry.values()];
  for (const c of out) {
    c.situations.sort(compareSituations);
    c.shade = situationShade(c.situations[0]);
  }
  return out.sort(
    (a, b) => SHADE_ORDER.indexOf(a.shade) - SHADE_ORDER.indexOf(b.shade) || compareSituations(a.situations[0], b.situations[0]) || a.name.localeCompare(b.name),
  );
}

/** "Overall score 70.9", "Not enough assessed (coverage 9%)", "No published round". */
export function situationScoreText(s: MapSituation): string {
  return s.score !== null ? `Overall score ${s.score}` : (s.low ?? "No published round");
}

const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/** "Demo: Sudan, Darfur (Current crisis), overall score 70.9". */
export function situationText(s: MapSituation): string {
  return `${s.title} (${RISK_CATEGORY_LABELS[s.category]}), ${lowerFirst(situationScoreText(s))}`;
}

/**
 * A country's label on the map (its link's accessible name and tooltip): every situation with its
 * risk category and overall score, and with several, which one colours the country.
 */
export function countryLabel(c: MapCountry): string {
  const [first, ...rest] = c.situations;
  if (rest.length === 0) return `${c.name}: ${situationText(first)}.`;
  if (first.score === null) return `${c.name}, ${c.situations.length} situations, none with an overall score: ${c.situations.map(situationText).join("; ")}.`;
  return `${c.name}, ${c.situations.length} situations, coloured by the highest overall score: ${situationText(first)}. Also: ${rest.map(situationText).join("; ")}.`;
}
