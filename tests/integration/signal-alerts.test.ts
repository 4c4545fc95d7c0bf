import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { POST } from "@/app/api/imports/route";
import { checkImportAction, createEventAction, runImportAction } from "@/app/(app)/events/actions";
import { emptyEventInput } from "@/lib/events/schemas";
import { addWeeks, weekEnd, weekOf } from "@/lib/signals/stats";
import { actAs, createMember, createOrganisation, createSituation } from "../support/fixtures";

// Alerts from the event log's signals are raised as of today: the series is built around the last
// complete week. Baseline: 30 weeks of 2 battles (Army vs Militia, Khartoum), before it.
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-signal-alerts-"));
const LAST = addWeeks(weekOf(new Date()), -1);
const day = (week: string, n: number) => new Date(Date.parse(`${week}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let org: { id: string };
let analyst: { id: string };
let viewer: { id: string };
let outsider: { id: string };
let situation: { id: string; title: string };

beforeAll(async () => {
  org = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  viewer = await createMember(org.id, "VIEWER");
  outsider = await createMember((await createOrganisation()).id, "ANALYST");
  situation = await createSituation(org.id, analyst.id, { title: "Sudan (signals)" });
  const rows = [];
  for (let w = addWeeks(LAST, -30); w < LAST; w = addWeeks(w, 1)) {
    for (const n of [1, 2]) rows.push({ eventDate: new Date(day(w, n)), eventType: "Battles", subEventType: "Armed clash", actor1: "Army", actor2: "Militia", admin1: "Khartoum", fatalities: 1 });
  }
  await db.event.createMany({ data: rows.map((r) => ({ ...r, organisationId: org.id, situationId: situation.id, createdById: analyst.id, countryIso3: "SDN" })) });
});

const battle = (actor2 = "Militia") => ({
  data: { ...emptyEventInput(), situationId: situation.id, eventDate: day(LAST, 3), eventType: "Battles", subEventType: "Armed clash", actor1: "Army", actor2, admin1: "Khartoum", countryIso3: "SDN", fatalities: null },
});

async function alertsOf(rule: "EVENT_SPIKE" | "NEW_IN_EVENTS" | "KILLING_THRESHOLD") {
  return db.alert.findMany({ where: { situationId: situation.id, rule }, include: { receipts: { select: { userId: true } } } });
}

describe("alerts from the event log's signals", () => {
  it("raise a new actor and a spike once each, when events are recorded by hand, for those who may see the situation", async () => {
    await actAs(analyst);
    const first = await createEventAction(battle("New Brigade"));
    expect(first).toMatchObject({ ok: true });
    const fresh = await alertsOf("NEW_IN_EVENTS");
    expect(fresh.map((a) => a.title)).toEqual([`Sudan (signals): A new actor, New Brigade, first seen on ${day(LAST, 3)}; events with it since: 1.`]);
    expect(fresh[0].detail).toMatchObject({ eventsHref: `/situations/${situation.id}?tab=events&from=${day(LAST, 3)}&actor=New+Brigade` });
    expect(fresh[0].receipts.map((r) => r.userId)).toEqual([viewer.id]); // not the analyst who recorded it, not another organisation

    // 2 a week before: P(X >= 8) = 0.0011 is not yet below 1 in 1,000; P(X >= 9) = 0.00024 is.
    for (let i = 2; i <= 8; i++) expect(await createEventAction(battle())).toMatchObject({ ok: true });
    expect(await alertsOf("EVENT_SPIKE")).toEqual([]);
    expect(await createEventAction(battle())).toMatchObject({ ok: true });
    expect(await createEventAction(battle())).toMatchObject({ ok: true }); // the 10th: the same week's spike, not raised again
    const spikes = await alertsOf("EVENT_SPIKE");
    expect(spikes.map((a) => a.title)).toEqual([`Sudan (signals): 9 events in the week of ${LAST}; 2 a week over the previous 26 weeks; by chance alone, a week like this comes less than 1 time in 1,000.`]);
    expect(spikes[0].dedupeKey).toBe(`EVENT_SPIKE:${situation.id}:events:${LAST}`);
    expect(spikes[0].detail).toMatchObject({ series: "events", week: LAST, observed: 9, baselineMean: 2, eventsHref: `/situations/${situation.id}?tab=events&from=${LAST}&to=${weekEnd(LAST)}` });
    expect(spikes[0].receipts.map((r) => r.userId)).toEqual([viewer.id]);
    expect(await db.alertReceipt.count({ where: { userId: outsider.id } })).toBe(0);
    // People killed are unknown in these events: no spike of killings, and nothing else is new.
    expect(await db.alert.count({ where: { situationId: situation.id } })).toBe(2);
  });

  it("raise a crossing of the mass-killing threshold when an import completes", async () => {
    await actAs(analyst);
    const header = "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,civilian_targeting,iso,country,admin1,fatalities";
    const csv = `${header}\nSIG1,${day(LAST, 4)},Violence against civilians,Attack,Militia,Civilians (Sudan),Civilian targeting,729,Sudan,Khartoum,1000\n`;
    const res = await POST(
      new NextRequest(`http://localhost/api/imports?situation=${situation.id}`, {
        method: "POST",
        body: new TextEncoder().encode(csv),
        headers: { "x-file-name": "signals.csv", "content-length": String(Buffer.byteLength(csv)) },
      }),
    );
    const body = (await res.json()) as { id?: string; message?: string };
    if (!body.id) throw new Error(body.message);
    const imp = await db.eventImport.findUniqueOrThrow({ where: { id: body.id } });
    expect(await checkImportAction({ id: imp.id, mapping: imp.mapping as Record<string, string>, situationId: situation.id })).toMatchObject({ ok: true });
    expect(await runImportAction({ id: imp.id })).toMatchObject({ ok: true, data: { createdCount: 1 } });
    const crossed = await alertsOf("KILLING_THRESHOLD");
    expect(crossed.map((a) => a.title)).toEqual([
      "Sudan (signals): Militia killed at least 1,000 civilians in attacks on civilians in the last 12 months: over the Early Warning Project's threshold of 1,000 for a mass killing.",
    ]);
    expect(crossed[0].receipts.map((r) => r.userId)).toEqual([viewer.id]);
    // The attack is also a first of its kind here (its type, sub-type and victims), and 1,000 killed is a spike of
    // killings; one attack on civilians after none is not a spike (P(X >= 1) = 0.038 at one in 26 weeks).
    const all = await db.alert.findMany({ where: { situationId: situation.id }, select: { dedupeKey: true } });
    expect(all.map((a) => a.dedupeKey).sort()).toEqual(
      [
        `EVENT_SPIKE:${situation.id}:events:${LAST}`,
        `EVENT_SPIKE:${situation.id}:killed:${LAST}`,
        `KILLING_THRESHOLD:${situation.id}:Militia`,
        `NEW_IN_EVENTS:${situation.id}:ACTOR:Civilians (Sudan)`,
        `NEW_IN_EVENTS:${situation.id}:ACTOR:New Brigade`,
        `NEW_IN_EVENTS:${situation.id}:EVENT_TYPE:Violence against civilians`,
        `NEW_IN_EVENTS:${situation.id}:SUB_EVENT_TYPE:Attack`,
      ].sort(),
    );
  });
});
