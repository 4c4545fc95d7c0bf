// Other bodies' ratings of a situation, recorded beside our own judgement: the Early Warning
// Project's statistical risk (USHMM), the Global Centre for R2P's R2P Monitor category and Genocide
// Watch's stage and alert level. One schema checks them wherever they come from: the form (in the
// browser through zodResolver and again in its server action), the CSV import and the backup restore.
// Every field is text, as a form field and a CSV cell are: the schema says what is wrong with each,
// and toExternalRatingRecord() turns a valid input into the stored columns.
import { z } from "zod";
import { isoDateOrEmpty, todayIso } from "@/lib/format";
import { dateField } from "@/lib/forms/dates";
import { isHttpUrl } from "@/lib/sources/schemas";

export const EXTERNAL_SYSTEMS = ["EWP", "R2P_MONITOR", "GENOCIDE_WATCH"] as const;
export type ExternalSystem = (typeof EXTERNAL_SYSTEMS)[number];

export const SYSTEM_LABELS: Record<ExternalSystem, string> = {
  EWP: "Early Warning Project (statistical risk)",
  R2P_MONITOR: "R2P Monitor (Global Centre for the Responsibility to Protect)",
  GENOCIDE_WATCH: "Genocide Watch",
};
export const SYSTEM_SHORT_LABELS: Record<ExternalSystem, string> = {
  EWP: "Early Warning Project",
  R2P_MONITOR: "R2P Monitor",
  GENOCIDE_WATCH: "Genocide Watch",
};

/**
 * The R2P Monitor's categories. Since March 2023 the Global Centre uses two; "Serious Concern" is
 * kept only to record a rating published before then, and is labelled as retired.
 */
export const R2P_CATEGORIES = ["CURRENT_CRISIS", "IMMINENT_RISK", "SERIOUS_CONCERN"] as const;
export type R2pCategory = (typeof R2P_CATEGORIES)[number];
export const R2P_CATEGORY_LABELS: Record<R2pCategory, string> = {
  CURRENT_CRISIS: "Current Crisis",
  IMMINENT_RISK: "Imminent Risk",
  SERIOUS_CONCERN: "Serious Concern (retired in March 2023)",
};
/** The Global Centre's own definitions, shown where the category is chosen. */
export const R2P_CATEGORY_DEFINITIONS: Record<R2pCategory, string> = {
  CURRENT_CRISIS: "Mass atrocity crimes are occurring and urgent action is needed.",
  IMMINENT_RISK: "The risk of mass atrocity crimes occurring, or recurring, is significant if effective preventive action is not taken.",
  SERIOUS_CONCERN: "Used by the Global Centre until March 2023; record it only for a rating published before then.",
};
/** The first day on which "Serious Concern" is no longer a current category. */
export const SERIOUS_CONCERN_RETIRED_ON = "2023-03-01";

export const GENOCIDE_WATCH_LEVELS = ["WATCH", "WARNING", "EMERGENCY"] as const;
export type GenocideWatchLevel = (typeof GENOCIDE_WATCH_LEVELS)[number];
export const GENOCIDE_WATCH_LEVEL_LABELS: Record<GenocideWatchLevel, string> = {
  WATCH: "Genocide Watch",
  WARNING: "Genocide Warning",
  EMERGENCY: "Genocide Emergency",
};
export const GENOCIDE_WATCH_LEVEL_DEFINITIONS: Record<GenocideWatchLevel, string> = {
  WATCH: "The lowest of Genocide Watch's three alerts: early warning signs of genocide are present.",
  WARNING: "The middle alert: genocide or related crimes could begin soon.",
  EMERGENCY: "The highest alert: genocide or related mass killing is under way.",
};
/** Stanton's ten stages of genocide, as Genocide Watch numbers them. */
export const GENOCIDE_STAGES = [
  "Classification",
  "Symbolization",
  "Discrimination",
  "Dehumanization",
  "Organization",
  "Polarization",
  "Preparation",
  "Persecution",
  "Extermination",
  "Denial",
] as const;

export const EXTERNAL_RATED_ON_RULE = { min: "1990-01-01", missing: "Enter the date of the rating (when it was published).", future: "The rating cannot be dated in the future." } as const;

/** The form's fields (all text): the ones a system does not use stay empty. */
export const externalRatingInputSchema = z
  .object({
    system: z.enum(EXTERNAL_SYSTEMS, { message: "Choose who published the rating." }),
    ratedOn: dateField(EXTERNAL_RATED_ON_RULE),
    url: z.string().trim().refine((v) => v === "" || isHttpUrl(v), "Enter a web address starting with https:// or http://."),
    note: z.string().trim().max(2000, "The note is too long (at most 2,000 characters)."),
    rank: z.string().trim().max(10),
    rankOf: z.string().trim().max(10),
    probability: z.string().trim().max(20),
    year: z.string().trim().max(10),
    category: z.string().trim().max(40),
    stage: z.string().trim().max(10),
    alertLevel: z.string().trim().max(40),
  })
  .check((ctx) => {
    const v = ctx.value;
    const issue = (path: keyof ExternalRatingInput, message: string) => ctx.issues.push({ code: "custom", path: [path], message, input: v[path], continue: true });
    if (v.system === "EWP") {
      const rank = wholeNumber(v.rank);
      const rankOf = wholeNumber(v.rankOf);
      if (v.rank === "") issue("rank", "Enter the rank the Early Warning Project gives (1 is the highest risk).");
      else if (rank === null || rank < 1 || rank > 300) issue("rank", "Enter the rank as a whole number from 1 to 300.");
      if (v.rankOf === "") issue("rankOf", "Enter how many countries the Early Warning Project ranked.");
      else if (rankOf === null || rankOf < 1 || rankOf > 300) issue("rankOf", "Enter the number of countries ranked, a whole number from 1 to 300.");
      else if (rank !== null && rank > rankOf) issue("rank", `The rank cannot be lower than the number of countries ranked (${rankOf}).`);
      if (v.probability === "") issue("probability", "Enter the estimated probability of a new mass killing, e.g. 0.148 or 14.8%.");
      else if (probabilityOf(v.probability) === null) issue("probability", "Enter the probability between 0 and 1 (e.g. 0.148), or as a percentage with its sign (e.g. 14.8%).");
      const year = wholeNumber(v.year);
      if (v.year === "") issue("year", "Enter the year the forecast is for.");
      else if (year === null || year < 2000 || year > Number(todayIso().slice(0, 4)) + 2) issue("year", "Enter the forecast's year, e.g. 2025.");
    } else if (v.system === "R2P_MONITOR") {
      if (!(R2P_CATEGORIES as readonly string[]).includes(v.category)) issue("category", "Choose the R2P Monitor's category: Current Crisis or Imminent Risk.");
      else if (v.category === "SERIOUS_CONCERN" && typeof v.ratedOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.ratedOn) && v.ratedOn >= SERIOUS_CONCERN_RETIRED_ON) {
        issue("category", "The R2P Monitor has not used Serious Concern since March 2023: choose Current Crisis or Imminent Risk, or date the rating before March 2023.");
      }
    } else if (v.system === "GENOCIDE_WATCH") {
      const stage = wholeNumber(v.stage);
      if (v.stage === "") issue("stage", "Enter the stage Genocide Watch gives (1 to 10).");
      else if (stage === null || stage < 1 || stage > 10) issue("stage", "Enter the stage as a whole number from 1 to 10.");
      if (!(GENOCIDE_WATCH_LEVELS as readonly string[]).includes(v.alertLevel)) issue("alertLevel", "Choose the alert level: Genocide Watch, Genocide Warning or Genocide Emergency.");
    }
  });
export type ExternalRatingInput = z.infer<typeof externalRatingInputSchema>;

export const createExternalRatingSchema = z.object({ situationId: z.string().min(1).max(40), data: externalRatingInputSchema });
/** `version` is the rating's updatedAt as an ISO timestamp: an edit made after the form was opened is not overwritten. */
export const updateExternalRatingSchema = z.object({ id: z.string().min(1).max(40), version: z.string().min(1).max(40), data: externalRatingInputSchema });
export const externalRatingRefSchema = z.object({ id: z.string().min(1).max(40), version: z.string().min(1).max(40) });

function wholeNumber(v: string): number | null {
  return /^\d{1,6}$/.test(v) ? Number(v) : null;
}

/** "0.148" or "14.8%" as a probability 0-1; null for anything else (a bare 14.8 is ambiguous, so refused). */
export function probabilityOf(v: string): number | null {
  const pct = /^(\d{1,3}(?:\.\d{1,4})?)\s*%$/.exec(v);
  if (pct) {
    const n = Number(pct[1]);
    return n <= 100 ? Number((n / 100).toFixed(6)) : null;
  }
  if (!/^(?:0(?:\.\d{1,6})?|1(?:\.0{1,6})?|\.\d{1,6})$/.test(v)) return null;
  return Number(v);
}

/** The stored columns of a valid input (only the ones its system uses). */
export function toExternalRatingRecord(input: ExternalRatingInput) {
  const base = { system: input.system, ratedOn: new Date(input.ratedOn), url: input.url || null, note: input.note };
  switch (input.system) {
    case "EWP":
      return { ...base, value: input.rank, rank: Number(input.rank), rankOf: Number(input.rankOf), score: probabilityOf(input.probability), year: Number(input.year), stage: null };
    case "R2P_MONITOR":
      return { ...base, value: input.category, rank: null, rankOf: null, score: null, year: null, stage: null };
    case "GENOCIDE_WATCH":
      return { ...base, value: input.alertLevel, rank: null, rankOf: null, score: null, year: null, stage: Number(input.stage) };
  }
}

/** What a stored rating says (the table's columns but its ids and times). */
export interface ExternalRatingFields {
  system: string;
  value: string;
  score: number | null;
  rank: number | null;
  rankOf: number | null;
  year: number | null;
  stage: number | null;
  ratedOn: Date;
  url: string | null;
  note: string;
}

/** A stored rating as the form's values (the edit form, the backup's check). */
export function toExternalRatingInput(r: ExternalRatingFields): ExternalRatingInput {
  const ewp = r.system === "EWP";
  return {
    system: r.system as ExternalSystem,
    ratedOn: isoDateOrEmpty(r.ratedOn),
    url: r.url ?? "",
    note: r.note,
    rank: ewp && r.rank !== null ? String(r.rank) : "",
    rankOf: ewp && r.rankOf !== null ? String(r.rankOf) : "",
    probability: ewp && r.score !== null ? String(r.score) : "",
    year: ewp && r.year !== null ? String(r.year) : "",
    category: r.system === "R2P_MONITOR" ? r.value : "",
    stage: r.system === "GENOCIDE_WATCH" && r.stage !== null ? String(r.stage) : "",
    alertLevel: r.system === "GENOCIDE_WATCH" ? r.value : "",
  };
}

export function emptyExternalRatingInput(system: ExternalSystem = "R2P_MONITOR"): ExternalRatingInput {
  return { system, ratedOn: todayIso(), url: "", note: "", rank: "", rankOf: "", probability: "", year: "", category: "", stage: "", alertLevel: "" };
}

