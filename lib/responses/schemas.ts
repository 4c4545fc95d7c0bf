import { z } from "zod";
import { UN_SYMBOL } from "@/lib/sources/schemas";
import { isoDateOrEmpty, todayIso } from "@/lib/format";
import { DATE_RULES, dateField, optionalDateField } from "@/lib/forms/dates";

export const PILLARS = ["I", "II", "III"] as const;
export const RESPONSE_TYPES = [
  "STATEMENT", "DEMARCHE", "MEDIATION", "CAPACITY_BUILDING", "TECHNICAL_ASSISTANCE", "HUMANITARIAN_ASSISTANCE", "FACT_FINDING",
  "TARGETED_SANCTIONS", "ARMS_EMBARGO", "ICC_REFERRAL", "PEACE_OPERATION", "AUTHORISED_USE_OF_FORCE", "NATIONAL_ACTION_PLAN", "ACCOUNTABILITY", "OTHER",
] as const;
export const ACTOR_TYPES = [
  "STATE_CONCERNED", "UN_SECURITY_COUNCIL", "UN_GENERAL_ASSEMBLY", "UN_HUMAN_RIGHTS_COUNCIL", "UN_SECRETARY_GENERAL", "REGIONAL_BODY", "OTHER_STATE", "CIVIL_SOCIETY",
] as const;
export const RESPONSE_STATUSES = ["PROPOSED", "ADOPTED", "IMPLEMENTED", "BLOCKED", "LAPSED"] as const;
export const RESPONSE_EFFECTS = ["NOT_ASSESSED", "NONE", "LIMITED", "MODERATE", "SIGNIFICANT", "COUNTERPRODUCTIVE"] as const;

export const EFFECT_LABELS: Record<(typeof RESPONSE_EFFECTS)[number], string> = {
  NOT_ASSESSED: "Not assessed yet",
  NONE: "No visible effect",
  LIMITED: "Limited",
  MODERATE: "Moderate",
  SIGNIFICANT: "Significant",
  COUNTERPRODUCTIVE: "Counterproductive",
};

export const responseInputSchema = z
  .object({
    pillar: z.enum(PILLARS, { message: "Choose a pillar." }),
    type: z.enum(RESPONSE_TYPES, { message: "Choose a type." }),
    actorType: z.enum(ACTOR_TYPES, { message: "Choose who acted." }),
    actorName: z.string().trim().min(2, "Name the actor, e.g. “African Union Peace and Security Council”.").max(200, "The actor's name is too long (at most 200 characters)."),
    title: z.string().trim().min(3, "Describe the response in a few words (3 characters or more).").max(300, "The title is too long (at most 300 characters)."),
    description: z.string().trim().max(10000, "The description is too long (at most 10,000 characters)."),
    startDate: dateField(DATE_RULES.responseDate),
    endDate: optionalDateField(DATE_RULES.responseDate),
    reference: z
      .string()
      .trim()
      .max(100, "The reference is too long (at most 100 characters).")
      .refine((v) => v === "" || !/^[A-Z]{1,6}\//.test(v) || UN_SYMBOL.test(v), "This does not look like a UN document symbol such as S/RES/1593 (2005)."),
    status: z.enum(RESPONSE_STATUSES, { message: "Choose a status." }),
    effect: z.enum(RESPONSE_EFFECTS, { message: "Choose the assessed effect." }),
    effectNotes: z.string().trim().max(5000, "The notes on effect are too long (at most 5,000 characters)."),
    sourceIds: z.array(z.string().min(1).max(40)).max(50, "Cite at most 50 sources."),
  })
  // Compared only when both dates are themselves right (a wrong one already has its own message).
  .refine((r) => r.endDate === "" || r.endDate >= r.startDate, {
    path: ["endDate"],
    message: "The end date is before the start date.",
    when: (p) => {
      const v = p.value as { startDate?: unknown; endDate?: unknown } | null | undefined;
      return typeof v?.startDate === "string" && typeof v?.endDate === "string" && !p.issues.some((i) => i.path?.[0] === "startDate" || i.path?.[0] === "endDate");
    },
  });
export type ResponseInput = z.infer<typeof responseInputSchema>;

export const createResponseSchema = z.object({ situationId: z.string().min(1).max(40), data: responseInputSchema });
export const updateResponseSchema = z.object({ id: z.string().min(1).max(40), version: z.number().int().positive(), data: responseInputSchema });
export const responseRefSchema = z.object({ id: z.string().min(1).max(40), version: z.number().int().positive() });

export const responseListQuerySchema = z.object({
  pillar: z.enum(PILLARS).optional().catch(undefined),
  type: z.enum(RESPONSE_TYPES).optional().catch(undefined),
  actor: z.enum(ACTOR_TYPES).optional().catch(undefined),
  situation: z.string().max(40).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type ResponseListQuery = z.infer<typeof responseListQuerySchema>;

/** A stored response as the form's values (the edit form, and what a conflict compares with). */
export function toResponseInput(r: {
  pillar: ResponseInput["pillar"];
  type: ResponseInput["type"];
  actorType: ResponseInput["actorType"];
  actorName: string;
  title: string;
  description: string;
  startDate: Date;
  endDate: Date | null;
  reference: string | null;
  status: ResponseInput["status"];
  effect: ResponseInput["effect"];
  effectNotes: string;
  sourceIds: string[];
}): ResponseInput {
  return {
    pillar: r.pillar,
    type: r.type,
    actorType: r.actorType,
    actorName: r.actorName,
    title: r.title,
    description: r.description,
    startDate: isoDateOrEmpty(r.startDate),
    endDate: isoDateOrEmpty(r.endDate),
    reference: r.reference ?? "",
    status: r.status,
    effect: r.effect,
    effectNotes: r.effectNotes,
    sourceIds: r.sourceIds,
  };
}

export function emptyResponseInput(): ResponseInput {
  return {
    pillar: "III",
    type: "STATEMENT",
    actorType: "UN_SECURITY_COUNCIL",
    actorName: "",
    title: "",
    description: "",
    startDate: todayIso(),
    endDate: "",
    reference: "",
    status: "ADOPTED",
    effect: "NOT_ASSESSED",
    effectNotes: "",
    sourceIds: [],
  };
}
