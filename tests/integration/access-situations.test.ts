// The one definition of who may see a situation (lib/access/situations.ts), as Prisma `where` and
// as SQL (bound and as text with literals): the same situations, for each kind of situation.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  canChangeSituation,
  isSharedSituation,
  SITUATION_ORGANISATION_STATUS,
  situationSharedWhere,
  situationListedSql,
  situationListedSqlText,
  situationListedWhere,
  situationViewersWhere,
  situationVisibleSql,
  situationVisibleSqlText,
  situationVisibleToAnySql,
  situationVisibleToAnyWhere,
  situationVisibleWhere,
} from "@/lib/access/situations";
import { canChangeEvent, eventVisibleWhere } from "@/lib/access/events";
import { canChangeResponse, responseListedWhere, responseVisibleWhere } from "@/lib/access/responses";
import { canChangeRound, roundVisibleWhere } from "@/lib/access/rounds";
import { canChangeIndicator, indicatorCatalogueSql, indicatorCatalogueWhere, isInCatalogue } from "@/lib/access/indicators";
import { canChangeImportFile, canChangeSourceFile, importFileVisibleWhere, sourceFileVisibleWhere } from "@/lib/access/files";
import { canOpenCitedSources } from "@/lib/access/sources";
import { createMember, createOrganisation, createSituation } from "../support/fixtures";

const own = { organisationId: "", organisationName: "A", role: "ANALYST" as const };
let ids: Record<string, string> = {};

beforeAll(async () => {
  const a = await createOrganisation();
  const b = await createOrganisation();
  own.organisationId = a.id;
  const ua = await createMember(a.id, "ANALYST");
  const ub = await createMember(b.id, "ANALYST");
  const archivedAt = new Date();
  ids = {
    ownPrivate: (await createSituation(a.id, ua.id)).id,
    ownShared: (await createSituation(a.id, ua.id, { visibility: "COALITION" })).id,
    ownArchived: (await createSituation(a.id, ua.id, { archivedAt })).id,
    otherPrivate: (await createSituation(b.id, ub.id)).id,
    otherShared: (await createSituation(b.id, ub.id, { visibility: "COALITION" })).id,
    otherSharedArchived: (await createSituation(b.id, ub.id, { visibility: "COALITION", archivedAt })).id,
  };
  // Organisations that no longer share with the coalition (issue #30): one that left, one suspended by the secretariat.
  const left = await createOrganisation();
  const suspended = await createOrganisation();
  await db.organisation.update({ where: { id: left.id }, data: { leftAt: new Date() } });
  await db.organisation.update({ where: { id: suspended.id }, data: { suspendedAt: new Date() } });
  const ul = await createMember(left.id, "ANALYST");
  const us = await createMember(suspended.id, "ANALYST");
  ids.leftShared = (await createSituation(left.id, ul.id, { visibility: "COALITION" })).id;
  ids.suspendedShared = (await createSituation(suspended.id, us.id, { visibility: "COALITION" })).id;
});

const names = (found: { id: string }[]) => Object.entries(ids).filter(([, id]) => found.some((f) => f.id === id)).map(([name]) => name).sort();
const mine = () => Prisma.sql`s.id IN (${Prisma.join(Object.values(ids))})`;

describe("who may see a situation", () => {
  it("opens their own organisation's (archived too) and the coalition's while shared, not archived, and its organisation neither left nor suspended", async () => {
    const expected = ["otherShared", "ownArchived", "ownPrivate", "ownShared"];
    expect(names(await db.situation.findMany({ where: { AND: [{ id: { in: Object.values(ids) } }, situationVisibleWhere(own)] }, select: { id: true } }))).toEqual(expected);
    expect(names(await db.$queryRaw<{ id: string }[]>`SELECT s.id FROM "Situation" s WHERE ${mine()} AND ${situationVisibleSql(own, "s")}`)).toEqual(expected);
    const text = situationVisibleSqlText(own, "s", (v) => pg.escapeLiteral(v));
    expect(names(await db.$queryRawUnsafe<{ id: string }[]>(`SELECT s.id FROM "Situation" s WHERE s.id IN (${Object.values(ids).map((v) => pg.escapeLiteral(v)).join(",")}) AND ${text}`))).toEqual(expected);
  });

  it("lists the same, none archived", async () => {
    const expected = ["otherShared", "ownPrivate", "ownShared"];
    expect(names(await db.situation.findMany({ where: { AND: [{ id: { in: Object.values(ids) } }, situationListedWhere(own)] }, select: { id: true } }))).toEqual(expected);
    expect(names(await db.$queryRaw<{ id: string }[]>`SELECT s.id FROM "Situation" s WHERE ${mine()} AND ${situationListedSql(own, "s")}`)).toEqual(expected);
    const text = situationListedSqlText(own, "s", (v) => pg.escapeLiteral(v));
    expect(names(await db.$queryRawUnsafe<{ id: string }[]>(`SELECT s.id FROM "Situation" s WHERE s.id IN (${Object.values(ids).map((v) => pg.escapeLiteral(v)).join(",")}) AND ${text}`))).toEqual(expected);
  });

  it("across a person's organisations (their inbox): what each of them may open", async () => {
    const c = await createOrganisation();
    const uc = await createMember(c.id, "ANALYST");
    const cPrivate = (await createSituation(c.id, uc.id)).id;
    const memberships = [own, { organisationId: c.id }];
    const where = { AND: [{ id: { in: [...Object.values(ids), cPrivate] } }, situationVisibleToAnyWhere(memberships)] };
    const expected = ["otherShared", "ownArchived", "ownPrivate", "ownShared"];
    const viaPrisma = await db.situation.findMany({ where, select: { id: true } });
    expect(names(viaPrisma)).toEqual(expected);
    expect(viaPrisma.map((s) => s.id)).toContain(cPrivate);
    const viaSql = await db.$queryRaw<{ id: string }[]>`SELECT s.id FROM "Situation" s WHERE s.id IN (${Prisma.join([...Object.values(ids), cPrivate])}) AND ${situationVisibleToAnySql(memberships, "s")}`;
    expect(viaSql.map((s) => s.id).sort()).toEqual(viaPrisma.map((s) => s.id).sort());
  });

  it("names the people who may see it: active members of its organisation, and of every organisation while shared", async () => {
    const [ownPrivate, otherShared, otherSharedArchived, leftShared, suspendedShared] = await Promise.all(
      ["ownPrivate", "otherShared", "otherSharedArchived", "leftShared", "suspendedShared"].map((k) => db.situation.findUniqueOrThrow({ where: { id: ids[k] }, include: { organisation: SITUATION_ORGANISATION_STATUS } })),
    );
    const people = async (s: Parameters<typeof situationViewersWhere>[0]) =>
      (await db.user.findMany({ where: situationViewersWhere(s), select: { memberships: { select: { organisationId: true } } } })).flatMap((u) => u.memberships.map((m) => m.organisationId));
    expect(new Set(await people(ownPrivate))).toEqual(new Set([own.organisationId]));
    expect((await people(otherShared)).includes(own.organisationId)).toBe(true);
    expect(new Set(await people(otherSharedArchived))).toEqual(new Set([otherSharedArchived.organisationId]));
    // A left organisation's shared situation: its own members only. A suspended one's: nobody (its members cannot work in it).
    expect(new Set(await people(leftShared))).toEqual(new Set([leftShared.organisationId]));
    expect(await people(suspendedShared)).toEqual([]);
    // Nor are members of an organisation out of the coalition (or suspended) told about the coalition's.
    expect((await people(otherShared)).includes(leftShared.organisationId)).toBe(false);
    expect((await people(otherShared)).includes(suspendedShared.organisationId)).toBe(false);
  });

  it("a shared situation of an organisation that left or is suspended is not the coalition's", async () => {
    const all = await db.situation.findMany({ where: { id: { in: Object.values(ids) } }, include: { organisation: SITUATION_ORGANISATION_STATUS } });
    expect(names(all.filter((s) => isSharedSituation(own, s)))).toEqual(["otherShared"]);
    expect(names(await db.situation.findMany({ where: { AND: [{ id: { in: Object.values(ids) } }, situationSharedWhere()] }, select: { id: true } }))).toEqual(["otherShared", "ownShared"]);
  });

  it("a member of an organisation out of the coalition sees only their own organisation's, in every form", async () => {
    const out = { ...own, inCoalition: false };
    const expected = ["ownArchived", "ownPrivate", "ownShared"];
    expect(names(await db.situation.findMany({ where: { AND: [{ id: { in: Object.values(ids) } }, situationVisibleWhere(out)] }, select: { id: true } }))).toEqual(expected);
    expect(names(await db.$queryRaw<{ id: string }[]>`SELECT s.id FROM "Situation" s WHERE ${mine()} AND ${situationVisibleSql(out, "s")}`)).toEqual(expected);
    const text = situationListedSqlText(out, "s", (v) => pg.escapeLiteral(v));
    expect(names(await db.$queryRawUnsafe<{ id: string }[]>(`SELECT s.id FROM "Situation" s WHERE s.id IN (${Object.values(ids).map((v) => pg.escapeLiteral(v)).join(",")}) AND ${text}`))).toEqual(["ownPrivate", "ownShared"]);
    expect(names(await db.situation.findMany({ where: { AND: [{ id: { in: Object.values(ids) } }, situationVisibleToAnyWhere([out])] }, select: { id: true } }))).toEqual(expected);
    const all = await db.situation.findMany({ where: { id: { in: Object.values(ids) } }, include: { organisation: SITUATION_ORGANISATION_STATUS } });
    expect(all.filter((s) => isSharedSituation(out, s))).toEqual([]);
  });

  it("takes only a plain table alias into SQL", () => {
    expect(() => situationVisibleSql(own, 's"; DROP TABLE x; --')).toThrow();
  });
});

describe("who may change a situation", () => {
  it("an analyst or administrator of its own organisation; viewers and other organisations read only", async () => {
    const all = await db.situation.findMany({ where: { id: { in: Object.values(ids) } }, include: { organisation: SITUATION_ORGANISATION_STATUS } });
    expect(names(all.filter((s) => canChangeSituation(own, s)))).toEqual(["ownArchived", "ownPrivate", "ownShared"]);
    expect(all.filter((s) => canChangeSituation({ ...own, role: "VIEWER" }, s))).toEqual([]);
    expect(names(all.filter((s) => isSharedSituation(own, s)))).toEqual(["otherShared"]);
  });
});

describe("who may see and change an event or a response: the situation's rule", () => {
  it("their own organisation's (its archived situations too, not in lists), and the coalition's while its situation is shared and not archived", async () => {
    const situations = await db.situation.findMany({ where: { id: { in: Object.values(ids) } } });
    const events: Record<string, string> = {};
    const responses: Record<string, string> = {};
    for (const s of situations) {
      const name = Object.entries(ids).find(([, id]) => id === s.id)![0];
      events[name] = (await db.event.create({ data: { organisationId: s.organisationId, situationId: s.id, eventDate: new Date("2024-01-01"), eventType: "Battles", createdById: s.createdById } })).id;
      responses[name] = (
        await db.response.create({
          data: { organisationId: s.organisationId, situationId: s.id, pillar: "II", type: "STATEMENT", actorType: "OTHER_STATE", actorName: "A state", title: "A statement", startDate: new Date("2024-01-01"), status: "ADOPTED", createdById: s.createdById },
        })
      ).id;
    }
    const byName = (table: Record<string, string>, found: { id: string }[]) => Object.entries(table).filter(([, id]) => found.some((f) => f.id === id)).map(([name]) => name).sort();
    const visibleEvents = await db.event.findMany({ where: { AND: [{ id: { in: Object.values(events) } }, eventVisibleWhere(own)] } });
    expect(byName(events, visibleEvents)).toEqual(["otherShared", "ownArchived", "ownPrivate", "ownShared"]);
    expect(byName(events, visibleEvents.filter((e) => canChangeEvent(own, e)))).toEqual(["ownArchived", "ownPrivate", "ownShared"]);
    const visibleResponses = await db.response.findMany({ where: { AND: [{ id: { in: Object.values(responses) } }, responseVisibleWhere(own)] } });
    expect(byName(responses, visibleResponses)).toEqual(["otherShared", "ownArchived", "ownPrivate", "ownShared"]);
    expect(byName(responses, await db.response.findMany({ where: { AND: [{ id: { in: Object.values(responses) } }, responseListedWhere(own)] } }))).toEqual(["otherShared", "ownPrivate", "ownShared"]);
    expect(visibleResponses.filter((r) => canChangeResponse({ ...own, role: "VIEWER" }, r))).toEqual([]);
  });
});

describe("who may see and change a round, an indicator, an import and a file", () => {
  it("a round follows its situation for reading; only its own organisation's analysts change it", async () => {
    const situations = await db.situation.findMany({ where: { id: { in: Object.values(ids) } } });
    const rounds: Record<string, string> = {};
    for (const s of situations) {
      const name = Object.entries(ids).find(([, id]) => id === s.id)![0];
      rounds[name] = (await db.assessment.create({ data: { organisationId: s.organisationId, situationId: s.id, assessedOn: new Date("2024-01-01"), createdById: s.createdById } })).id;
    }
    const byName = (found: { id: string }[]) => Object.entries(rounds).filter(([, id]) => found.some((f) => f.id === id)).map(([name]) => name).sort();
    const visible = await db.assessment.findMany({ where: { AND: [{ id: { in: Object.values(rounds) } }, roundVisibleWhere(own)] } });
    expect(byName(visible)).toEqual(["otherShared", "ownArchived", "ownPrivate", "ownShared"]);
    expect(byName(visible.filter((r) => canChangeRound(own, r)))).toEqual(["ownArchived", "ownPrivate", "ownShared"]);
    expect(visible.filter((r) => canChangeRound({ ...own, role: "VIEWER" }, r))).toEqual([]);
  });

  it("the catalogue is the Framework's indicators and the organisation's own; only its administrators change its own, nobody the Framework's", async () => {
    const other = situationsOwner();
    const mk = (organisationId: string | null, code: string) =>
      db.indicator.create({ data: { key: `${organisationId ?? "TEST"}:${code}:${Math.random()}`, code, riskFactorNumber: 1, position: 900, text: `Indicator ${code}`, organisationId } });
    const [framework, mine, theirs] = await Promise.all([mk(null, "1.900"), mk(own.organisationId, "1.901"), mk(other, "1.902")]);
    const found = await db.indicator.findMany({ where: { AND: [{ id: { in: [framework.id, mine.id, theirs.id] } }, indicatorCatalogueWhere(own)] } });
    expect(found.map((i) => i.code).sort()).toEqual(["1.900", "1.901"]);
    const viaSql = await db.$queryRaw<{ code: string }[]>`SELECT code FROM "Indicator" WHERE id IN (${Prisma.join([framework.id, mine.id, theirs.id])}) AND ${indicatorCatalogueSql(own)}`;
    expect(viaSql.map((i) => i.code).sort()).toEqual(["1.900", "1.901"]);
    expect([framework, mine, theirs].map((i) => isInCatalogue(own, i))).toEqual([true, true, false]);
    const admin = { ...own, role: "ADMIN" as const };
    expect([framework, mine, theirs].map((i) => canChangeIndicator(admin, i))).toEqual([false, true, false]);
    expect(canChangeIndicator(own, mine)).toBe(false); // an analyst rates with it, an administrator words it
    await db.indicator.deleteMany({ where: { id: { in: [framework.id, mine.id, theirs.id] } } });
  });

  it("an import and its file are the uploading organisation's alone; a source's file follows the source", async () => {
    const other = situationsOwner();
    const ownUser = (await db.situation.findUniqueOrThrow({ where: { id: ids.ownPrivate } })).createdById;
    const otherUser = (await db.situation.findUniqueOrThrow({ where: { id: ids.otherShared } })).createdById;
    const mkImport = (organisationId: string, createdById: string) => db.eventImport.create({ data: { organisationId, fileName: "a.csv", sha256: "0".repeat(64), createdById } });
    const [mine, theirs] = await Promise.all([mkImport(own.organisationId, ownUser), mkImport(other, otherUser)]);
    const found = await db.eventImport.findMany({ where: { AND: [{ id: { in: [mine.id, theirs.id] } }, importFileVisibleWhere(own)] } });
    expect(found.map((i) => i.id)).toEqual([mine.id]);
    expect([mine, theirs].map((i) => canChangeImportFile(own, i))).toEqual([true, false]);
    expect(canChangeImportFile({ ...own, role: "VIEWER" }, mine)).toBe(false);
    const mkSource = (organisationId: string, createdById: string) => db.source.create({ data: { organisationId, title: "A report", createdById } });
    const [ownSource, theirSource] = await Promise.all([mkSource(own.organisationId, ownUser), mkSource(other, otherUser)]);
    const sources = await db.source.findMany({ where: { AND: [{ id: { in: [ownSource.id, theirSource.id] } }, sourceFileVisibleWhere(own)] } });
    expect(sources.map((s) => s.id)).toEqual([ownSource.id]);
    expect([ownSource, theirSource].map((s) => canChangeSourceFile(own, s))).toEqual([true, false]);
    expect([ownSource, theirSource].map((s) => canOpenCitedSources(own, s))).toEqual([true, false]);
  });
});

let otherOrganisationId = "";
function situationsOwner() {
  return otherOrganisationId;
}
beforeAll(async () => {
  otherOrganisationId = (await db.situation.findUniqueOrThrow({ where: { id: ids.otherShared } })).organisationId;
});
