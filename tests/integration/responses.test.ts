import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createResponseAction, deleteResponseAction, updateResponseAction } from "@/app/(app)/responses/actions";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { emptyResponseInput, type ResponseInput } from "@/lib/responses/schemas";
import { emptySituationInput } from "@/lib/situations/schemas";
import { emptySourceInput } from "@/lib/sources/schemas";
import { findResponseGaps } from "@/lib/responses/gaps";
import { listResponses } from "@/lib/responses/queries";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

const response = (over: Partial<ResponseInput> = {}): ResponseInput => ({
  ...emptyResponseInput(),
  pillar: "III",
  type: "ICC_REFERRAL",
  actorType: "UN_SECURITY_COUNCIL",
  actorName: "UN Security Council",
  title: "Referral to the International Criminal Court",
  startDate: "2005-03-31",
  reference: "S/RES/1593 (2005)",
  status: "ADOPTED",
  ...over,
});

let org: { id: string; name: string };
let analyst: { id: string; name: string };
let viewer: { id: string };
let outsider: { id: string };
let outsiderOrg: { id: string; name: string };

beforeAll(async () => {
  org = await createOrganisation();
  outsiderOrg = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  viewer = await createMember(org.id, "VIEWER");
  outsider = await createMember(outsiderOrg.id, "ANALYST");
});

async function situation(riskCategory: "CURRENT_CRISIS" | "IMMINENT_RISK" | "MONITORING" = "CURRENT_CRISIS", visibility: "ORGANISATION" | "COALITION" = "ORGANISATION") {
  await actAs(analyst);
  const r = await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: `Situation ${Math.random()}`, riskCategory, visibility });
  if (!r.ok) throw new Error(r.message);
  return r.data.id;
}

describe("recording responses under the three pillars", () => {
  it("records one with its cited source and an audit entry", async () => {
    const situationId = await situation();
    await actAs(analyst);
    const src = await createSourceAction({ ...emptySourceInput(), title: "Resolution 1593", unSymbol: "S/RES/1593 (2005)", reliability: "A", credibility: 1 });
    if (!src.ok) throw new Error(src.message);
    const res = await createResponseAction({ situationId, data: response({ sourceIds: [src.data.id] }) });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const row = await db.response.findUniqueOrThrow({ where: { id: res.data.id }, include: { citations: true } });
    expect(row).toMatchObject({ organisationId: org.id, situationId, pillar: "III", type: "ICC_REFERRAL", reference: "S/RES/1593 (2005)" });
    expect(row.citations.map((c) => c.sourceId)).toEqual([src.data.id]);
    expect(await db.auditEntry.count({ where: { entityId: res.data.id, action: "response.create" } })).toBe(1);
  });

  it("refuses a malformed UN symbol, an end before the start and unknown enums, next to the fields", async () => {
    const situationId = await situation();
    await actAs(analyst);
    const res = await createResponseAction({ situationId, data: { ...response({ reference: "S/RES/", startDate: "2024-05-01", endDate: "2024-01-01" }), type: "INVASION" as "OTHER" } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    // Each next to its field ("data.type" in an input { situationId, data }), not all under "data";
    // every mistake at once, the end before the start too.
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(["data.endDate", "data.reference", "data.type"]);
    const bad = await createResponseAction({ situationId, data: response({ reference: "S/RES/" }) });
    expect(bad.ok).toBe(false);
    const dates = await createResponseAction({ situationId, data: response({ startDate: "2024-05-01", endDate: "2024-01-01" }) });
    expect(dates).toMatchObject({ ok: false, fieldErrors: { "data.endDate": ["The end date is before the start date."] } });
    expect(await db.response.count({ where: { situationId } })).toBe(0);
  });

  it("refuses viewers and other organisations, even on a coalition-shared situation", async () => {
    const situationId = await situation("CURRENT_CRISIS", "COALITION");
    await actAs(viewer);
    expect(await createResponseAction({ situationId, data: response() })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(outsider);
    expect(await createResponseAction({ situationId, data: response() })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("edits with a version check and deletes softly, audited", async () => {
    const situationId = await situation();
    await actAs(analyst);
    const created = await createResponseAction({ situationId, data: response() });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    expect(await updateResponseAction({ id, version: 1, data: response({ status: "IMPLEMENTED" }) })).toMatchObject({ ok: true, data: { version: 2 } });
    // A stale save is refused and tells the form what is saved now and who saved it, so it can compare and merge.
    const stale = await updateResponseAction({ id, version: 1, data: response({ status: "LAPSED" }) });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2, updatedBy: analyst.name, values: { ...response({ status: "IMPLEMENTED" }), sourceIds: [] } } });
    expect((await db.response.findUniqueOrThrow({ where: { id } })).status).toBe("IMPLEMENTED");
    expect(await deleteResponseAction({ id, version: 2 })).toMatchObject({ ok: true });
    expect((await db.response.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { entityId: id } })).toBe(3);
  });
});

describe("response gaps and the coalition-wide list", () => {
  it("finds crisis and imminent-risk situations without a recent adopted pillar III response", async () => {
    const gapOrg = await createOrganisation();
    const me = await createMember(gapOrg.id, "ANALYST");
    await actAs(me);
    const mk = async (riskCategory: "CURRENT_CRISIS" | "IMMINENT_RISK" | "MONITORING", title: string) => {
      const r = await createSituationAction({ ...emptySituationInput(), countryIso3: "MMR", title, riskCategory });
      if (!r.ok) throw new Error(r.message);
      return r.data.id;
    };
    const covered = await mk("CURRENT_CRISIS", "Covered");
    const oldOnly = await mk("IMMINENT_RISK", "Old response only");
    const pillarII = await mk("CURRENT_CRISIS", "Pillar II only");
    const blocked = await mk("CURRENT_CRISIS", "Vetoed only");
    await mk("MONITORING", "Monitoring");
    const recent = new Date(Date.now() - 10 * 86400_000).toISOString().slice(0, 10);
    await createResponseAction({ situationId: covered, data: response({ startDate: recent }) });
    await createResponseAction({ situationId: oldOnly, data: response({ startDate: "2020-01-01" }) });
    await createResponseAction({ situationId: pillarII, data: response({ pillar: "II", type: "MEDIATION", startDate: recent }) });
    await createResponseAction({ situationId: blocked, data: response({ status: "BLOCKED", startDate: recent }) });
    const gaps = await findResponseGaps({ organisationId: gapOrg.id, organisationName: "x", role: "ANALYST" }, 90);
    // (Situations other organisations share with the coalition count too; look at ours.)
    const mine = [covered, oldOnly, pillarII, blocked];
    expect(gaps.filter((g) => mine.includes(g.id)).map((g) => g.title).sort()).toEqual(["Old response only", "Pillar II only", "Vetoed only"]);

    const m = { organisationId: gapOrg.id, organisationName: "x", role: "ANALYST" as const };
    expect((await listResponses(m, { pillar: "II" })).rows.map((r) => r.situationId)).toEqual([pillarII]);
    expect((await listResponses(m, { from: "2021-01-01" })).total).toBe(3);
    const outsiderView = await listResponses({ organisationId: outsiderOrg.id, organisationName: outsiderOrg.name, role: "ANALYST" }, {});
    expect(outsiderView.rows.filter((r) => [covered, oldOnly, pillarII, blocked].includes(r.situationId))).toEqual([]);
  });
});
