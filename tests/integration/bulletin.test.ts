// The coalition bulletin (issue #29), read back from the PDF's text and the Word file's XML: the
// chosen situations in the right order (category, then latest score, a score not enough assessed
// after the scored ones), the category definitions, the events and responses of the period; what
// the member may not see is never in it; the query is checked; it is audited.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { PDFParse } from "pdf-parse";
import { unzipSync, strFromU8 } from "fflate";
import { db } from "@/lib/db";
import { renderToStaticMarkup } from "react-dom/server";
import { GET as bulletin } from "@/app/api/briefs/overview/route";
import ExportsPage from "@/app/(app)/exports/page";
import { PUT as putLogo } from "@/app/api/admin/logo/route";
import { GET as brief } from "@/app/api/briefs/[id]/route";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { createResponseAction } from "@/app/(app)/responses/actions";
import { publishRoundAction, saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { emptyResponseInput } from "@/lib/responses/schemas";
import { isoDate } from "@/lib/format";
import { RISK_CATEGORY_DEFINITIONS } from "@/lib/labels";
import { bulletinPeriod } from "@/lib/briefs/bulletin";
import { actAs, createMember, createOrganisation, ok } from "../support/fixtures";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-bulletin-"));

const day = (n: number) => isoDate(new Date(Date.now() - n * 86400_000));
const flat = (text: string) => text.replace(/\s+/g, " ");
const get = (search: string) => bulletin(new NextRequest(`http://localhost/api/briefs/overview${search}`));

async function pdfText(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (process.env.BULLETIN_PDF_OUT) writeFileSync(process.env.BULLETIN_PDF_OUT, bytes); // to look at it: BULLETIN_PDF_OUT=/tmp/bulletin.pdf (the last one read)
  return flat((await new PDFParse({ data: bytes }).getText()).text);
}

let analyst: { id: string };
let outsider: { id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  const org = await createOrganisation();
  await db.organisation.update({ where: { id: org.id }, data: { sensitivityMarking: "RESTRICTED" } });
  analyst = await createMember(org.id, "ANALYST");
  outsider = await createMember((await createOrganisation()).id, "VIEWER");
  await actAs(analyst);
  const indicators = await db.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true, riskFactorNumber: true } });
  const situation = async (title: string, riskCategory: "CURRENT_CRISIS" | "IMMINENT_RISK" | "MONITORING", visibility: "COALITION" | "ORGANISATION" = "COALITION") =>
    (ids[title] = (await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title, riskCategory, visibility, summary: `Summary of ${title}.` }))).id);
  /** A published round rating every indicator (None but for the factors given, rated Severe), or only `only` of them. */
  const round = async (situationId: string, severeFactors: number[], only?: number) => {
    const r = await ok(startRoundAction({ situationId, assessedOn: day(15) }));
    const rated = only === undefined ? indicators : indicators.slice(0, only);
    const ratings = rated.map((i) => ({ indicatorId: i.id, level: severeFactors.includes(i.riskFactorNumber) ? ("SEVERE" as const) : ("NONE" as const), trend: "" as const, confidence: "" as const, evidence: "", sourceIds: [] }));
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: day(15), summary: "", ratings }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));
  };
  await situation("Alpha lower score", "CURRENT_CRISIS");
  await round(ids["Alpha lower score"], [1]);
  await situation("Zulu higher score", "CURRENT_CRISIS");
  await round(ids["Zulu higher score"], [1, 2, 7, 8, 11, 13]);
  await situation("Beta not enough assessed", "CURRENT_CRISIS");
  await round(ids["Beta not enough assessed"], [1], 3);
  await situation("Gamma imminent", "IMMINENT_RISK");
  await round(ids["Gamma imminent"], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  await situation("Delta monitoring", "MONITORING");
  await situation("Private situation", "CURRENT_CRISIS", "ORGANISATION");
  const z = ids["Zulu higher score"];
  const event = (daysAgo: number, fatalities: number | null, civilian: boolean) =>
    db.event.create({ data: { organisationId: org.id, situationId: z, eventDate: new Date(`${day(daysAgo)}T00:00:00Z`), eventType: civilian ? "Violence against civilians" : "Battles", fatalities, admin1: "Darfur", createdById: analyst.id } });
  await event(10, 4, true);
  await event(12, null, false);
  await event(100, 50, true); // outside a 60-day period
  const response = (title: string, daysAgo: number) =>
    createResponseAction({ situationId: z, data: { ...emptyResponseInput(), pillar: "III", type: "STATEMENT", actorType: "UN_SECURITY_COUNCIL", actorName: "Security Council", title, startDate: day(daysAgo), status: "ADOPTED" } });
  await ok(response("Statement inside the period", 20));
  await ok(response("Statement before the period", 90));
});

const chosen = () => ["Delta monitoring", "Gamma imminent", "Beta not enough assessed", "Zulu higher score", "Alpha lower score"].map((t) => ids[t]).join(",");

describe("the coalition bulletin", () => {
  it("lists the chosen situations by category, then by latest score, a score not enough assessed after the scored ones, with the categories defined", async () => {
    await actAs(analyst);
    const text = await pdfText(await get(`?situations=${chosen()}&from=${day(59)}&to=${day(0)}`));
    const first = text.split(/-- 1 of \d+ --/)[0];
    const order = ["Zulu higher score", "Alpha lower score", "Beta not enough assessed", "Gamma imminent", "Delta monitoring"].map((t) => first.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(first).toContain("Not enough assessed");
    for (const definition of Object.values(RISK_CATEGORY_DEFINITIONS)) expect(first).toContain(definition);
    expect(first).toContain(`5 situations, by risk category (most serious first), then by the latest overall score (highest first)`);
    expect(first).toContain(`Events and responses from ${day(59)} to ${day(0)}.`);
    expect(text).not.toContain("Private situation");
    // One page per situation after the first.
    // Each situation starts a page of its own.
    for (const title of ["Zulu higher score", "Alpha lower score", "Beta not enough assessed", "Gamma imminent", "Delta monitoring"]) expect(text).toMatch(new RegExp(`page \\d+ of \\d+ ${title} `));
    expect(await db.auditEntry.count({ where: { userId: analyst.id, action: "export.overview", after: { path: ["from"], equals: day(59) } } })).toBe(1);
  });

  it("gives each situation its headline score, summary, the period's events and responses, and five key factors", async () => {
    await actAs(analyst);
    const text = await pdfText(await get(`?situations=${ids["Zulu higher score"]}&from=${day(59)}&to=${day(0)}`));
    expect(text).toMatch(/Latest assessment round \d{4}-\d{2}-\d{2}: overall score [\d.]+ of 100/);
    expect(text).toContain("Summary of Zulu higher score.");
    expect(text).toContain(`Recent events (${day(59)} to ${day(0)})`);
    expect(text).toContain("2 events were recorded, 1 of them an attack on civilians. At least 4 people were reported killed; 1 event gave no figure.");
    expect(text).toContain(`Responses from ${day(59)} to ${day(0)}`);
    expect(text).toContain("Statement inside the period");
    expect(text).not.toContain("Statement before the period");
    expect(text).toContain("Five key factors");
    expect(text).toMatch(/1\. Risk factor \d+, [^:]+: 100/);
    expect(text).toContain("The busiest week began on");
    expect(text).not.toMatch(/\b1 events\b/);
  });

  it("covers the last 4 months by default, every listed situation", async () => {
    await actAs(analyst);
    const text = await pdfText(await get(""));
    expect(text).toContain("6 situations, by risk category");
    expect(text).toContain("Private situation");
    expect(text).toContain("Statement before the period"); // 90 days ago: within 4 months
    expect(text).toMatch(/RESTRICTED · includes 1 situation not shared with the coalition/);
  });

  it("comes as a Word file in the same order, with the same sections", async () => {
    await actAs(analyst);
    const res = await get(`?situations=${chosen()}&from=${day(59)}&to=${day(0)}&format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="coalition-bulletin-${day(59)}-to-${day(0)}.docx"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.BULLETIN_DOCX_OUT) writeFileSync(process.env.BULLETIN_DOCX_OUT, bytes); // to look at it: BULLETIN_DOCX_OUT=/tmp/bulletin.docx
    const files = unzipSync(bytes);
    const document = strFromU8(files["word/document.xml"]);
    const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ");
    const order = ["Zulu higher score", "Alpha lower score", "Beta not enough assessed", "Gamma imminent", "Delta monitoring"].map((t) => text.indexOf(t));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain(RISK_CATEGORY_DEFINITIONS.CURRENT_CRISIS.replace("'", "&apos;"));
    expect(text).toContain("2 events were recorded, 1 of them an attack on civilians.");
    expect(text).toContain("Statement inside the period");
    expect(text).not.toContain("Statement before the period");
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(5);
  });

  it("never shows another organisation's private situation, even when asked for by its id", async () => {
    await actAs(outsider);
    const alone = await get(`?situations=${ids["Private situation"]}`);
    expect(alone.status).toBe(404);
    expect((await alone.json()).message).toBe("None of the chosen situations exists, or you cannot see them.");
    const text = await pdfText(await get(`?situations=${ids["Private situation"]},${ids["Gamma imminent"]}`));
    expect(text).toContain("Gamma imminent");
    expect(text).toContain("1 situation, by risk category");
    expect(text).not.toContain("Private situation");
  });

  it("refuses dates that do not exist, a period that ends before it starts and one longer than 3 years, saying why", async () => {
    await actAs(analyst);
    const bad = await get("?from=2026-02-30");
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toBe("Give dates as YYYY-MM-DD.");
    const reversed = await get(`?from=${day(0)}&to=${day(10)}`);
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).message).toBe("The period must start on or before the day it ends.");
    const long = await get("?from=2000-01-01");
    expect(long.status).toBe(400);
    expect((await long.json()).message).toBe("Choose a period of at most 3 years.");
  });

  it("is chosen on the Exports page: the member's listed situations, a period of 4 months up to today, PDF or Word, each field labelled", async () => {
    await actAs(analyst);
    const html = renderToStaticMarkup(await ExportsPage());
    expect(html).toContain('action="/api/briefs/overview"');
    expect(html).toContain('method="get"');
    for (const title of ["Zulu higher score", "Delta monitoring", "Private situation"]) expect(html).toContain(`value="${ids[title]}"/> ${title}`);
    expect(html).toContain("With none ticked, the bulletin covers every situation in your lists (6).");
    expect(html).toContain(`<label for="bulletin-from">From</label><input id="bulletin-from" type="date" required="" name="from" value="${bulletinPeriod({}, day(0)).from}"/>`);
    expect(html).toContain(`<label for="bulletin-to">to</label><input id="bulletin-to" type="date" required="" name="to" value="${day(0)}"/>`);
    expect(html).toContain('value="docx"/> Word (DOCX)');
    await actAs(outsider);
    const theirs = renderToStaticMarkup(await ExportsPage());
    expect(theirs).toContain("Zulu higher score");
    expect(theirs).not.toContain("Private situation");
  });

  it("carry the organisation's logo when it has one: the bulletin (PDF and Word) and the PDF brief", async () => {
    const admin = await createMember((await db.membership.findFirstOrThrow({ where: { userId: analyst.id } })).organisationId, "ADMIN");
    await actAs(admin);
    // A 1 x 1 pixel PNG, uploaded as the Admin page does.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    const headers = { "x-file-name": "logo.png", "content-length": String(png.length), "x-content-sha256": createHash("sha256").update(png).digest("hex") };
    expect((await putLogo(new NextRequest("http://localhost/api/admin/logo", { method: "PUT", body: new Uint8Array(png), headers }))).status).toBe(200);
    await actAs(analyst);
    const image = /\/Subtype\s*\/Image/;
    const pdf = Buffer.from(await (await get(`?situations=${ids["Gamma imminent"]}`)).arrayBuffer()).toString("latin1");
    expect(pdf).toMatch(image);
    const z = ids["Zulu higher score"];
    expect(Buffer.from(await (await brief(new NextRequest(`http://localhost/api/briefs/${z}`), { params: Promise.resolve({ id: z }) })).arrayBuffer()).toString("latin1")).toMatch(image);
    const files = unzipSync(new Uint8Array(await (await get(`?situations=${ids["Gamma imminent"]}&format=docx`)).arrayBuffer()));
    const media = Object.keys(files).filter((f) => f.startsWith("word/media/"));
    expect(media.map((f) => Buffer.from(files[f]))).toEqual([png]);
    const xml = strFromU8(files["word/document.xml"]);
    expect(xml.indexOf("<w:drawing>")).toBeGreaterThan(-1);
    expect(xml.indexOf("<w:drawing>")).toBeLessThan(xml.indexOf("Coalition bulletin"));
    // Without a logo, no image: the first bulletins of this file.
    await db.organisation.updateMany({ where: { memberships: { some: { userId: analyst.id } } }, data: { logoKey: null, logoType: null, logoSha256: null } });
    expect(Buffer.from(await (await get(`?situations=${ids["Gamma imminent"]}`)).arrayBuffer()).toString("latin1")).not.toMatch(image);
  });
});
