import { z } from "zod";
import { CRIME_ORDER, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { isoDateOrEmpty } from "@/lib/format";
import { DATE_RULES, optionalDateField } from "@/lib/forms/dates";

export const CRIME_STATUSES = ["NOT_ASSESSED", "RISK", "ALLEGED", "DOCUMENTED", "PAST"] as const;
export const VISIBILITIES = ["ORGANISATION", "COALITION"] as const;

const text = (max: number, label: string) => z.string().trim().max(max, `${label} is too long (at most ${max.toLocaleString("en")} characters).`);

export const crimeAssessmentInputSchema = z
  .object({
    crime: z.enum(CRIME_ORDER),
    status: z.enum(CRIME_STATUSES, { message: "Choose a status." }),
    rationale: text(5000, "The rationale"),
    /** Sources cited for this crime's status (ids from the organisation's sources library). */
    sourceIds: z.array(z.string().min(1).max(40)).max(50, "Cite at most 50 sources per crime."),
  })
  .superRefine((c, ctx) => {
    if (c.status !== "NOT_ASSESSED" && c.rationale.length < 10) {
      ctx.addIssue({ code: "custom", path: ["rationale"], message: "Say why, in a sentence at least (10 characters or more)." });
    }
  });

/** The situation form, as the form holds it and the server action parses it. */
export const situationInputSchema = z.object({
  countryIso3: z.string().regex(/^[A-Z]{3}$/, "Choose a country from the list."),
  scope: text(200, "The scope"),
  title: z.string().trim().min(3, "Give the situation a title (3 characters or more).").max(200, "The title is too long (at most 200 characters)."),
  summary: text(20000, "The summary"),
  background: text(20000, "The background"),
  recommendedAction: text(10000, "The recommended action"),
  notes: text(20000, "The notes"),
  riskCategory: z.enum(RISK_CATEGORY_ORDER, { message: "Choose a risk category." }),
  populationsAtRisk: text(5000, "Populations at risk"),
  perpetrators: text(5000, "Perpetrators"),
  visibility: z.enum(VISIBILITIES, { message: "Choose who may see it." }),
  monitoringSince: optionalDateField(DATE_RULES.monitoringSince),
  crimes: z
    .array(crimeAssessmentInputSchema)
    .length(CRIME_ORDER.length)
    .refine((cs) => CRIME_ORDER.every((c) => cs.some((x) => x.crime === c)), "Each crime must be assessed once."),
});
export type SituationInput = z.infer<typeof situationInputSchema>;

export const updateSituationSchema = situationInputSchema.extend({
  id: z.string().min(1).max(40),
  /** The version the form was opened at; the update only applies if it is still current. */
  version: z.number().int().positive(),
});
export type UpdateSituationInput = z.infer<typeof updateSituationSchema>;

export const situationRefSchema = z.object({ id: z.string().min(1).max(40), version: z.number().int().positive() });

export const SITUATION_SORTS = ["updated", "title", "risk", "country", "assessed"] as const;

/** The list's filters, read from the URL so a filtered view can be bookmarked and shared. */
export const situationListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  risk: z.enum(RISK_CATEGORY_ORDER).optional().catch(undefined),
  crime: z.enum(CRIME_ORDER).optional().catch(undefined),
  status: z.enum(["RISK", "ALLEGED", "DOCUMENTED", "PAST"]).optional().catch(undefined),
  country: z.string().regex(/^[A-Z]{3}$/).optional().catch(undefined),
  region: z.string().trim().max(60).optional().catch(undefined),
  org: z.string().trim().max(40).optional().catch(undefined),
  days: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  sort: z.enum(SITUATION_SORTS).optional().catch(undefined),
  archived: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type SituationListQuery = z.infer<typeof situationListQuerySchema>;

export function emptySituationInput(): SituationInput {
  return {
    countryIso3: "",
    scope: "",
    title: "",
    summary: "",
    background: "",
    recommendedAction: "",
    notes: "",
    riskCategory: "MONITORING",
    populationsAtRisk: "",
    perpetrators: "",
    visibility: "ORGANISATION",
    monitoringSince: "",
    crimes: CRIME_ORDER.map((crime) => ({ crime, status: "NOT_ASSESSED" as const, rationale: "", sourceIds: [] })),
  };
}

/** A stored situation as the form holds it (edit page, audit snapshots). */
export function toSituationInput(s: {
  countryIso3: string;
  scope: string | null;
  title: string;
  summary: string;
  background: string;
  recommendedAction: string;
  notes: string;
  riskCategory: SituationInput["riskCategory"];
  populationsAtRisk: string;
  perpetrators: string;
  visibility: SituationInput["visibility"];
  monitoringSince: Date | null;
  crimes: { crime: SituationInput["crimes"][number]["crime"]; status: SituationInput["crimes"][number]["status"]; rationale: string; sourceIds: string[] }[];
}): SituationInput {
  return {
    countryIso3: s.countryIso3,
    scope: s.scope ?? "",
    title: s.title,
    summary: s.summary,
    background: s.background,
    recommendedAction: s.recommendedAction,
    notes: s.notes,
    riskCategory: s.riskCategory,
    populationsAtRisk: s.populationsAtRisk,
    perpetrators: s.perpetrators,
    visibility: s.visibility,
    monitoringSince: isoDateOrEmpty(s.monitoringSince),
    crimes: CRIME_ORDER.map((crime) => {
      const c = s.crimes.find((x) => x.crime === crime);
      return { crime, status: c?.status ?? "NOT_ASSESSED", rationale: c?.rationale ?? "", sourceIds: c?.sourceIds ?? [] };
    }),
  };
}
