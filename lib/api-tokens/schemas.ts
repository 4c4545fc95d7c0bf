import { z } from "zod";

/** The record types a partner API token may read, each a part of /api/v1. */
export const API_SCOPES = ["situations", "assessments", "rounds", "responses", "events", "sources"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  situations: "Situations",
  assessments: "Crime assessments",
  rounds: "Published rounds and their scores",
  responses: "Responses",
  events: "Events",
  sources: "Sources",
};

/** A token lives at most a year: a partner asks again, and a forgotten token stops on its own. */
export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_DAY_CHOICES = [30, 90, 180, 365] as const;

/** The Admin page's form to issue a token, as the server action parses it. */
export const issueApiTokenSchema = z.object({
  name: z.string().trim().min(3, "Name the token after who uses it and for what (3 characters or more).").max(100, "The name is too long (at most 100 characters)."),
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1, "Choose at least one kind of record the token may read.")
    .max(API_SCOPES.length)
    .transform((s) => [...new Set(s)]),
  days: z.coerce
    .number({ message: "Choose how long the token stays valid." })
    .int("Choose whole days.")
    .min(1, "The token must be valid for a day at least.")
    .max(API_TOKEN_MAX_DAYS, `A token is valid for ${API_TOKEN_MAX_DAYS} days at most.`),
});
export type IssueApiTokenInput = z.input<typeof issueApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ id: z.string().min(1).max(40) });
