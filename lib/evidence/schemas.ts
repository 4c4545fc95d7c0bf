// Evidence since the last round (issue #28): what the event log says about each indicator since the
// situation's last published round, the change of rating it suggests, and the analyst's decision.
import { z } from "zod";
import { LEVELS } from "@/lib/indicators/schemas";

export type Level = (typeof LEVELS)[number];

/** Linked events since the last published round at or above which a higher rating is suggested. */
export const SUGGEST_AT_EVENTS = 3;

/** The levels in order: a suggestion moves one step up from the last published rating. */
const ORDER: Level[] = ["NONE", "PRESENT", "SIGNIFICANT", "SEVERE"];

/**
 * The rating the evidence points to, or null. The rule, stated to the analyst on the page: when at
 * least SUGGEST_AT_EVENTS events linked to an indicator were recorded since the last published round,
 * the evidence points one way (up), so one step above that round's rating is suggested (an
 * indicator it did not rate, or rated None, is suggested as Present); nothing above Severe, and
 * nothing with fewer events. A suggestion is never applied by itself.
 */
export function suggestedLevel(published: Level | null, linkedEvents: number): Level | null {
  if (linkedEvents < SUGGEST_AT_EVENTS || published === "SEVERE") return null;
  return ORDER[(published ? ORDER.indexOf(published) : 0) + 1]; // not rated steps up as None does
}

export const decideSuggestionSchema = z
  .object({
    roundId: z.string().min(1).max(40),
    indicatorId: z.string().min(1).max(40),
    decision: z.enum(["ACCEPTED", "DECLINED"], { error: "Choose whether to take the suggested rating." }),
    reason: z.string().trim().max(2000, { error: "Keep the reason under 2,000 characters." }),
  })
  .refine((v) => v.decision === "ACCEPTED" || v.reason.length >= 3, { path: ["reason"], error: "Say why you keep the rating as it is: the reason is kept with the round." });
export type DecideSuggestionInput = z.infer<typeof decideSuggestionSchema>;
