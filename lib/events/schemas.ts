import { z } from "zod";
import { CRIME_ORDER } from "@/lib/labels";
import { isoDate } from "@/lib/format";
import { DATE_RULES, dateField } from "@/lib/forms/dates";
import type { Event } from "@/lib/generated/prisma/browser";

/** ACLED's event types (an organisation may record others). */
export const EVENT_TYPES = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests", "Strategic developments"] as const;

const id = z.string().min(1).max(40);
const text = (max: number, label: string) => z.string().trim().max(max, `${label} is too long (at most ${max.toLocaleString("en")} characters).`);
const coordinate = (min: number, max: number, label: string) =>
  z.union([
    z.literal(""),
    z
      .string()
      .trim()
      .regex(/^-?\d{1,3}(\.\d+)?$/, `${label} must be a number such as ${max === 90 ? "12.05" : "24.88"}.`)
      .refine((v) => Number(v) >= min && Number(v) <= max, `${label} must be between ${min} and ${max}.`),
  ]);

export const eventInputSchema = z
  .object({
    situationId: z.union([z.literal(""), id]),
    eventDate: dateField(DATE_RULES.eventDate),
    eventType: z.string().trim().min(2, "Choose or write the type of event.").max(100, "The event type is too long (at most 100 characters)."),
    subEventType: text(100, "The sub-type"),
    actor1: text(300, "The first actor"),
    actor2: text(300, "The second actor"),
    // Empty: not known (stored as null), which is not the same as 0.
    fatalities: z.preprocess(
      (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? (v.trim() === "" ? null : Number(v.trim())) : v),
      z
        .number({ error: "Write the number of people killed, or leave it empty if it is not known." })
        .int("Write a whole number of people killed.")
        .min(0, "The number of people killed cannot be negative.")
        .max(1_000_000, "That number of people killed looks too high (at most 1,000,000).")
        .nullable(),
    ),
    civilianTargeting: z.boolean(),
    countryIso3: z.union([z.literal(""), z.string().regex(/^[A-Z]{3}$/, "Choose a country from the list.")]),
    admin1: text(200, "Admin 1"),
    admin2: text(200, "Admin 2"),
    admin3: text(200, "Admin 3"),
    location: text(200, "The place"),
    latitude: coordinate(-90, 90, "Latitude"),
    longitude: coordinate(-180, 180, "Longitude"),
    notes: text(10000, "The notes"),
    crimes: z.array(z.enum(CRIME_ORDER)).max(5),
    indicatorIds: z.array(id).max(50, "Link at most 50 indicators."),
    sourceIds: z.array(id).max(50, "Cite at most 50 sources."),
  })
  .refine((e) => (e.latitude === "") === (e.longitude === ""), { path: ["longitude"], message: "Give both latitude and longitude, or neither." });
export type EventInput = z.infer<typeof eventInputSchema>;

/** A stored event as the form's values (the edit form, and what a conflict compares with). */
export function toEventInput(
  e: Pick<Event, "situationId" | "eventDate" | "eventType" | "subEventType" | "actor1" | "actor2" | "fatalities" | "civilianTargeting" | "countryIso3" | "admin1" | "admin2" | "admin3" | "location" | "latitude" | "longitude" | "notes" | "crimes"> & {
    indicatorIds: string[];
    sourceIds: string[];
  },
): EventInput {
  return {
    situationId: e.situationId ?? "",
    eventDate: isoDate(e.eventDate),
    eventType: e.eventType,
    subEventType: e.subEventType ?? "",
    actor1: e.actor1 ?? "",
    actor2: e.actor2 ?? "",
    fatalities: e.fatalities,
    civilianTargeting: e.civilianTargeting,
    countryIso3: e.countryIso3 ?? "",
    admin1: e.admin1 ?? "",
    admin2: e.admin2 ?? "",
    admin3: e.admin3 ?? "",
    location: e.location ?? "",
    latitude: e.latitude?.toString() ?? "",
    longitude: e.longitude?.toString() ?? "",
    notes: e.notes,
    crimes: e.crimes,
    indicatorIds: e.indicatorIds,
    sourceIds: e.sourceIds,
  };
}

export const createEventSchema = z.object({ data: eventInputSchema });
export const updateEventSchema = z.object({ id, version: z.number().int().min(1), data: eventInputSchema });
export const eventRefSchema = z.object({ id, version: z.number().int().min(1) });

export function emptyEventInput(): EventInput {
  return {
    situationId: "",
    eventDate: "",
    eventType: "",
    subEventType: "",
    actor1: "",
    actor2: "",
    fatalities: null,
    civilianTargeting: false,
    countryIso3: "",
    admin1: "",
    admin2: "",
    admin3: "",
    location: "",
    latitude: "",
    longitude: "",
    notes: "",
    crimes: [],
    indicatorIds: [],
    sourceIds: [],
  };
}

/** The filters of an event list, from the URL. */
export const eventListQuerySchema = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  type: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  minFatalities: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
  civilian: z.enum(["1"]).optional().catch(undefined),
  indicator: z.string().max(40).optional().catch(undefined),
  situation: z.string().max(40).optional().catch(undefined),
  /** "1": only the organisation's own events, not those of situations other organisations share (e.g. an export to import back). */
  own: z.enum(["1"]).optional().catch(undefined),
  sort: z.enum(["newest", "oldest"]).optional().catch(undefined),
  /** Keyset cursor: "<yyyy-mm-dd>_<id>" of the last row of the previous page. */
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}_[\w-]{1,40}$/).optional().catch(undefined),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;
