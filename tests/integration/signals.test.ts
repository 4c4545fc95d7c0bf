import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { briefSignals, listedSignals, situationSignals } from "@/lib/signals/queries";
import { briefSignalSentences } from "@/lib/signals/brief";
import { addWeeks } from "@/lib/signals/stats";
import { actAs, createMember, createOrganisation, createSituation } from "../support/fixtures";
import { signalSensitivityAction } from "@/app/(app)/admin/actions";
import { createEventAction, deleteEventAction } from "@/app/(app)/events/actions";
import { emptyEventInput } from "@/lib/events/schemas";

// A synthetic event log whose signals are known. "Today" is Wednesday 2026-11-25: the current week
// began on Monday 2026-11-23, the last complete week on 2026-11-16.
// Situation "Steady": from 2026-02-09, every week 2 battles (Army vs Militia, 1 killed each) and 1
// attack on civilians (Militia, 2 killed). Then:
// - week of 2026-08-17: one more attack by Militia killing 950 (Militia's 12 months: 950 + 2 x 41 = 1,032, over 1,000);
// - week of 2026-11-16: 9 more battles, people killed not known, one of them with a new actor, "New Brigade":
//   12 events against 3 a week (a spike), attacks on civilians and known killed as usual (no spike);
// - week of 2026-11-23, so far: 1 battle as usual.
// Situation "Fresh": two battles last week and nothing before (no baseline, nothing "new" to compare with).
// Situation "Elsewhere": another organisation's, with a spike, kept to itself.
const AS_OF = "2026-11-25";
const FIRST_WEEK = "2026-02-09";
const SPIKE_WEEK = "2026-11-16";

type Row = { eventDate: string; eventType: string; actor1: string; actor2: string; fatalities: number | null; civilianTargeting?: boolean; subEventType: string };
const battle = (eventDate: string, over: Partial<Row> = {}): Row => ({ eventDate, eventType: "Battles", subEventType: "Armed clash", actor1: "Army", actor2: "Militia", fatalities: 1, ...over });
const attack = (eventDate: string, fatalities = 2): Row => ({ eventDate, eventType: "Violence against civilians", subEventType: "Attack", actor1: "Militia", actor2: "Civilians", fatalities, civilianTargeting: true });
const day = (week: string, n: number) => new Date(Date.parse(`${week}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function insert(organisationId: string, situationId: string, userId: string, rows: Row[]) {
  await db.event.createMany({
    data: rows.map((r) => ({ ...r, eventDate: new Date(r.eventDate), organisationId, situationId, createdById: userId, admin1: "North Darfur", interaction: "State forces-Rebel group", countryIso3: "SDN" })),
  });
}

let org: { id: string };
let analyst: { id: string };
let steady: { id: string };
let fresh: { id: string };
let elsewhere: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  steady = await createSituation(org.id, analyst.id, { title: "A steady situation" });
  fresh = await createSituation(org.id, analyst.id, { title: "B fresh situation" });
  const rows: Row[] = [];
  for (let w = FIRST_WEEK; w < SPIKE_WEEK; w = addWeeks(w, 1)) rows.push(battle(day(w, 1)), battle(day(w, 2)), attack(day(w, 3)));
  rows.push(attack(day("2026-08-17", 4), 950));
  rows.push(battle(day(SPIKE_WEEK, 1)), battle(day(SPIKE_WEEK, 2)), attack(day(SPIKE_WEEK, 3)));
  for (let i = 0; i < 9; i++) rows.push(battle(day(SPIKE_WEEK, 4), { fatalities: null, actor2: i === 0 ? "New Brigade" : "Militia" }));
  rows.push(battle("2026-11-24"));
  await insert(org.id, steady.id, analyst.id, rows);
  await insert(org.id, fresh.id, analyst.id, [battle(day(SPIKE_WEEK, 1), { actor1: "Someone" }), battle(day(SPIKE_WEEK, 2), { actor1: "Someone" })]);

  const other = await createOrganisation();
  const otherAnalyst = await createMember(other.id, "ANALYST");
  elsewhere = await createSituation(other.id, otherAnalyst.id, { title: "Elsewhere" });
  const theirs: Row[] = [];
  for (let w = FIRST_WEEK; w <= SPIKE_WEEK; w = addWeeks(w, 1)) theirs.push(battle(day(w, 1)));
  for (let i = 0; i < 20; i++) theirs.push(battle(day(SPIKE_WEEK, 2)));
  await insert(other.id, elsewhere.id, otherAnalyst.id, theirs);
});

describe("signals from the event log", () => {
  it("flag exactly the spike week, the threshold crossing and the new actor, for the situations the member sees", async () => {
    const all = await listedSignals({ organisationId: org.id }, AS_OF);
    expect(all.map((s) => s.title)).toEqual(["A steady situation", "B fresh situation"]);
    const [a, b] = all;
    expect(a.currentWeek).toBe("2026-11-23");
    expect(a.lastCompleteWeek).toBe(SPIKE_WEEK);
    expect(a.sensitivity).toBe(0.001);

    expect(a.spikes).toHaveLength(1);
    expect(a.spikes[0]).toMatchObject({ series: "events", week: SPIKE_WEEK, test: { observed: 12, dispersion: 1, flagged: true } });
    // The baseline holds the week of the 950 killed: 79 events in 26 weeks.
    expect(a.spikes[0].test.baselineMean).toBeCloseTo(79 / 26, 10);
    expect(a.spikes[0].test.p).toBeLessThan(0.0001);
    const spikeWeek = a.weeks.find((w) => w.week === SPIKE_WEEK)!;
    // Unknown fatalities stay unknown: 4 known killed, 9 events without a figure.
    expect(spikeWeek).toMatchObject({ events: 12, civilian: 1, killed: 4, unknownKilled: 9 });
    expect(spikeWeek.tests.killed).toMatchObject({ observed: 4, flagged: false });

    expect(a.threshold).toMatchObject({ actor: "Militia", killed: 1032, crossed: true, unknownKilled: 0 });
    expect(a.newThings).toEqual([{ kind: "ACTOR", value: "New Brigade", first: "2026-11-20", events: 1 }]);

    // No baseline and no earlier events: nothing to flag.
    expect(b.spikes).toEqual([]);
    expect(b.newThings).toEqual([]);
    expect(b.threshold).toBeNull();
    expect(b.weeks.every((w) => Object.keys(w.tests).length === 0)).toBe(true);
  });

  it("chart a year of weeks with the flagged ones, and show another organisation's situation to no one else", async () => {
    const s = (await situationSignals({ organisationId: org.id }, steady.id, AS_OF))!;
    expect(s.weeks).toHaveLength(52);
    expect(s.weeks.at(-1)!.week).toBe("2026-11-23");
    const flagged = s.weeks.flatMap((w) => Object.entries(w.tests).filter(([, t]) => t.flagged).map(([series]) => `${w.week} ${series}`));
    expect(flagged).toEqual(["2026-08-17 killed", `${SPIKE_WEEK} events`]);

    expect(await situationSignals({ organisationId: org.id }, elsewhere.id, AS_OF)).toBeNull();
    const theirs = (await situationSignals({ organisationId: (await db.situation.findUniqueOrThrow({ where: { id: elsewhere.id } })).organisationId }, elsewhere.id, AS_OF))!;
    expect(theirs.spikes.map((x) => x.series)).toEqual(["events", "killed"]);
  });

  it("show a situation shared with the coalition to its members, at the sensitivity of the organisation that records it, until it is archived", async () => {
    const theirs = await db.situation.findUniqueOrThrow({ where: { id: elsewhere.id } });
    await db.organisation.update({ where: { id: theirs.organisationId }, data: { signalSensitivity: 0.01 } });
    await db.situation.update({ where: { id: elsewhere.id }, data: { visibility: "COALITION" } });
    try {
      const seen = (await listedSignals({ organisationId: org.id }, AS_OF)).find((s) => s.situationId === elsewhere.id)!;
      expect(seen).toMatchObject({ title: "Elsewhere", sensitivity: 0.01 });
      expect(seen.spikes.map((x) => x.series)).toEqual(["events", "killed"]);
      expect((await situationSignals({ organisationId: org.id }, elsewhere.id, AS_OF))?.sensitivity).toBe(0.01);
      await db.situation.update({ where: { id: elsewhere.id }, data: { archivedAt: new Date() } });
      expect((await listedSignals({ organisationId: org.id }, AS_OF)).map((s) => s.situationId)).not.toContain(elsewhere.id);
      expect(await situationSignals({ organisationId: org.id }, elsewhere.id, AS_OF)).toBeNull();
    } finally {
      await db.situation.update({ where: { id: elsewhere.id }, data: { visibility: "ORGANISATION", archivedAt: null } });
      await db.organisation.update({ where: { id: theirs.organisationId }, data: { signalSensitivity: 0.001 } });
    }
  });

  it("follow the organisation's sensitivity, and leave deleted events out", async () => {
    await db.organisation.update({ where: { id: org.id }, data: { signalSensitivity: 0.00005 } });
    try {
      const [a] = await listedSignals({ organisationId: org.id }, AS_OF);
      expect(a.spikes).toEqual([]);
    } finally {
      await db.organisation.update({ where: { id: org.id }, data: { signalSensitivity: 0.001 } });
    }
    await db.event.updateMany({ where: { situationId: steady.id, actor2: "New Brigade" }, data: { deletedAt: new Date() } });
    try {
      const [a] = await listedSignals({ organisationId: org.id }, AS_OF);
      expect(a.newThings).toEqual([]);
      expect(a.weeks.find((w) => w.week === SPIKE_WEEK)!.events).toBe(11);
    } finally {
      await db.event.updateMany({ where: { situationId: steady.id, actor2: "New Brigade" }, data: { deletedAt: null } });
    }
  });
});

describe("the Signals tab", () => {
  it("explains each signal in plain words and links to the events behind it", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { SignalsTab } = await import("@/app/(app)/situations/[id]/signals-tab");
    const page = renderToStaticMarkup((await SignalsTab({ situationId: steady.id, membership: { organisationId: org.id }, asOf: AS_OF }))!);
    const text = page.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");
    expect(text).toContain(
      "12 events in the week of 2026-11-16; 3 a week over the previous 26 weeks; by chance alone, a week like this comes less than 1 time in 10,000.",
    );
    expect(text).toContain("Militia killed at least 1,032 civilians in attacks on civilians in the last 12 months: over the Early Warning Project's threshold of 1,000 for a mass killing.");
    expect(text).toContain("A new actor, New Brigade, first seen on 2026-11-20; events with it since: 1.");
    expect(text).toContain("less than 1 time in 1,000, if the weeks before it");
    expect(page).toContain(`href="/situations/${steady.id}?tab=events&amp;from=2026-11-16&amp;to=2026-11-22"`);
    expect(page).toContain(`href="/situations/${steady.id}?tab=events&amp;from=2026-11-20&amp;actor=New+Brigade"`);
    expect(page).toContain(`href="/situations/${steady.id}?tab=events&amp;from=2025-11-26&amp;to=2026-11-25&amp;actor=Militia&amp;type=Violence+against+civilians"`);
    // The spike week's people killed: 4 known, 9 unknown.
    expect(text).toContain("at least 4");
    expect(await SignalsTab({ situationId: elsewhere.id, membership: { organisationId: org.id }, asOf: AS_OF })).toBeNull();
  });
});

describe("the dashboard's Signals this week panel", () => {
  it("lists the member's situations with a signal, in plain words, and no one else's", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { SignalsThisWeekPanel } = await import("@/components/signals/signals-panel");
    const page = renderToStaticMarkup(await SignalsThisWeekPanel({ membership: { organisationId: org.id }, asOf: AS_OF }));
    const text = page.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");
    expect(text).toContain("Signals this week (1)");
    expect(page).toContain(`<a href="/situations/${steady.id}?tab=signals">A steady situation</a>`);
    expect(text).toContain("12 events in the week of 2026-11-16");
    expect(text).not.toContain("B fresh situation");
    expect(text).not.toContain("Elsewhere");
    // Another organisation's member sees only theirs.
    const theirs = renderToStaticMarkup(await SignalsThisWeekPanel({ membership: { organisationId: (await db.situation.findUniqueOrThrow({ where: { id: elsewhere.id } })).organisationId }, asOf: AS_OF }));
    expect(theirs).toContain("Elsewhere");
    expect(theirs).not.toContain("A steady situation");

    // Kept while nothing changes; an event recorded or deleted (audited) is seen at once.
    await actAs(analyst);
    const recorded = await createEventAction({ data: { ...emptyEventInput(), situationId: steady.id, eventDate: "2026-11-21", eventType: "Battles", subEventType: "Armed clash", actor1: "Army", actor2: "Third Force", admin1: "North Darfur", countryIso3: "SDN", fatalities: 0 } });
    if (!recorded.ok) throw new Error(recorded.message);
    const panel = async () => renderToStaticMarkup(await SignalsThisWeekPanel({ membership: { organisationId: org.id }, asOf: AS_OF }));
    expect(await panel()).toContain("A new actor, Third Force, first seen on 2026-11-21");
    expect(await deleteEventAction({ id: recorded.data.id, version: recorded.data.version })).toMatchObject({ ok: true });
    expect(await panel()).not.toContain("Third Force");
  });
});

describe("the sensitivity setting", () => {
  it("is chosen by an administrator from the offered values, audited, and used by the signals", async () => {
    const own = await createOrganisation();
    const admin = await createMember(own.id, "ADMIN");
    const analystOfOwn = await createMember(own.id, "ANALYST");
    await actAs(analystOfOwn);
    expect(await signalSensitivityAction({ sensitivity: 0.01 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(admin);
    expect(await signalSensitivityAction({ sensitivity: 0.3 })).toMatchObject({ ok: false, fieldErrors: { sensitivity: ["Choose one of the offered sensitivities."] } });
    expect(await signalSensitivityAction({ sensitivity: 0.01 })).toMatchObject({ ok: true });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: own.id } })).signalSensitivity).toBe(0.01);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { organisationId: own.id, action: "organisation.signal_sensitivity" } });
    expect(audit).toMatchObject({ userId: admin.id, before: { signalSensitivity: 0.001 }, after: { signalSensitivity: 0.01 } });
    // Another organisation's setting is untouched.
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).signalSensitivity).toBe(0.001);
  });
});

describe("the country brief's signals", () => {
  it("list the last 90 days' spikes, the threshold and what is new, in plain words", async () => {
    // 90 days before 2026-11-25 is 2026-08-27: from the week of 2026-08-24 on, so the 950 killed of 2026-08-21 are left out.
    const s = (await briefSignals({ organisationId: org.id }, steady.id, AS_OF))!;
    expect(briefSignalSentences(s)).toEqual([
      "12 events in the week of 2026-11-16; 3 a week over the previous 26 weeks; by chance alone, a week like this comes less than 1 time in 10,000.",
      "Militia killed at least 1,032 civilians in attacks on civilians in the last 12 months: over the Early Warning Project's threshold of 1,000 for a mass killing.",
      "A new actor, New Brigade, first seen on 2026-11-20; events with it since: 1.",
    ]);
    // Two weeks earlier, the 90 days reach back to the week of the 950 killed (2026-08-17): its spike of killings is listed.
    expect((await briefSignals({ organisationId: org.id }, steady.id, "2026-11-12"))!.spikes.map((x) => `${x.week} ${x.series}`)).toEqual(["2026-08-17 killed"]);
    expect(await briefSignals({ organisationId: org.id }, elsewhere.id, AS_OF)).toBeNull();
    expect(briefSignalSentences((await briefSignals({ organisationId: org.id }, fresh.id, AS_OF))!)).toEqual([
      "No week stood out from the 26 before it, no actor's killings of civilians were recorded, and nothing new appeared.",
    ]);
  });
});
