import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEventAction, deleteEventAction, updateEventAction } from "@/app/(app)/events/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { emptySourceInput } from "@/lib/sources/schemas";
import { emptyEventInput, type EventInput } from "@/lib/events/schemas";
import { eventPlaces, listEvents, monthlyCounts, sharedSituations } from "@/lib/events/queries";
import { visibleEventsSql } from "@/lib/events/sql";
import { eventFormOptions, otherEventTypes } from "@/lib/events/form-options";
import { NextRequest } from "next/server";
import { GET as mapGET } from "@/app/api/events/map/route";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

let org: { id: string; name: string };
let other: { id: string; name: string };
let analyst: { id: string };
let viewer: { id: string };
let outsider: { id: string };
let shared: { id: string };
let privateSituation: { id: string };

const event = (over: Partial<EventInput> = {}): EventInput => ({
  ...emptyEventInput(),
  eventDate: "2024-05-01",
  eventType: "Violence against civilians",
  actor1: "Militia A",
  fatalities: 4,
  countryIso3: "SDN",
  location: "Tawila",
  latitude: "14.0",
  longitude: "25.0",
  ...over,
});

/** The ids of the event list's rows, every page of it, following its cursor. */
async function everyPage(membership: Parameters<typeof listEvents>[0], q: Parameters<typeof listEvents>[1]) {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await listEvents(membership, { ...q, after });
    ids.push(...page.rows.map((r) => r.id));
    after = page.next ?? undefined;
  } while (after);
  return ids;
}

beforeAll(async () => {
  org = await createOrganisation();
  other = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  viewer = await createMember(org.id, "VIEWER");
  outsider = await createMember(other.id, "ANALYST");
  shared = await createSituation(org.id, analyst.id, { visibility: "COALITION" });
  privateSituation = await createSituation(org.id, analyst.id, { visibility: "ORGANISATION" });
});

describe("recording events by hand", () => {
  it("records one with linked indicator, crime and source, edits it with a version check, deletes it softly; all audited", async () => {
    await actAs(analyst);
    const source = await ok(createSourceAction({ ...emptySourceInput(), title: "Witness account" }));
    const indicator = await db.indicator.findFirstOrThrow({ where: { code: "8.1", organisationId: null } });
    const created = await ok(createEventAction({ data: event({ situationId: shared.id, crimes: ["WAR_CRIMES"], indicatorIds: [indicator.id], sourceIds: [source.id], notes: "=1+1" }) }));
    const row = await db.event.findUniqueOrThrow({ where: { id: created.id }, include: { indicators: true, citations: true } });
    expect(row).toMatchObject({ situationId: shared.id, fatalities: 4, crimes: ["WAR_CRIMES"], notes: "=1+1" });
    expect(row.latitude?.toString()).toBe("14");
    expect(row.indicators.map((i) => i.indicatorId)).toEqual([indicator.id]);
    expect(row.citations.map((c) => c.sourceId)).toEqual([source.id]);

    const updated = await ok(updateEventAction({ id: created.id, version: 1, data: event({ situationId: shared.id, fatalities: 6, indicatorIds: [] }) }));
    expect(updated.version).toBe(2);
    // A stale save is refused with what is saved now (as the form's values), so the form can compare and merge.
    expect(await updateEventAction({ id: created.id, version: 1, data: event({ fatalities: 9 }) })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      current: { version: 2, values: { situationId: shared.id, fatalities: 6, indicatorIds: [], sourceIds: [], latitude: "14", eventDate: "2024-05-01" } },
    });
    expect((await db.event.findUniqueOrThrow({ where: { id: created.id } })).fatalities).toBe(6);
    expect(await db.eventIndicator.count({ where: { eventId: created.id } })).toBe(0);

    await ok(deleteEventAction({ id: created.id, version: 2 }));
    expect((await db.event.findUniqueOrThrow({ where: { id: created.id } })).deletedAt).not.toBeNull();
    const audit = await db.auditEntry.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["event.create", "event.update", "event.delete"]);
    expect(audit[1].before).toMatchObject({ fatalities: 4 });
    expect(audit[1].after).toMatchObject({ fatalities: 6 });
  });

  it("records an event whose number killed is not known: left empty, stored as null (not 0)", async () => {
    await actAs(analyst);
    const typedEmpty = await ok(createEventAction({ data: event({ fatalities: "" as unknown as null }) }));
    const none = await ok(createEventAction({ data: event({ fatalities: null }) }));
    const zero = await ok(createEventAction({ data: event({ fatalities: "0" as unknown as number }) }));
    const stored = async (id: string) => (await db.event.findUniqueOrThrow({ where: { id } })).fatalities;
    expect([await stored(typedEmpty.id), await stored(none.id), await stored(zero.id)]).toEqual([null, null, 0]);
    expect(emptyEventInput().fatalities).toBeNull(); // a new event's form starts empty: unknown
    expect(await createEventAction({ data: event({ fatalities: "many" as unknown as number }) })).toMatchObject({
      ok: false,
      fieldErrors: { "data.fatalities": ["Write the number of people killed, or leave it empty if it is not known."] },
    });
  });

  it("refuses bad input next to the field, and viewers and other organisations", async () => {
    await actAs(analyst);
    expect(await createEventAction({ data: event({ fatalities: -1 }) })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await createEventAction({ data: event({ latitude: "91" }) })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await createEventAction({ data: event({ latitude: "12", longitude: "" }) })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await createEventAction({ data: event({ eventDate: "2999-01-01" }) })).toMatchObject({ ok: false, code: "INVALID" });
    await actAs(viewer);
    expect(await createEventAction({ data: event() })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(outsider);
    expect(await createEventAction({ data: event({ situationId: shared.id }) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createEventAction({ data: event({ situationId: privateSituation.id }) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("the event log", () => {
  it("offers the types an organisation typed beyond ACLED's (not those of deleted events only, nor another organisation's) in the filter and the form", async () => {
    const mine = await createOrganisation();
    const theirs = await createOrganisation();
    const me = await createMember(mine.id, "ANALYST");
    const them = await createMember(theirs.id, "ANALYST");
    expect(await otherEventTypes(mine.id)).toEqual([]);
    await actAs(me);
    for (const eventType of ["Protests", "Mass arrest", "Abduction", "Mass arrest", "Hate speech broadcast"]) await ok(createEventAction({ data: event({ eventType }) }));
    const gone = await ok(createEventAction({ data: event({ eventType: "Curfew" }) }));
    await ok(deleteEventAction({ id: gone.id, version: 1 }));
    await actAs(them);
    await ok(createEventAction({ data: event({ eventType: "Their own type" }) }));

    expect(await otherEventTypes(mine.id)).toEqual(["Abduction", "Hate speech broadcast", "Mass arrest"]);
    expect((await eventFormOptions(mine.id)).otherTypes).toEqual(["Abduction", "Hate speech broadcast", "Mass arrest"]);
    expect(await otherEventTypes(theirs.id)).toEqual(["Their own type"]);
    expect(await otherEventTypes(mine.id, 2)).toEqual(["Abduction", "Hate speech broadcast"]);
    // The filter finds them: the list filters by the exact type.
    const m = { organisationId: mine.id, organisationName: mine.name, role: "ANALYST" as const };
    expect((await listEvents(m, { type: "Mass arrest" })).rows).toHaveLength(2);
  });

  it("pages by keyset without gaps or repeats, filters, and shows coalition-shared events only to other organisations", async () => {
    await actAs(analyst);
    for (let i = 0; i < 30; i++) {
      await ok(createEventAction({ data: event({ situationId: i % 2 ? shared.id : privateSituation.id, eventDate: `2024-06-${String((i % 28) + 1).padStart(2, "0")}`, fatalities: i, civilianTargeting: i % 3 === 0 }) }));
    }
    const m = { organisationId: org.id, organisationName: org.name, role: "ANALYST" as const };
    const first = await listEvents(m, { situation: undefined, from: "2024-06-01", to: "2024-06-30" });
    expect(first.rows).toHaveLength(25);
    const second = await listEvents(m, { from: "2024-06-01", to: "2024-06-30", after: first.next! });
    expect(second.next).toBeNull();
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(30);
    const dates = [...first.rows, ...second.rows].map((r) => r.eventDate.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    // Oldest first pages the same way, in the other direction.
    const o1 = await listEvents(m, { from: "2024-06-01", to: "2024-06-30", sort: "oldest" });
    const o2 = await listEvents(m, { from: "2024-06-01", to: "2024-06-30", sort: "oldest", after: o1.next! });
    const asc = [...o1.rows, ...o2.rows];
    expect(asc.map((r) => r.id)).toEqual([...first.rows, ...second.rows].map((r) => r.id).reverse());

    expect((await listEvents(m, { from: "2024-06-01", to: "2024-06-30", minFatalities: 25 })).rows.map((r) => r.fatalities!).sort((a, b) => a - b)).toEqual([25, 26, 27, 28, 29]);
    expect((await listEvents(m, { from: "2024-06-01", to: "2024-06-30", civilian: "1" })).rows).toHaveLength(10);

    const theirs = { organisationId: other.id, organisationName: other.name, role: "ANALYST" as const };
    const seen = await listEvents(theirs, { from: "2024-06-01", to: "2024-06-30" });
    expect(seen.rows).toHaveLength(15);
    expect(seen.rows.every((r) => r.situation?.id === shared.id)).toBe(true);

    const months = await monthlyCounts(shared.id);
    expect(months.map((x) => [x.month.toISOString().slice(0, 7), Number(x.events)])).toEqual([["2024-06", 15]]);
  });

  it("pages a coalition partner through the events of several shared situations in order, both ways, with filters", async () => {
    const second = await createSituation(org.id, analyst.id, { visibility: "COALITION" });
    const archived = await createSituation(org.id, analyst.id, { visibility: "COALITION" });
    await db.situation.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    // 70 events in March 2019 over three situations (several on one day, so ids break ties), one deleted.
    await db.event.createMany({
      data: Array.from({ length: 70 }, (_, i) => ({
        organisationId: org.id,
        situationId: [shared.id, second.id, privateSituation.id, archived.id][i % 4],
        createdById: analyst.id,
        eventDate: new Date(`2019-03-${String((i % 9) + 1).padStart(2, "0")}`),
        eventType: i % 3 ? "Battles" : "Riots",
        countryIso3: "SDN",
        fatalities: i,
        deletedAt: i === 1 ? new Date() : null,
      })),
    });
    const theirs = { organisationId: other.id, organisationName: other.name, role: "ANALYST" as const };
    const expected = async (type?: string, dir: "asc" | "desc" = "desc") =>
      (
        await db.event.findMany({
          where: { situationId: { in: [shared.id, second.id] }, deletedAt: null, eventDate: { gte: new Date("2019-03-01"), lte: new Date("2019-03-31") }, ...(type ? { eventType: type } : {}) },
          orderBy: [{ eventDate: dir }, { id: dir }],
          select: { id: true },
        })
      ).map((e) => e.id);
    const all = (q: Parameters<typeof listEvents>[1]) => everyPage(theirs, q);
    const newest = await all({ from: "2019-03-01", to: "2019-03-31" });
    expect(newest).toHaveLength(35); // the private, the archived and the deleted one are not shown
    expect(newest).toEqual(await expected());
    expect(await all({ from: "2019-03-01", to: "2019-03-31", sort: "oldest" })).toEqual(await expected(undefined, "asc"));
    expect(await all({ from: "2019-03-01", to: "2019-03-31", type: "Riots" })).toEqual(await expected("Riots"));
    expect(await all({ from: "2019-03-01", to: "2019-03-31", type: "Riots", sort: "oldest" })).toEqual(await expected("Riots", "asc"));
  });

  it("reads a partner's newest events situation by situation (the map's way), the same rows as one read of all of them", async () => {
    // The events of March 2019 (previous test): 35 visible to the other organisation over two shared situations.
    const theirs = { organisationId: other.id, organisationName: other.name, role: "ANALYST" as const };
    const sharedList = await sharedSituations(theirs);
    const sharedIds = sharedList.map((x) => x.id);
    expect(sharedIds.length).toBeGreaterThanOrEqual(2);
    const ids = async (sql: string) => (await db.$queryRawUnsafe<{ id: string }[]>(sql)).map((r) => r.id);
    const march = { from: "2019-03-01", to: "2019-03-31" };
    const cases: { q: Parameters<typeof visibleEventsSql>[1]; perSituation: boolean }[] = [
      { q: march, perSituation: true },
      { q: { ...march, sort: "oldest" }, perSituation: true },
      // Other filters: one part for all shared situations (one with few matches would be read to its end).
      { q: { ...march, minFatalities: 30 }, perSituation: false },
      { q: { ...march, situation: shared.id }, perSituation: false },
    ];
    for (const { q, perSituation } of cases) {
      const all = await ids(visibleEventsSql(theirs, q, sharedList, { columns: `t.id, t."eventDate"` }));
      expect(all.length).toBeGreaterThan(5);
      if (perSituation) {
        // And the single read is what Prisma reads for the same rule.
        const dir = q.sort === "oldest" ? "asc" : "desc";
        const reference = await db.event.findMany({
          where: { OR: [{ organisationId: other.id }, { situationId: { in: sharedIds }, organisationId: { not: other.id } }], deletedAt: null, eventDate: { gte: new Date(march.from), lte: new Date(march.to) } },
          orderBy: [{ eventDate: dir }, { id: dir }],
          select: { id: true },
        });
        expect(all).toEqual(reference.map((e) => e.id));
      }
      for (const limit of [1, 5, 17, 40]) {
        const sql = visibleEventsSql(theirs, q, sharedList, { columns: `t.id, t."eventDate"`, limit });
        expect(sql.match(/t\."situationId" = /g)?.length ?? 0).toBe(perSituation ? sharedIds.length : q.situation ? 1 : 0);
        expect(await ids(sql), JSON.stringify({ q, limit })).toEqual(all.slice(0, limit));
        // The same with every value as a bind parameter (how the map runs it: prepared once per connection).
        const params: unknown[] = [];
        const bound = visibleEventsSql(theirs, q, sharedList, { columns: `t.id, t."eventDate"`, limit, params });
        expect(bound).not.toContain(q.situation ?? sharedIds[0]);
        expect(bound).not.toContain("values inline");
        expect((await db.$queryRawUnsafe<{ id: string }[]>(bound, ...params)).map((r) => r.id)).toEqual(all.slice(0, limit));
      }
    }
  });

  it("reads a partner's events of one type organisation by organisation, the same rows as one read of all of them and as Prisma's", async () => {
    // A third organisation shares a situation too: its Riots are there, its Protests only in a situation it keeps to itself.
    const third = await createOrganisation();
    const thirdAnalyst = await createMember(third.id, "ANALYST");
    const thirdShared = await createSituation(third.id, thirdAnalyst.id, { visibility: "COALITION" });
    const thirdPrivate = await createSituation(third.id, thirdAnalyst.id, { visibility: "ORGANISATION" });
    await db.event.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        organisationId: third.id,
        situationId: i % 3 === 2 ? thirdPrivate.id : thirdShared.id,
        createdById: thirdAnalyst.id,
        eventDate: new Date(`2019-03-${String((i % 9) + 1).padStart(2, "0")}`),
        eventType: i % 3 === 2 ? "Protests" : "Riots",
        countryIso3: "SDN",
        fatalities: i,
      })),
    });
    const theirs = { organisationId: other.id, organisationName: other.name, role: "ANALYST" as const };
    const sharedList = await sharedSituations(theirs);
    const owners = new Set(sharedList.map((x) => x.organisationId));
    expect(owners.size).toBeGreaterThanOrEqual(2);
    expect(owners.has(other.id)).toBe(false);
    const ids = async (sql: string, params: unknown[] = []) => (await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params)).map((r) => r.id);
    const march = { from: "2019-03-01", to: "2019-03-31" };
    const cases: Parameters<typeof visibleEventsSql>[1][] = [
      { ...march, type: "Riots" },
      { ...march, type: "Riots", sort: "oldest" },
      { ...march, type: "Riots", minFatalities: 10 },
      { ...march, type: "Protests" }, // none visible: the third organisation's are all in its own situation
    ];
    for (const q of cases) {
      const dir = q.sort === "oldest" ? "asc" : "desc";
      const reference = (
        await db.event.findMany({
          where: {
            OR: [{ organisationId: other.id }, { situationId: { in: sharedList.map((x) => x.id) }, organisationId: { not: other.id } }],
            deletedAt: null,
            eventType: q.type,
            eventDate: { gte: new Date(march.from), lte: new Date(march.to) },
            ...(q.minFatalities ? { fatalities: { gte: q.minFatalities } } : {}),
          },
          orderBy: [{ eventDate: dir }, { id: dir }],
          select: { id: true },
        })
      ).map((e) => e.id);
      if (q.type === "Riots") expect(reference.length).toBeGreaterThan(10);
      else expect(reference).toEqual([]);
      // The single read (no limit: the export's way) is the reference.
      expect(await ids(visibleEventsSql(theirs, q, sharedList, { columns: `t.id, t."eventDate"` })), JSON.stringify(q)).toEqual(reference);
      for (const limit of [1, 5, 17, 40]) {
        // A part per organisation (its own, and one per organisation sharing situations), literal and bound.
        const sql = visibleEventsSql(theirs, q, sharedList, { columns: `t.id, t."eventDate"`, limit });
        expect(sql.match(/t\."organisationId" = /g)?.length).toBe(owners.size + 1);
        expect(await ids(sql), JSON.stringify({ q, limit })).toEqual(reference.slice(0, limit));
        const params: unknown[] = [];
        const bound = visibleEventsSql(theirs, q, sharedList, { columns: `t.id, t."eventDate"`, limit, params });
        expect(bound).not.toContain(third.id);
        expect(await ids(bound, params), JSON.stringify({ q, limit, bound: true })).toEqual(reference.slice(0, limit));
      }
      // The list, paged through (its shared part read the same way).
      expect(await everyPage(theirs, q), JSON.stringify(q)).toEqual(reference);
    }
  });

  it("maps the same events as the list, grouped by place (about 10 km), newest name for each place", async () => {
    await actAs(analyst);
    const m = { organisationId: org.id, organisationName: org.name, role: "ANALYST" as const };
    const july = { from: "2024-07-01", to: "2024-07-31" };
    await ok(createEventAction({ data: event({ situationId: shared.id, eventDate: "2024-07-02", latitude: "13.62", longitude: "25.31", location: "El Fasher (old name)", fatalities: 3 }) }));
    await ok(createEventAction({ data: event({ situationId: shared.id, eventDate: "2024-07-09", latitude: "13.64", longitude: "25.33", location: "El Fasher", fatalities: 5 }) }));
    await ok(createEventAction({ data: event({ situationId: privateSituation.id, eventDate: "2024-07-05", latitude: "12.05", longitude: "24.88", location: "Nyala", fatalities: 1 }) }));
    await ok(createEventAction({ data: event({ situationId: shared.id, eventDate: "2024-07-06", latitude: "", longitude: "", location: "Somewhere" }) }));
    const ours = await eventPlaces(m, july);
    expect(ours.considered).toBe(4);
    expect(ours.places.map((p) => [p.label, p.events, p.fatalities, p.last, p.lat]).sort()).toEqual([
      ["El Fasher", 2, 8, "2024-07-09", 13.64],
      ["Nyala", 1, 1, "2024-07-05", 12.05],
    ]);
    // Filters apply as on the list; the limit keeps the newest.
    expect((await eventPlaces(m, { ...july, minFatalities: 4 })).places.map((p) => [p.label, p.events])).toEqual([["El Fasher", 1]]);
    const newest = await eventPlaces(m, july, 2);
    expect([newest.considered, newest.places.map((p) => p.label).sort()]).toEqual([2, ["El Fasher"]]);
    // Another organisation sees the shared situation's places only.
    const theirs = { organisationId: other.id, organisationName: other.name, role: "ANALYST" as const };
    expect((await eventPlaces(theirs, july)).places.map((p) => p.label)).toEqual(["El Fasher"]);
    expect((await eventPlaces(theirs, { ...july, situation: privateSituation.id })).places).toEqual([]);
  });

  it("serves a list's map as an SVG file: the same filters, the caller's events only, nothing when no event has coordinates", async () => {
    const map = async (query: string) => {
      const res = await mapGET(new NextRequest(`http://localhost/api/events/map?${query}`));
      return { status: res.status, type: res.headers.get("content-type"), cache: res.headers.get("cache-control"), svg: await res.text() };
    };
    await actAs(analyst);
    await ok(createEventAction({ data: event({ situationId: shared.id, eventDate: "2024-08-03", latitude: "15.5", longitude: "32.5", location: "Khartoum <North>", fatalities: 2 }) }));
    await ok(createEventAction({ data: event({ situationId: privateSituation.id, eventDate: "2024-08-04", latitude: "12.05", longitude: "24.88", location: "Nyala", fatalities: 1 }) }));
    const ours = await map("from=2024-08-01&to=2024-08-31");
    expect([ours.status, ours.type, ours.cache]).toEqual([200, "image/svg+xml; charset=utf-8", "private, no-store"]);
    expect(ours.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="[-\d. ]+" class="world-map event-map" role="img" aria-label="Map of 2 events">/);
    expect(ours.svg.match(/<circle /g)).toHaveLength(2);
    expect(ours.svg).toContain("<title>Khartoum &lt;North&gt;: 1 event, 2 killed (latest 2024-08-03)</title>");
    // The page and the order do not change the map; the filters do.
    expect((await map("from=2024-08-01&to=2024-08-31&sort=oldest&after=2024-08-04_x")).svg).toBe(ours.svg);
    expect((await map("from=2024-08-01&to=2024-08-31&minFatalities=2")).svg.match(/<circle /g)).toHaveLength(1);
    expect((await map("from=1990-01-01&to=1990-01-31")).status).toBe(204);
    // Another organisation sees the shared situation's event only; no session, no map.
    await actAs(outsider);
    const theirs = await map("from=2024-08-01&to=2024-08-31");
    expect(theirs.svg.match(/<circle /g)).toHaveLength(1);
    expect(theirs.svg).not.toContain("Nyala");
    await actAs(null);
    expect((await map("from=2024-08-01&to=2024-08-31")).status).toBe(401);
  });
});

