import { beforeAll, describe, expect, it } from "vitest";
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
import { actAs, createMember, createOrganisation, ok } from "../support/fixtures";

async function backup() {
  const res = await GET();
  expect(res.status).toBe(200);
  return JSON.parse(await res.text());
}
const restore = (body: string) => POST(new NextRequest("http://localhost/api/backup", { method: "POST", body, headers: { "content-length": String(Buffer.byteLength(body)) } }));

/** The backup without what necessarily changes (ids, export time): references become titles, arrays sorted. */
function normalise(b: Record<string, unknown>) {
  const titles = new Map<string, string>();
  for (const s of b.sources as { id: string; title: string }[]) titles.set(s.id, `source:${s.title}`);
  for (const s of b.situations as { id: string; title: string }[]) titles.set(s.id, `situation:${s.title}`);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== "id" && k !== "exportedAt")
          .map(([k, x]) => [k, (k === "sourceId" || k === "situationId") && typeof x === "string" ? titles.get(x) : walk(x)]),
      );
    }
    return v;
  };
  return walk(b);
}

let orgA: { id: string };
let adminA: { id: string };
let analystA: { id: string };

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
  void e;
});

describe("the JSON backup", () => {
  it("restores into an empty organisation and loses nothing: backing up the copy gives the same data", async () => {
    await actAs(adminA);
    const before = await backup();
    expect(before).toMatchObject({ format: "atrocity-early-warning-backup", version: 1 });
    expect(before.events).toHaveLength(2);

    const orgB = await createOrganisation();
    const adminB = await createMember(orgB.id, "ADMIN");
    // The same people are members of the new organisation, so authorship maps back by e-mail.
    await db.membership.createMany({ data: [adminA, analystA].map((u) => ({ userId: u.id, organisationId: orgB.id, role: "ANALYST" as const })) });
    await actAs(adminB, orgB.id);
    const res = await restore(JSON.stringify(before));
    expect(await res.json()).toMatchObject({ ok: true, counts: { situations: 1, sources: 1, assessments: 1, responses: 1, events: 2, indicators: 1 } });
    const after = await backup();
    // Everything is the same but the organisation's own name (the copy keeps the name it was created with).
    expect(normalise({ ...after, organisation: { ...after.organisation, name: "" } })).toEqual(normalise({ ...before, organisation: { ...before.organisation, name: "" } }));
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
    const from = (headers: Record<string, string>) => POST(new NextRequest("http://tracker.example.org/api/backup", { method: "POST", body, headers: { host: "tracker.example.org", ...headers } }));
    for (const res of [await from({ origin: "https://evil.example" }), await from({ referer: "https://evil.example/page" }), await from({ origin: "null" })]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ ok: false, message: "This request came from another site and was refused." });
    }
    // The app's own page gets past the check (and on to the backup's own checks).
    expect((await from({ origin: "http://tracker.example.org" })).status).not.toBe(403);
    expect(await db.auditEntry.count({ where: { organisationId: orgD.id, action: "import.backup" } })).toBe(0);
  });
});
