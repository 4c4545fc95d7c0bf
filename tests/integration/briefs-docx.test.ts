// The Word country brief and cited claims (issue #29), read back from the file's XML: footnotes
// match the numbered sources, every risk factor is there with its coverage, the recent events of a
// seeded period are counted right, the marking is in the header, table headers repeat.
import { beforeAll, describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { GET as brief } from "@/app/api/briefs/[id]/route";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { createResponseAction } from "@/app/(app)/responses/actions";
import { publishRoundAction, saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { emptySourceInput } from "@/lib/sources/schemas";
import { emptyResponseInput } from "@/lib/responses/schemas";
import { isoDate } from "@/lib/format";
import { actAs, createMember, createOrganisation, ok } from "../support/fixtures";

let analyst: { id: string };
let situationId: string;
const day = (n: number) => isoDate(new Date(Date.now() - n * 86400_000));

async function docxParts(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  const xml = (name: string) => (files[name] ? strFromU8(files[name]) : "");
  const text = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  const headers = Object.keys(files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map(xml).join("");
  return { document: xml("word/document.xml"), footnotes: xml("word/footnotes.xml"), text, headers };
}

beforeAll(async () => {
  const org = await createOrganisation();
  await db.organisation.update({ where: { id: org.id }, data: { sensitivityMarking: "CONFIDENTIAL" } });
  analyst = await createMember(org.id, "ANALYST");
  await actAs(analyst);
  const src = async (title: string, extra: object = {}) => (await ok(createSourceAction({ ...emptySourceInput(), title, publisher: "Monitor", reliability: "B", credibility: 2, ...extra }))).id;
  const a = await src("Field report on Kachin", { unSymbol: "S/2024/100", publishedOn: "2024-03-01", accessedOn: "2024-03-05" });
  const b = await src("Satellite imagery review", { url: "https://example.org/imagery" });
  const c = await src("Security Council statement");
  const input = { ...emptySituationInput(), countryIso3: "MMR", title: "Kachin brief test", riskCategory: "IMMINENT_RISK" as const, visibility: "COALITION" as const, summary: "Shelling of villages." };
  input.crimes = input.crimes.map((cr) => (cr.crime === "WAR_CRIMES" ? { ...cr, status: "ALLEGED" as const, rationale: "Attacks on schools.", sourceIds: [a] } : cr));
  situationId = (await ok(createSituationAction(input))).id;
  const ind = Object.fromEntries((await db.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true } })).map((r) => [r.code, r.id]));
  const r = await ok(startRoundAction({ situationId, assessedOn: day(30) }));
  const rating = (code: string, level: "PRESENT" | "SEVERE", sourceIds: string[]) => ({ indicatorId: ind[code], level, trend: "" as const, confidence: "" as const, evidence: `Evidence for ${code}.`, sourceIds });
  await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: day(30), summary: "", ratings: [rating("1.1", "SEVERE", [b, a]), rating("13.1", "PRESENT", [])] }));
  await ok(publishRoundAction({ id: r.id, version: 2 }));
  await ok(createResponseAction({ situationId, data: { ...emptyResponseInput(), pillar: "III", type: "STATEMENT", actorType: "UN_SECURITY_COUNCIL", actorName: "Security Council", title: "Press statement", startDate: day(20), status: "ADOPTED", sourceIds: [c] } }));
  const event = (daysAgo: number, fatalities: number | null, civilian: boolean, admin1: string) =>
    db.event.create({ data: { organisationId: org.id, situationId, eventDate: new Date(`${day(daysAgo)}T00:00:00Z`), eventType: civilian ? "Violence against civilians" : "Battles", fatalities, admin1, createdById: analyst.id } });
  await event(5, 10, true, "Kachin");
  await event(6, null, true, "Kachin");
  await event(40, 3, false, "Shan");
  await event(200, 99, true, "Kachin"); // outside the 90 days
});

describe("Word country briefs", () => {
  it("cite every claim with footnotes that name the numbered sources, in the order first cited", async () => {
    await actAs(analyst);
    const res = await brief(new NextRequest(`http://localhost/api/briefs/${situationId}?format=docx`), { params: Promise.resolve({ id: situationId }) });
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="kachin-brief-test-brief-\d{4}-\d{2}-\d{2}\.docx"$/);
    const { document, footnotes, text, headers } = await docxParts(res);
    const body = text(document);
    // Crime (source a), rating 1.1 (b, a), response (c): a is 1, b is 2, c is 3; four markers in all.
    expect(body).toContain("1. Field report on Kachin, Monitor. Graded B2 (reliability B, credibility 2). UN document S/2024/100. Published 2024-03-01; accessed 2024-03-05.");
    expect(body).toContain("2. Satellite imagery review, Monitor. Graded B2 (reliability B, credibility 2). https://example.org/imagery");
    expect(body).toContain("3. Security Council statement, Monitor.");
    expect(document.match(/<w:footnoteReference /g)).toHaveLength(4);
    const notes = text(footnotes);
    for (const n of ["Source 1: Field report on Kachin", "Source 2: Satellite imagery review", "Source 3: Security Council statement"]) expect(notes).toContain(n);
    expect(notes.split("Source 1:").length - 1).toBe(2); // the crime and the rating cite it
    expect(headers).toContain("CONFIDENTIAL · shared with coalition members");
    expect(document).toContain("<w:tblHeader/>");
    expect(document).toContain('w:val="Title"');
    expect(document).toContain('w:val="Heading1"');
    expect(await db.auditEntry.count({ where: { userId: analyst.id, action: "export.brief", entityId: situationId, after: { path: ["format"], equals: "docx" } } })).toBe(1);
  });

  it("list every risk factor with its coverage, and the recent events of the last 90 days with unknown figures stated", async () => {
    await actAs(analyst);
    const { document, text } = await docxParts(await brief(new NextRequest(`http://localhost/api/briefs/${situationId}?format=docx`), { params: Promise.resolve({ id: situationId }) }));
    const body = text(document);
    for (let f = 1; f <= 14; f++) expect(body).toContain(`Risk factor ${f}`);
    expect(body).toContain("indicators assessed");
    expect(body).toContain(`Recent events (${day(89)} to ${day(0)})`);
    expect(body).toContain("3 events were recorded, 2 of them attacks on civilians. At least 13 people were reported killed; 1 event gave no figure.");
    expect(body).toMatch(/Since the last brief \(\d{4}-\d{2}-\d{2}, by [^)]+\): 0 events recorded, 0 responses added, 0 rounds published\./);
    expect(body).toContain("Signals from the event log (last 90 days)");
    expect(body).toContain("A week stands out when so many events, attacks on civilians or people killed would come by chance less than 1 time in 1,000");
  });
});
