import { z } from "zod";
import { DATE_RULES, dateField } from "@/lib/forms/dates";

export const LEVELS = ["NONE", "PRESENT", "SIGNIFICANT", "SEVERE"] as const;
export const TRENDS = ["RISING", "STABLE", "FALLING"] as const;
export const CONFIDENCES = ["LOW", "MEDIUM", "HIGH"] as const;

const id = z.string().min(1).max(40);
const roundDate = dateField(DATE_RULES.assessedOn);

export const ratingInputSchema = z.object({
  indicatorId: id,
  level: z.enum(LEVELS, { message: "Rate it None, Present, Significant or Severe." }),
  trend: z.union([z.literal(""), z.enum(TRENDS, { message: "Choose rising, stable or falling." })]),
  confidence: z.union([z.literal(""), z.enum(CONFIDENCES, { message: "Choose low, medium or high confidence." })]),
  evidence: z.string().trim().max(5000, "The evidence is too long (at most 5,000 characters)."),
  sourceIds: z.array(id).max(20, "Cite at most 20 sources per indicator."),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

export const startRoundSchema = z.object({ situationId: id, assessedOn: roundDate });

/**
 * A save of a draft round sends what the form changed, on the version it was based on: a field or a
 * rating left out stays as it is saved, and a rating is removed only when named in `unrated`. So a
 * save can never drop another analyst's work it did not touch (issue #25).
 */
export const saveRoundSchema = z
  .object({
    id,
    version: z.number().int().min(1),
    /** Left out: unchanged. */
    assessedOn: roundDate.optional(),
    /** Left out: unchanged. */
    summary: z.string().trim().max(10000, "The summary is too long (at most 10,000 characters).").optional(),
    /** The ratings set or changed; an indicator left out keeps its rating. */
    ratings: z
      .array(ratingInputSchema)
      .max(1000)
      .refine((rs) => new Set(rs.map((r) => r.indicatorId)).size === rs.length, "An indicator is rated twice."),
    /** The indicators whose rating is removed, each named. */
    unrated: z.array(id).max(1000).default([]),
  })
  .refine((v) => !v.unrated.some((u) => v.ratings.some((r) => r.indicatorId === u)), { path: ["unrated"], message: "An indicator is both rated and un-rated." });
export type SaveRoundInput = z.infer<typeof saveRoundSchema>;

export const roundRefSchema = z.object({ id, version: z.number().int().min(1) });

const indicatorText = z.string().trim().min(10, "Describe the indicator in a sentence (10 characters or more).").max(1000, "The text is too long (at most 1,000 characters).");
export const createIndicatorSchema = z.object({
  factor: z.coerce.number({ message: "Choose a risk factor." }).int().min(1, "Choose a risk factor.").max(14, "Choose a risk factor."),
  text: indicatorText,
});
export const updateIndicatorSchema = z.object({ id, version: z.number().int().min(1), text: indicatorText });
export const retireIndicatorSchema = z.object({ id, version: z.number().int().min(1), retired: z.boolean() });

/**
 * The share of indicators that must be assessed before a score counts (Organisation.minScoreCoverage,
 * percent), as administrators choose it: one of these. Below it a score reads "Not enough assessed".
 */
export const MIN_SCORE_COVERAGES = [25, 33, 50, 67, 75] as const;
export const minScoreCoverageInputSchema = z.object({
  minCoverage: z.coerce
    .number({ message: "Choose the share of indicators that must be assessed." })
    .refine((v) => (MIN_SCORE_COVERAGES as readonly number[]).includes(v), "Choose one of the offered shares."),
});
