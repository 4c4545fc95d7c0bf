import { beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { GET, POST } from "@/app/api/backup/route";
import { createSituationAction, updateSituationAction } from "@/app/(app)/situations/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { createResponseAction } from "@/app/(app)/responses/actions";
import { createEventAction, deleteEventAction } from "@/app/(app)/events/actions";
import { createIndicatorAction, publishRoundAction, saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { emptySourceInput } from "@/lib/sources/schemas";
import { emptyResponseInput } from "@/lib/responses/schemas";
import { emptyEventInput } from "@/lib/events/schemas";
import { createExternalRatingAction, deleteExternalRatingAction } from "@/app/(app)/external-ratings/actions";
import { emptyExternalRatingInput } from "@/lib/external-ratings/schemas";
import { restoredId } from "@/lib/exports/restore-backup";
import { seedDemo } from "@/prisma/seed";
import { Prisma } from "@/lib/generated/prisma/client";
import { actAs, createMember, createOrganisation, ok } from "../support/fixtures";

async function backup() {
  const res = await GET();
  expect(res.status).toBe(200);
  return JSON.parse(await res.text());
}
const restore = (body: string) => POST(new NextRequest("http://localhost/api/backup", { method: "POST", body, headers: { "content-length": String(Buffer.byteLength(body)) } }));

/** Every record id a backup holds (at any depth), and its organisation's id. */
function idsOf(b: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(b)) b.forEach((x) => idsOf(x, into));
  else if (b && typeof b === "object") {
    for (const [k, v] of Object.entries(b)) {
      if (k === "id" && typeof v === "string") into.add(v);
      else idsOf(v, into);
    }
  }
  return into;
}

/**
 * What restoring into `toOrg` must give: every id of a record of the file (and any reference to
 * it, inside details and alert keys too) becomes the restored id, the organisation's id the new
 * one's; arrays sorted. A lost field or a reference mapped wrong makes the two differ.
 */
function mapped(v: unknown, ids: Set<string>, fromOrg: string, toOrg: string): unknown {
  const one = (x: string) => (x === fromOrg ? toOrg : ids.has(x) ? restoredId(toOrg, x) : x);
  if (typeof v === "string") return v.includes(":") && !v.includes(" ") ? v.split(":").map(one).join(":") : one(v);
  if (Array.isArray(v)) return v.map((x) => mapped(x, ids, fromOrg, toOrg)).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapped(x, ids, fromOrg, toOrg)]));
  return v;
}
const sorted = (v: unknown) => mapped(v, new Set(), "", "");
/** The object without the named keys. */
const without = <T extends object>(o: T, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

let orgA: { id: string };
let adminA: { id: string };
let analystA: { id: string };
let viewerA: { id: string };

beforeAll(async () => {
  orgA = await createOrganisation();
  adminA = await createMember(orgA.id, "ADMIN");
  analystA = await createMember(orgA.id, "ANALYST");
  await actAs(adminA);
  const own = await ok(createIndicatorAction({ factor: 8, text: "Sudden closure of displacement camps near front lines." }));
  await actAs(analystA);
  const src = await ok(createSourceAction({ ...emptySourceInput(), title: "Field report =1+1", reliability: "B", credibility: 2 }));
  const s = await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Darfur", riskCategory: "IMMINENT_RISK", summary: "Attacks on civilians." }));
  const input = { ...emptySituationInput(), countryIso3: "SDN", title: "Darfur", riskCategory: "CURRENT_CRISIS" as const, summary: "Attacks on civilians." };
  input.crimes = input.crimes.map((c) => (c.crime === "WAR_CRIMES" ? { ...c, status: "DOCUMENTED" as const, rationale: "UN commission.", sourceIds: [src.id] } : c));
  await ok(updateSituationAction({ ...input, id: s.id, version: 1 }));
  const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
  const ind = await db.indicator.findFirstOrThrow({ where: { code: "7.1", organisationId: null } });
  await ok(
    saveRoundAction({
      id: r.id,
      version: 1,
      assessedOn: "2026-01-01",
      summary: "First round",
      ratings: [
        { indicatorId: ind.id, level: "SEVERE", trend: "RISING", confidence: "HIGH", evidence: "Decree.", sourceIds: [src.id] },
        { indicatorId: own.id, level: "PRESENT", trend: "", confidence: "", evidence: "", sourceIds: [] },
      ],
    }),
  );
  await ok(publishRoundAction({ id: r.id, version: 2 }));
  await ok(createResponseAction({ situationId: s.id, data: { ...emptyResponseInput(), pillar: "III", type: "ICC_REFERRAL", actorType: "UN_SECURITY_COUNCIL", actorName: "UN Security Council", title: "Referral", startDate: "2005-03-31", status: "ADOPTED", sourceIds: [src.id] } }));
  const e = await ok(createEventAction({ data: { ...emptyEventInput(), situationId: s.id, eventDate: "2025-12-01", eventType: "Battles", countryIso3: "SDN", fatalities: 3, latitude: "13.5", longitude: "25.25", indicatorIds: [ind.id, own.id], sourceIds: [src.id], crimes: ["WAR_CRIMES"] } }));
  const gone = await ok(createEventAction({ data: { ...emptyEventInput(), eventDate: "2025-12-02", eventType: "Riots", countryIso3: "SDN" } }));
  await ok(deleteEventAction({ id: gone.id, version: 1 }));
  // What the rest of the app adds: an import (its event stored as the import stores them, with no
  // crime list), a rating from an outside system, a citation of the situation itself, an alert
  // read by a member, a followed situation, the saved column mapping.
  viewerA = await createMember(orgA.id, "VIEWER");
  const imp = await db.eventImport.create({
    data: { organisationId: orgA.id, situationId: s.id, fileName: "acled-2025.csv", sha256: "a".repeat(64), fileSize: 1234, headers: ["event_id_cnty", "event_date"], status: "COMPLETED", totalRows: 1, processedRows: 1, createdCount: 1, problems: [{ row: 3, column: "fatalities", problem: "Not a number." }], mapping: { externalId: "event_id_cnty" }, createdById: analystA.id, finishedAt: new Date() },
  });
  const imported = await ok(createEventAction({ data: { ...emptyEventInput(), eventDate: "2025-11-30", eventType: "Protests", countryIso3: "SDN", notes: "Imported." } }));
  await db.$executeRaw`UPDATE "Event" SET crimes = NULL, "importId" = ${imp.id}, "externalId" = 'SDN1234', "assocActor1" = 'Students', "sourceText" = 'Radio Dabanga' WHERE id = ${imported.id}`;
  // External ratings as their form records them (every column set), one deleted since.
  await ok(createExternalRatingAction({ situationId: s.id, data: { ...emptyExternalRatingInput("EWP"), ratedOn: "2025-12-01", url: "https://earlywarningproject.ushmm.org/", rank: "3", rankOf: "162", probability: "0.31", year: "2026", note: "Statistical model." } }));
  await ok(createExternalRatingAction({ situationId: s.id, data: { ...emptyExternalRatingInput("GENOCIDE_WATCH"), ratedOn: "2025-11-01", stage: "9", alertLevel: "EMERGENCY" } }));
  const dropped = await ok(createExternalRatingAction({ situationId: s.id, data: { ...emptyExternalRatingInput("R2P_MONITOR"), ratedOn: "2022-11-15", category: "SERIOUS_CONCERN" } }));
  await ok(deleteExternalRatingAction({ id: dropped.id, version: dropped.version }));
  await db.citation.create({ data: { situationId: s.id, sourceId: src.id, locator: "p. 4", createdById: analystA.id } });
  const alert = await db.alert.create({ data: { organisationId: orgA.id, situationId: s.id, rule: "SCORE_RISE", severity: "CRITICAL", title: "Darfur: overall score up 12 points", detail: { assessmentId: r.id, before: 40, after: 52 }, dedupeKey: `SCORE_RISE:${r.id}`, raisedById: analystA.id } });
  await db.alertReceipt.createMany({ data: [{ alertId: alert.id, userId: adminA.id, readAt: new Date() }, { alertId: alert.id, userId: viewerA.id }] });
  await db.watch.createMany({ data: [{ userId: analystA.id, situationId: s.id }, { userId: viewerA.id, situationId: s.id }] });
  await db.importMapping.create({ data: { organisationId: orgA.id, name: "csv:event_id_cnty,event_date", mapping: { externalId: "event_id_cnty", eventDate: "event_date" } } });
  // Settings added since (coverage and signal sensitivity), and a suggested rating an analyst decided on (issue #28).
  await db.organisation.update({ where: { id: orgA.id }, data: { minScoreCoverage: 67, signalSensitivity: 0.01 } });
  const draft = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-02-01" }));
  await db.ratingSuggestion.create({ data: { assessmentId: draft.id, indicatorId: own.id, fromLevel: "PRESENT", suggestedLevel: "SIGNIFICANT", evidence: { events: 3, recentEventIds: [e.id] }, decision: "DECLINED", reason: "One source only.", decidedById: analystA.id, decidedAt: new Date("2026-02-02T10:00:00Z") } });
  void e;
});

/**
 * Every column of every table a restore writes, for one organisation, read with SQL (so nothing is
 * left out by a query that names columns): rows as plain objects.
 */
async function tables(orgId: string) {
  const q = (sql: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql, orgId);
  const sit = `SELECT id FROM "Situation" WHERE "organisationId" = $1`;
  const rows = {
    Organisation: await q(`SELECT "assessmentIntervalDays", "requireTwoFactor", "sensitivityMarking", "minScoreCoverage", "signalSensitivity" FROM "Organisation" WHERE id = $1`),
    Indicator: await q(`SELECT * FROM "Indicator" WHERE "organisationId" = $1`),
    Source: await q(`SELECT * FROM "Source" WHERE "organisationId" = $1`),
    Situation: await q(`SELECT * FROM "Situation" WHERE "organisationId" = $1`),
    CrimeAssessment: await q(`SELECT * FROM "CrimeAssessment" WHERE "situationId" IN (${sit})`),
    ExternalRating: await q(`SELECT * FROM "ExternalRating" WHERE "situationId" IN (${sit})`),
    EventImport: await q(`SELECT * FROM "EventImport" WHERE "organisationId" = $1`),
    Assessment: await q(`SELECT * FROM "Assessment" WHERE "organisationId" = $1`),
    IndicatorRating: await q(`SELECT * FROM "IndicatorRating" WHERE "assessmentId" IN (SELECT id FROM "Assessment" WHERE "organisationId" = $1)`),
    RatingSuggestion: await q(`SELECT * FROM "RatingSuggestion" WHERE "assessmentId" IN (SELECT id FROM "Assessment" WHERE "organisationId" = $1)`),
    Response: await q(`SELECT * FROM "Response" WHERE "organisationId" = $1`),
    Event: await q(`SELECT * FROM "Event" WHERE "organisationId" = $1`),
    EventIndicator: await q(`SELECT * FROM "EventIndicator" WHERE "eventId" IN (SELECT id FROM "Event" WHERE "organisationId" = $1)`),
    Citation: await q(`SELECT * FROM "Citation" WHERE "sourceId" IN (SELECT id FROM "Source" WHERE "organisationId" = $1)`),
    Alert: await q(`SELECT * FROM "Alert" WHERE "organisationId" = $1`),
    AlertReceipt: await q(`SELECT * FROM "AlertReceipt" WHERE "alertId" IN (SELECT id FROM "Alert" WHERE "organisationId" = $1)`),
    Watch: await q(`SELECT * FROM "Watch" WHERE "situationId" IN (${sit})`),
    ImportMapping: await q(`SELECT * FROM "ImportMapping" WHERE "organisationId" = $1`),
    AuditEntry: await q(`SELECT * FROM "AuditEntry" WHERE "organisationId" = $1 ORDER BY id`),
  };
  // JSON-safe: dates as ISO strings, decimals and big integers as text.
  return JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Record<keyof typeof rows, Record<string, unknown>[]>;
}

describe("the JSON backup", () => {
  it("restores into an empty organisation and loses nothing: backing up the copy gives the same file, and every column of every table is the same", async () => {
    await actAs(adminA);
    const before = await backup();
    expect(before).toMatchObject({ format: "atrocity-early-warning-backup", version: 2 });
    expect(before.events).toHaveLength(3);
    const tablesA = await tables(orgA.id); // read after the backup, whose own audit entry is in the file

    const orgB = await createOrganisation();
    const adminB = await createMember(orgB.id, "ADMIN");
    // The same people are members of the new organisation, so authorship maps back by e-mail; the
    // viewer is not, so their alert receipt and followed situation are not restored.
    await db.membership.createMany({ data: [adminA, analystA].map((u) => ({ userId: u.id, organisationId: orgB.id, role: "ANALYST" as const })) });
    await actAs(adminB, orgB.id);
    const res = await restore(JSON.stringify(before));
    // Two rounds: the published one and a draft started from it (its ratings carried over), with a decided suggestion.
    expect(await res.json()).toMatchObject({
      ok: true,
      counts: { situations: 1, sources: 1, assessments: 2, ratings: 4, responses: 1, events: 3, indicators: 1, imports: 1, alerts: tablesA.Alert.length, watches: 1, importMappings: 1, auditEntries: before.auditLog.length, citations: tablesA.Citation.length },
    });
    const tablesB = await tables(orgB.id);
    const after = await backup();

    // The file: the copy's backup is the original's with the ids mapped. Its audit log adds the restore
    // and this backup (not history from the file), and marks the history it brought back as restored.
    const viewer = await db.user.findUniqueOrThrow({ where: { id: viewerA.id } });
    type Entry = { action: string; restored: { at: string; exportedAt: string; user: string | null } | null };
    expect((after.auditLog as Entry[]).filter((a) => !a.restored).map((a) => a.action)).toEqual(["import.backup", "export.backup"]);
    for (const a of (after.auditLog as Entry[]).filter((x) => x.restored)) expect(a.restored).toMatchObject({ exportedAt: before.exportedAt, at: expect.any(String) });
    const history = (b: typeof before, restoredOnly: boolean) => ({
      ...b,
      exportedAt: null,
      organisation: { ...b.organisation, name: "" }, // the copy keeps the name it was created with
      auditLog: (b.auditLog as Entry[]).filter((a) => !restoredOnly || a.restored).map((a) => without(a, "restored")),
      watches: (b.watches as { user: string }[]).filter((w) => w.user !== viewer.email),
      alerts: (b.alerts as { receipts: { user: string }[] }[]).map((a) => ({ ...a, receipts: a.receipts.filter((r) => r.user !== viewer.email) })),
    });
    expect(sorted(history(after, true))).toEqual(mapped(history(before, false), idsOf(before), orgA.id, orgB.id));

    // The database: every column of every table the restore writes, read with SELECT *, is the
    // original's, ids mapped, but for what a restore cannot or must not copy: the stored files' keys
    // (files are not in a backup), the audit log's own numbering and its mark of restored history,
    // and what people outside the organisation read or followed.
    const idsA = new Set(Object.entries(tablesA).flatMap(([table, rows]) => (table === "AuditEntry" ? [] : rows.flatMap((r) => (typeof r.id === "string" ? [r.id] : [])))));
    const members = new Set([adminA.id, analystA.id, adminB.id]);
    const noFileKey = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, fileKey: null }));
    const expected = mapped(
      {
        ...tablesA,
        Source: noFileKey(tablesA.Source),
        EventImport: noFileKey(tablesA.EventImport),
        AlertReceipt: tablesA.AlertReceipt.filter((r) => members.has(r.userId as string)),
        Watch: tablesA.Watch.filter((r) => members.has(r.userId as string)),
        AuditEntry: tablesA.AuditEntry.map((a) => without(a, "id", "restored")),
      },
      idsA,
      orgA.id,
      orgB.id,
    );
    const actual = sorted({ ...tablesB, AuditEntry: tablesB.AuditEntry.filter((a) => a.restored).map((a) => without(a, "id", "restored")) });
    for (const table of Object.keys(expected as object) as (keyof typeof tablesA)[]) expect({ [table]: (actual as typeof tablesA)[table] }).toEqual({ [table]: (expected as typeof tablesA)[table] });
    // The event stored without a crime list keeps none (it came back as {} before); the form's empty list stays empty.
    // (PostgreSQL sends an enum array as its text form.)
    expect(tablesB.Event.map((e) => String(e.crimes)).sort()).toEqual(["null", "{WAR_CRIMES}", "{}"].sort());
    expect(await db.auditEntry.count({ where: { organisationId: orgB.id, action: "import.backup" } })).toBe(1);

    // The restored round's drivers point at the restored indicators, so its page can name them.
    const round = await db.assessment.findFirstOrThrow({ where: { organisationId: orgB.id } });
    const driver = (round.scores as { overall: { drivers: { indicatorId: string }[] } }).overall.drivers[0];
    expect(await db.indicator.count({ where: { id: driver.indicatorId } })).toBe(1);

    // Restoring again into the now non-empty organisation is refused, nothing changes.
    const again = await restore(JSON.stringify(before));
    expect(again.status).toBe(409);
    expect(await db.situation.count({ where: { organisationId: orgB.id } })).toBe(1);
  });

  it("refuses what is not a backup, and anyone but an administrator", async () => {
    const orgC = await createOrganisation();
    const adminC = await createMember(orgC.id, "ADMIN");
    await actAs(adminC);
    expect((await restore("not json")).status).toBe(400);
    const wrong = await restore(JSON.stringify({ format: "something-else", version: 1 }));
    expect(await wrong.json()).toMatchObject({ message: "This is not a backup of this application." });
    await actAs(analystA);
    expect((await GET()).status).toBe(403);
    expect((await restore("{}")).status).toBe(403);
  });

  it("refuses a restore sent from another site's page (Origin or Referer not this site), before reading it", async () => {
    const orgD = await createOrganisation();
    const adminD = await createMember(orgD.id, "ADMIN");
    await actAs(adminD);
    const body = JSON.stringify({ format: "atrocity-early-warning-backup", version: 1 });
    const from = (headers: Record<string, string>, text = body) => POST(new NextRequest("http://tracker.example.org/api/backup", { method: "POST", body: text, headers: { host: "tracker.example.org", ...headers } }));
    for (const res of [await from({ origin: "https://evil.example" }), await from({ referer: "https://evil.example/page" }), await from({ origin: "null" })]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ ok: false, message: "This request came from another site and was refused." });
    }
    // The app's own page gets past the check, on to the backup's own checks (this file is not JSON).
    expect((await from({ origin: "http://tracker.example.org" }, "not json")).status).toBe(400);
    expect(await db.auditEntry.count({ where: { organisationId: orgD.id, action: "import.backup" } })).toBe(0);
  });

  describe("checks every record with the forms' own rules and stores nothing when one fails", () => {
    let good: Record<string, unknown> & { organisation: Record<string, unknown>; sources: Record<string, unknown>[]; situations: Record<string, unknown>[] };
    beforeAll(async () => {
      await actAs(adminA);
      good = await backup();
    });

    /** Restores the tampered copy into a new empty organisation: the answer, and whether anything was stored. */
    async function tampered(change: (b: typeof good) => void) {
      const copy = structuredClone(good);
      change(copy);
      const org = await createOrganisation();
      const admin = await createMember(org.id, "ADMIN");
      await actAs(admin, org.id);
      const res = await restore(JSON.stringify(copy));
      const body = await res.json();
      const stored = (await db.situation.count({ where: { organisationId: org.id } })) + (await db.source.count({ where: { organisationId: org.id } })) + (await db.event.count({ where: { organisationId: org.id } }));
      const settings = await db.organisation.findUniqueOrThrow({ where: { id: org.id } });
      return { status: res.status, message: body.message as string, stored, settings };
    }

    it("a negative assessment interval", async () => {
      const r = await tampered((b) => (b.organisation.assessmentIntervalDays = -30));
      expect(r.status).toBe(400);
      expect(r.message).toMatch(/organisation's settings.*assessmentIntervalDays/i);
      expect(r.stored).toBe(0);
      expect(r.settings.assessmentIntervalDays).toBe(120);
    });

    it("a javascript: web address of a source", async () => {
      const r = await tampered((b) => (b.sources[0].url = "javascript:alert(document.cookie)"));
      expect(r.status).toBe(400);
      expect(r.message).toContain("source 1 (“Field report =1+1”)");
      expect(r.message).toContain("url: Enter a web address starting with https:// or http://.");
      expect(r.stored).toBe(0);
    });

    it("an external rating its form would refuse", async () => {
      type Rating = Record<string, unknown>;
      const ratings = () => good.situations[0].externalRatings as Rating[];
      expect(ratings().map((r) => r.system).sort()).toEqual(["EWP", "GENOCIDE_WATCH", "R2P_MONITOR"]);
      const ewp = ratings().findIndex((r) => r.system === "EWP");
      const r2p = ratings().findIndex((r) => r.system === "R2P_MONITOR");
      let r = await tampered((b) => ((b.situations[0].externalRatings as Rating[])[ewp].rank = 500));
      expect(r.status).toBe(400);
      expect(r.message).toBe(`The backup's situation 1 (“Darfur”) cannot be restored: externalRatings.${ewp}.rank: Enter the rank as a whole number from 1 to 300. Nothing was restored.`);
      expect(r.stored).toBe(0);
      r = await tampered((b) => ((b.situations[0].externalRatings as Rating[])[r2p].ratedOn = "2024-07-01T00:00:00.000Z"));
      expect(r.message).toContain(`externalRatings.${r2p}.category: The R2P Monitor has not used Serious Concern since March 2023`);
      expect(r.stored).toBe(0);
      r = await tampered((b) => ((b.situations[0].externalRatings as Rating[])[ewp].url = "javascript:alert(1)"));
      expect(r.message).toContain(`externalRatings.${ewp}.url: Enter a web address starting with https:// or http://.`);
      expect(r.stored).toBe(0);
    });

    it("markup in the sensitivity marking", async () => {
      const r = await tampered((b) => (b.organisation.sensitivityMarking = '<img src=x onerror="alert(1)">'));
      expect(r.status).toBe(400);
      expect(r.message).toMatch(/organisation's settings.*sensitivityMarking/i);
      expect(r.stored).toBe(0);
      expect(r.settings.sensitivityMarking).toBe("RESTRICTED");
    });

    it("a creation date in the future or not a date (a date in the past is the record's own history, and kept)", async () => {
      for (const createdAt of ["2999-01-01T00:00:00.000Z", "yesterday", "2025-02-30T00:00:00.000Z"]) {
        const r = await tampered((b) => (b.situations[0].createdAt = createdAt));
        expect(r.status).toBe(400);
        expect(r.message).toContain("situation 1 (“Darfur”)");
        expect(r.message).toContain("createdAt");
        expect(r.stored).toBe(0);
      }
      const kept = await tampered((b) => (b.situations[0].createdAt = "2001-09-10T08:00:00.000Z"));
      expect(kept.status).toBe(200);
    });

    it("a file name that climbs out of the upload directory, or holds a NUL, or is too long", async () => {
      for (const fileName of ["../../etc/passwd", "..\\windows\\system.ini", "report\u0000.pdf", `${"a".repeat(256)}.pdf`]) {
        const r = await tampered((b) => Object.assign(b.sources[0], { fileName, fileSize: 10, fileType: "application/pdf", fileSha256: "0".repeat(64) }));
        expect(r.status).toBe(400);
        expect(r.message).toContain("source 1 (“Field report =1+1”)");
        expect(r.message).toContain("fileName");
        expect(r.stored).toBe(0);
      }
    });
  });

  describe("reads the file as a stream: any size, all or nothing", () => {
    let good: Record<string, unknown> & { situations: { id: string }[]; sources: { id: string }[] };
    beforeAll(async () => {
      await actAs(adminA);
      good = await backup();
    });

    /** A new empty organisation with its administrator signed in; what it holds afterwards. */
    async function emptyOrganisation() {
      const org = await createOrganisation();
      await actAs(await createMember(org.id, "ADMIN"), org.id);
      const where = { organisationId: org.id };
      const stored = async () => (await db.situation.count({ where })) + (await db.source.count({ where })) + (await db.event.count({ where })) + (await db.auditEntry.count({ where: { ...where, restored: { not: Prisma.AnyNull } } }));
      return { org, stored };
    }

    it("restores a backup of 40,000 events (more than 10 MB) completely, with the memory in use staying far below the file's size", async () => {
      // The file is made piece by piece as the restore reads it, so the test itself never holds it.
      const situationId = good.situations[0].id;
      const sourceId = good.sources[0].id;
      const EVENTS = 40_000;
      const notes = "Witnesses describe shelling of the market and the displacement of families towards the border. ".repeat(4);
      const event = (i: number) =>
        JSON.stringify({
          id: `big-${i}`, situationId, externalId: `SDN${100000 + i}`, eventDate: "2025-06-01T00:00:00.000Z", timePrecision: 1, disorderType: "Political violence", eventType: "Battles", subEventType: "Armed clash",
          actor1: "Armed group A", assocActor1: null, actor2: "Armed group B", assocActor2: null, interaction: "12", civilianTargeting: i % 2 === 0, countryIso3: "SDN", admin1: "North Darfur", admin2: "El Fasher",
          admin3: null, location: "El Fasher", latitude: "13.629", longitude: "25.35", geoPrecision: 1, sourceText: "Radio Dabanga", sourceScale: "National", notes, fatalities: i % 7, tags: null,
          crimes: i % 3 === 0 ? ["WAR_CRIMES"] : [], importId: null, version: 1, createdBy: null, createdAt: "2025-06-02T10:00:00.000Z", updatedAt: "2025-06-02T10:00:00.000Z", deletedAt: null,
          indicators: ["UN:7.1"], citations: [{ id: `big-c-${i}`, sourceId, locator: `para. ${i}`, createdBy: null, createdAt: "2025-06-02T10:00:00.000Z" }],
        });
      // Parts in the file's order: everything before the events, the events, then the (empty) rest.
      const head = JSON.stringify(without(good, "events", "alerts", "watches", "importMappings", "auditLog")).slice(0, -1);
      const tail = `,"alerts":[],"watches":[],"importMappings":[],"auditLog":[]}`;
      let size = Buffer.byteLength(head) + Buffer.byteLength(`,"events":[`) + EVENTS - 1 + Buffer.byteLength("]" + tail);
      for (let k = 0; k < EVENTS; k++) size += Buffer.byteLength(event(k));
      expect(size).toBeGreaterThan(25 * 1024 * 1024);

      setFlagsFromString("--expose-gc");
      const gc = runInNewContext("gc") as () => void;
      gc();
      const base = process.memoryUsage();
      let peakHeap = 0;
      let peakRss = 0;
      const samples: number[] = [];
      let sent = 0;
      let i = 0;
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // Live memory (after a full collection) every 2,000 events: what the restore holds at that moment.
          if (i % 2000 === 0) {
            gc();
            const m = process.memoryUsage();
            peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
            samples.push(Math.round((m.heapUsed - base.heapUsed) / 1e5) / 10);
            peakRss = Math.max(peakRss, m.rss - base.rss);
          }
          let text: string;
          if (i === 0) text = head + `,"events":[` + event(0);
          else if (i < EVENTS) text = "," + event(i);
          else if (i === EVENTS) text = "]" + tail;
          else return controller.close();
          i++;
          const bytes = encoder.encode(text);
          sent += bytes.byteLength;
          controller.enqueue(bytes);
        },
      });
      const { org } = await emptyOrganisation();
      const res = await POST(new NextRequest("http://localhost/api/backup", { method: "POST", body, headers: { "content-length": String(size) }, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]));
      const answer = await res.json();
      console.log(`restore of ${(size / 1024 / 1024).toFixed(1)} MB: live heap grew at most ${(peakHeap / 1024 / 1024).toFixed(1)} MB, RSS ${(peakRss / 1024 / 1024).toFixed(1)} MB`, samples.join(" "));
      expect(sent).toBe(size);
      expect(answer).toMatchObject({ ok: true, counts: { events: EVENTS, situations: 1, sources: 1 } });
      const where = { organisationId: org.id };
      expect(await db.event.count({ where })).toBe(EVENTS);
      expect(await db.citation.count({ where: { event: where } })).toBe(EVENTS + 0);
      expect(await db.eventIndicator.count({ where: { event: where } })).toBe(EVENTS);
      expect(await db.event.count({ where: { ...where, crimes: { has: "WAR_CRIMES" } } })).toBe(Math.ceil(EVENTS / 3));
      expect(await db.event.aggregate({ where, _sum: { fatalities: true } })).toEqual({ _sum: { fatalities: Array.from({ length: EVENTS }, (_, k) => k % 7).reduce((a, b) => a + b) } });
      expect(await db.situation.count({ where })).toBe(1);
      expect(await db.source.count({ where })).toBe(1);
      // Reading the whole body and parsing it (the old restore) holds the text and its objects: several
      // times the file. Streaming holds a few batches: measured 13-14 MB of live heap for this 50 MB file,
      // reached after some 8,000 events and flat from there (Prisma keeps its last 100 debug calls'
      // arguments, recent batches among them: see BATCH in lib/exports/restore-backup.ts).
      expect(peakHeap).toBeLessThan(size / 3);
      const half = Math.floor(samples.length / 2);
      expect(Math.max(...samples.slice(half)) - Math.max(...samples.slice(0, half))).toBeLessThan(3);
      expect(peakRss).toBeLessThan(size);
    }, 300_000);

    it("restores nothing from a file cut short, and says where it ends", async () => {
      const text = JSON.stringify(good);
      const cuts: [number, RegExp][] = [
        [text.indexOf(`"events":[`) + 30, /^This file is not a complete backup: it ends before the end of its events \(after 0 of them\)\. Nothing was restored; download the backup again\.$/],
        [text.indexOf(`"auditLog":[`) + 14, /^This file is not a complete backup: it ends before the end of its audit log/],
        [text.length - 1, /^This file is not a complete backup: it ends after its audit log, before the end of the backup\./],
        [text.indexOf(`"sources":[`) + 5, /^This file is not a complete backup: it ends after its own indicators, before the end of the backup\./],
        [text.indexOf(`"sources":[`) + 13, /^This file is not a complete backup: it ends before the end of its sources \(after 0 of them\)\./],
      ];
      for (const [at, message] of cuts) {
        const { stored } = await emptyOrganisation();
        const res = await restore(text.slice(0, at));
        expect(res.status, String(at)).toBe(400);
        expect((await res.json()).message, String(at)).toMatch(message);
        expect(await stored(), String(at)).toBe(0);
      }
    });

    it("restores nothing from a file that is not valid JSON part-way, whose upload ends short of its declared length, or that is not the file the browser fingerprinted", async () => {
      const text = JSON.stringify(good);
      const at = text.indexOf(`"events":[`) + 10;
      let { stored } = await emptyOrganisation();
      let res = await restore(text.slice(0, at) + "@" + text.slice(at));
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/^This file is not valid JSON \(the error is near byte [\d,]+\)\. Choose a backup downloaded from the Exports page\.$/);
      expect(await stored()).toBe(0);

      ({ stored } = await emptyOrganisation());
      res = await POST(new NextRequest("http://localhost/api/backup", { method: "POST", body: text, headers: { "content-length": String(Buffer.byteLength(text) + 100) } }));
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe(`The upload was cut short: ${Buffer.byteLength(text).toLocaleString("en")} of ${(Buffer.byteLength(text) + 100).toLocaleString("en")} bytes arrived. Nothing was restored; send the file again.`);
      expect(await stored()).toBe(0);

      // The browser's fingerprint of the file it sent: another file (here one byte changed) is refused.
      ({ stored } = await emptyOrganisation());
      const sha = createHash("sha256").update(text).digest("hex");
      const other = text.replace(`"Field report =1+1"`, `"Field report =1+2"`);
      res = await POST(new NextRequest("http://localhost/api/backup", { method: "POST", body: other, headers: { "content-length": String(Buffer.byteLength(other)), "x-content-sha256": sha } }));
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe("The file that arrived is not the file that was sent (its SHA-256 differs). Nothing was restored; send the file again.");
      expect(await stored()).toBe(0);
      const { org } = await emptyOrganisation();
      res = await POST(new NextRequest("http://localhost/api/backup", { method: "POST", body: text, headers: { "content-length": String(Buffer.byteLength(text)), "x-content-sha256": sha } }));
      expect(res.status).toBe(200);
      expect(await db.source.count({ where: { organisationId: org.id } })).toBe(1);
    });

    it("refuses a malformed size or fingerprint out loud, as every upload does, before reading the file", async () => {
      const text = JSON.stringify(good);
      const { stored } = await emptyOrganisation();
      let res = await POST(new NextRequest("http://localhost/api/backup", { method: "POST", body: text, headers: { "content-length": "12abc" } }));
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe("The request's Content-Length is not a number of bytes.");
      res = await POST(new NextRequest("http://localhost/api/backup", { method: "POST", body: text, headers: { "content-length": String(Buffer.byteLength(text)), "x-content-sha256": "not-a-hash" } }));
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe("The file's SHA-256 fingerprint (X-Content-SHA256) must be 64 hexadecimal characters.");
      expect(await stored()).toBe(0);
    });

    it("still restores a version 1 backup (before history, alerts, follows and mappings were kept), and brings back the two-factor requirement", async () => {
      const v1 = without(good, "imports", "alerts", "watches", "importMappings", "auditLog");
      const { org } = await emptyOrganisation();
      // (Version 1 had no import history, so its events name no import.)
      const res = await restore(JSON.stringify({ ...v1, version: 1, events: (v1.events as object[]).map((e) => ({ ...e, importId: null })) }));
      expect(res.status).toBe(200);
      expect(await db.situation.count({ where: { organisationId: org.id } })).toBe(1);

      const second = await emptyOrganisation();
      const res2 = await restore(JSON.stringify({ ...good, organisation: { ...(good.organisation as object), requireTwoFactor: true } }));
      expect(res2.status).toBe(200);
      expect((await db.organisation.findUniqueOrThrow({ where: { id: second.org.id } })).requireTwoFactor).toBe(true);
    });
  });

  it("restores the demo organisations' backups whole (data made by the seed, not only by the forms)", async () => {
    await seedDemo(db);
    for (const slug of ["demo-watch", "demo-partner"]) {
      const demo = await db.organisation.findUniqueOrThrow({ where: { slug } });
      const admin = await db.membership.findFirstOrThrow({ where: { organisationId: demo.id, role: "ADMIN" } });
      await actAs({ id: admin.userId }, demo.id);
      const file = await backup();
      const copy = await createOrganisation();
      const copyAdmin = await createMember(copy.id, "ADMIN");
      await actAs(copyAdmin, copy.id);
      const res = await restore(JSON.stringify(file));
      const body = await res.json();
      expect(body, slug).toMatchObject({ ok: true });
      expect(body.counts, slug).toMatchObject({ situations: file.situations.length, sources: file.sources.length, assessments: file.assessments.length, responses: file.responses.length, events: file.events.length, alerts: file.alerts.length, auditEntries: file.auditLog.length });
    }
  }, 120_000);
});
