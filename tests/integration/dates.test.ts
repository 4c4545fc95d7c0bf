// Impossible and implausible dates (issue #25, item 6), through the real server actions of every
// form with a date: each is refused next to its field with a sentence saying why, nothing is
// stored, no server error is logged; a real date is stored as the same calendar day.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { isoDate, todayIso } from "@/lib/format";
import { createEventAction, updateEventAction } from "@/app/(app)/events/actions";
import { createSituationAction, updateSituationAction } from "@/app/(app)/situations/actions";
import { createSourceAction, updateSourceAction } from "@/app/(app)/sources/actions";
import { createResponseAction, updateResponseAction } from "@/app/(app)/responses/actions";
import { saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
import { GET as backupGET, POST as backupPOST } from "@/app/api/backup/route";
import { NextRequest } from "next/server";
import { emptyEventInput, type EventInput } from "@/lib/events/schemas";
import { emptySituationInput, type SituationInput } from "@/lib/situations/schemas";
import { emptySourceInput, type SourceInput } from "@/lib/sources/schemas";
import { emptyResponseInput, type ResponseInput } from "@/lib/responses/schemas";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

let org: { id: string };
let analyst: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
});

const errors = vi.spyOn(console, "error");
afterEach(() => {
  // A refused date is an expected answer, never "Something went wrong on our side" with a logged error.
  expect(errors).not.toHaveBeenCalled();
  errors.mockClear();
});

const dayAfter = (iso: string, years = 0, days = 0) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
};
const tomorrow = () => dayAfter(todayIso(), 0, 1);

const NOT_A_DAY = {
  "2025-02-30": "February 2025 has 28 days. Enter a real date, such as 2025-02-28.",
  "2025-13-01": "There is no month 13. Enter a real date, such as 2025-12-01.",
};

/** The wrong dates every form refuses: impossible days, year 1, year 2999, and (where the past only is allowed) tomorrow. */
function wrongDates(from: number, future: string, opts: { futureAllowed?: boolean } = {}): [string, string][] {
  const upTo = `Enter a date up to ${dayAfter(todayIso(), 10)}, ten years from today.`;
  return [
    ...Object.entries(NOT_A_DAY),
    ["0001-01-01", `Enter a date from ${from} on.`],
    ["2999-01-01", opts.futureAllowed ? upTo : future],
    ...(opts.futureAllowed ? [] : [[tomorrow(), future] as [string, string]]),
  ];
}

type Result = { ok: true } | { ok: false; fieldErrors?: Record<string, string[]> };

async function expectRefused(attempt: (date: string) => Promise<Result>, stored: () => Promise<unknown>, field: string, cases: [string, string][]) {
  const before = await stored();
  for (const [date, message] of cases) {
    const res = await attempt(date);
    expect(res, date).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    expect(await stored(), `${date} stored nothing`).toEqual(before);
  }
}

describe("event date", () => {
  const event = (eventDate: string): EventInput => ({ ...emptyEventInput(), eventDate, eventType: "Battles", countryIso3: "SDN" });
  const stored = () => db.event.findMany({ where: { organisationId: org.id }, select: { id: true, eventDate: true, version: true }, orderBy: { id: "asc" } });

  it("is refused when impossible, before 1900 or in the future (tomorrow too), on create and on edit", async () => {
    await actAs(analyst);
    const cases = wrongDates(1900, "The event date cannot be in the future.");
    await expectRefused((d) => createEventAction({ data: event(d) }), stored, "data.eventDate", cases);
    const saved = await ok(createEventAction({ data: event("2024-02-29") }));
    await expectRefused((d) => updateEventAction({ id: saved.id, version: 1, data: event(d) }), stored, "data.eventDate", cases);
  });

  it("is stored as the same calendar day (29 February of a leap year, today)", async () => {
    await actAs(analyst);
    for (const day of ["2024-02-29", "1900-01-01", todayIso()]) {
      const { id } = await ok(createEventAction({ data: event(day) }));
      expect(isoDate((await db.event.findUniqueOrThrow({ where: { id } })).eventDate)).toBe(day);
    }
  });
});

describe("situation: monitored since", () => {
  const input = (monitoringSince: string): SituationInput => ({ ...emptySituationInput(), countryIso3: "SDN", title: "Sudan: Darfur", monitoringSince });
  const stored = () => db.situation.findMany({ where: { organisationId: org.id }, select: { id: true, monitoringSince: true, version: true }, orderBy: { id: "asc" } });

  it("is refused when impossible, before 1945 or in the future, on create and on edit", async () => {
    await actAs(analyst);
    const cases = wrongDates(1945, "Monitoring cannot start in the future.");
    await expectRefused((d) => createSituationAction(input(d)), stored, "monitoringSince", cases);
    const saved = await ok(createSituationAction(input("")));
    await expectRefused((d) => updateSituationAction({ ...input(d), id: saved.id, version: 1 }), stored, "monitoringSince", cases);
  });

  it("is stored as the same calendar day", async () => {
    await actAs(analyst);
    const { id } = await ok(createSituationAction(input("2024-02-29")));
    expect(isoDate((await db.situation.findUniqueOrThrow({ where: { id } })).monitoringSince!)).toBe("2024-02-29");
  });
});

describe("source: published and accessed", () => {
  const input = (over: Partial<SourceInput>): SourceInput => ({ ...emptySourceInput(), title: "Report of the Panel of Experts", publishedOn: "", accessedOn: "", ...over });
  const stored = () => db.source.findMany({ where: { organisationId: org.id }, select: { id: true, publishedOn: true, accessedOn: true, version: true }, orderBy: { id: "asc" } });

  it("refuses an impossible, too early or future publication date, on create and on edit", async () => {
    await actAs(analyst);
    const cases = wrongDates(1800, "The publication date cannot be in the future.");
    await expectRefused((d) => createSourceAction(input({ publishedOn: d })), stored, "publishedOn", cases);
    const saved = await ok(createSourceAction(input({})));
    await expectRefused((d) => updateSourceAction({ id: saved.id, version: 1, data: input({ publishedOn: d }) }), stored, "data.publishedOn", cases);
  });

  it("refuses an impossible, too early or future access date", async () => {
    await actAs(analyst);
    await expectRefused((d) => createSourceAction(input({ accessedOn: d })), stored, "accessedOn", wrongDates(1945, "The access date cannot be in the future."));
  });

  it("stores both as the same calendar days", async () => {
    await actAs(analyst);
    const { id } = await ok(createSourceAction(input({ publishedOn: "1899-07-29", accessedOn: "2024-02-29" })));
    const row = await db.source.findUniqueOrThrow({ where: { id } });
    expect([isoDate(row.publishedOn!), isoDate(row.accessedOn!)]).toEqual(["1899-07-29", "2024-02-29"]);
  });
});

describe("response: start and end", () => {
  let situationId: string;
  beforeAll(async () => {
    situationId = (await createSituation(org.id, analyst.id)).id;
  });
  const input = (over: Partial<ResponseInput>): ResponseInput => ({ ...emptyResponseInput(), actorName: "UN Security Council", title: "Referral to the ICC", startDate: "2005-03-31", ...over });
  const stored = () => db.response.findMany({ where: { situationId }, select: { id: true, startDate: true, endDate: true, version: true }, orderBy: { id: "asc" } });

  it("refuses an impossible start, one before 1945 or more than ten years ahead, on create and on edit", async () => {
    await actAs(analyst);
    const cases = wrongDates(1945, "", { futureAllowed: true });
    await expectRefused((d) => createResponseAction({ situationId, data: input({ startDate: d }) }), stored, "data.startDate", cases);
    const saved = await ok(createResponseAction({ situationId, data: input({}) }));
    await expectRefused((d) => updateResponseAction({ id: saved.id, version: 1, data: input({ startDate: d }) }), stored, "data.startDate", cases);
  });

  it("refuses an impossible end, or one more than ten years ahead", async () => {
    await actAs(analyst);
    await expectRefused((d) => createResponseAction({ situationId, data: input({ endDate: d }) }), stored, "data.endDate", wrongDates(1945, "", { futureAllowed: true }));
  });

  it("stores the same calendar days, planned ones up to ten years ahead included", async () => {
    await actAs(analyst);
    const [start, end] = [tomorrow(), dayAfter(todayIso(), 10)];
    const { id } = await ok(createResponseAction({ situationId, data: input({ startDate: start, endDate: end, status: "PROPOSED" }) }));
    const row = await db.response.findUniqueOrThrow({ where: { id } });
    expect([isoDate(row.startDate), isoDate(row.endDate!)]).toEqual([start, end]);
  });
});

describe("assessment round date", () => {
  it("is refused when impossible, before 1990 or in the future, on start and on save", async () => {
    const s = await createSituation(org.id, analyst.id);
    const stored = () => db.assessment.findMany({ where: { situationId: s.id }, select: { id: true, assessedOn: true, version: true }, orderBy: { id: "asc" } });
    await actAs(analyst);
    const cases = wrongDates(1990, "A round cannot be dated in the future.");
    await expectRefused((d) => startRoundAction({ situationId: s.id, assessedOn: d }), stored, "assessedOn", cases);
    const round = await ok(startRoundAction({ situationId: s.id, assessedOn: "2024-02-29" }));
    expect(isoDate((await db.assessment.findUniqueOrThrow({ where: { id: round.id } })).assessedOn)).toBe("2024-02-29");
    await expectRefused((d) => saveRoundAction({ id: round.id, version: 1, assessedOn: d, summary: "", ratings: [] }), stored, "assessedOn", cases);
  });
});

describe("restoring a backup", () => {
  type Rec = Record<string, unknown>;
  let good: Record<"sources" | "situations" | "assessments" | "responses" | "events", Rec[]>;
  beforeAll(async () => {
    const from = await createOrganisation();
    const [admin, author] = [await createMember(from.id, "ADMIN"), await createMember(from.id, "ANALYST")];
    await actAs(author);
    await ok(createSourceAction({ ...emptySourceInput(), title: "Report", publishedOn: "2024-02-29", accessedOn: "2024-03-01" }));
    const s = await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Darfur", monitoringSince: "2023-04-15" }));
    await ok(startRoundAction({ situationId: s.id, assessedOn: "2024-02-29" }));
    await ok(createResponseAction({ situationId: s.id, data: { ...emptyResponseInput(), actorName: "UN Security Council", title: "Referral", startDate: "2005-03-31", endDate: "2005-04-30" } }));
    await ok(createEventAction({ data: { ...emptyEventInput(), situationId: s.id, eventDate: "2024-02-29", eventType: "Battles", countryIso3: "SDN" } }));
    await actAs(admin);
    good = JSON.parse(await (await backupGET()).text());
  });

  /** Restores a tampered copy into a new, empty organisation: the answer, and what was stored. */
  async function restoreWith(change: (b: typeof good) => void) {
    const copy = structuredClone(good);
    change(copy);
    const into = await createOrganisation();
    await actAs(await createMember(into.id, "ADMIN"), into.id);
    const body = JSON.stringify(copy);
    const res = await backupPOST(new NextRequest("http://localhost/api/backup", { method: "POST", body, headers: { "content-length": String(Buffer.byteLength(body)) } }));
    const where = { organisationId: into.id };
    const stored = (await db.situation.count({ where })) + (await db.source.count({ where })) + (await db.event.count({ where })) + (await db.response.count({ where })) + (await db.assessment.count({ where }));
    return { status: res.status, message: ((await res.json()) as { message?: string }).message ?? "", stored, into };
  }

  const cases: [string, (b: typeof good, v: string) => void, string, number][] = [
    ["eventDate", (b, v) => (b.events[0].eventDate = v), "The event date cannot be in the future.", 1900],
    ["monitoringSince", (b, v) => (b.situations[0].monitoringSince = v), "Monitoring cannot start in the future.", 1945],
    ["publishedOn", (b, v) => (b.sources[0].publishedOn = v), "The publication date cannot be in the future.", 1800],
    ["accessedOn", (b, v) => (b.sources[0].accessedOn = v), "The access date cannot be in the future.", 1945],
    ["startDate", (b, v) => (b.responses[0].startDate = v), `Enter a date up to ${dayAfter(todayIso(), 10)}, ten years from today.`, 1945],
    ["endDate", (b, v) => (b.responses[0].endDate = v), `Enter a date up to ${dayAfter(todayIso(), 10)}, ten years from today.`, 1945],
    ["assessedOn", (b, v) => (b.assessments[0].assessedOn = v), "A round cannot be dated in the future.", 1990],
  ];

  it.each(cases)("refuses an impossible or implausible %s by the forms' rule, and restores nothing", async (field, set, future, from) => {
    const wrong: [string, string][] = [
      ["2025-02-30T00:00:00.000Z", NOT_A_DAY["2025-02-30"]],
      ["2025-13-01T00:00:00.000Z", NOT_A_DAY["2025-13-01"]],
      ["0001-01-01T00:00:00.000Z", `Enter a date from ${from} on.`],
      ["2999-01-01T00:00:00.000Z", future],
      ["yesterday", "Use a date like 2026-03-31."],
    ];
    for (const [value, message] of wrong) {
      const r = await restoreWith((b) => set(b, value));
      expect(r.status, value).toBe(400);
      expect(r.message, value).toContain(field);
      expect(r.message, value).toContain(message);
      expect(r.stored, value).toBe(0);
    }
  });

  it("restores the real days as the same calendar days", async () => {
    const r = await restoreWith(() => {});
    expect(r.status).toBe(200);
    const where = { organisationId: r.into.id };
    const [source, situation, round, response, event] = await Promise.all([
      db.source.findFirstOrThrow({ where }),
      db.situation.findFirstOrThrow({ where }),
      db.assessment.findFirstOrThrow({ where }),
      db.response.findFirstOrThrow({ where }),
      db.event.findFirstOrThrow({ where }),
    ]);
    expect([source.publishedOn, source.accessedOn, situation.monitoringSince, round.assessedOn, response.startDate, response.endDate, event.eventDate].map((d) => isoDate(d!))).toEqual([
      "2024-02-29",
      "2024-03-01",
      "2023-04-15",
      "2024-02-29",
      "2005-03-31",
      "2005-04-30",
      "2024-02-29",
    ]);
  });
});
