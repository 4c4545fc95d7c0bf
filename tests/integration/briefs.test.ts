import { writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { PDFParse } from "pdf-parse";
import { db } from "@/lib/db";
import { GET as brief } from "@/app/api/briefs/[id]/route";
import { GET as overview } from "@/app/api/briefs/overview/route";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { createResponseAction } from "@/app/(app)/responses/actions";
import { publishRoundAction, saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { emptySourceInput } from "@/lib/sources/schemas";
import { emptyResponseInput } from "@/lib/responses/schemas";
import { isoDate } from "@/lib/format";
import { mondayOf } from "@/lib/briefs/weeks";
import { actAs, createMember, createOrganisation, ok } from "../support/fixtures";

async function pdfText(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
  return (await parser.getText()).text;
}

/** The PDF's text with every run of white space (line ends in wrapped cells too) read as one space. */
const flat = (text: string) => text.replace(/\s+/g, " ");
const day = (n: number) => isoDate(new Date(Date.now() - n * 86400_000));

let analyst: { id: string };
let outsider: { id: string };
let shared: string;
let secret: string;
let orgName: string;

beforeAll(async () => {
  const org = await createOrganisation();
  orgName = org.name;
  await db.organisation.update({ where: { id: org.id }, data: { sensitivityMarking: "CONFIDENTIAL" } });
  analyst = await createMember(org.id, "ANALYST");
  outsider = await createMember((await createOrganisation()).id, "VIEWER");
  await actAs(analyst);
  const input = { ...emptySituationInput(), countryIso3: "MMR", title: "Rakhine brief test", riskCategory: "CURRENT_CRISIS" as const, visibility: "COALITION" as const, recommendedAction: "Lift the blockade on humanitarian aid.", summary: "Villages burned." };
  input.crimes = input.crimes.map((c) => (c.crime === "GENOCIDE" ? { ...c, status: "ALLEGED" as const, rationale: "Intent shown in official statements." } : c));
  const s = await createSituationAction(input);
  if (!s.ok) throw new Error(s.message);
  shared = s.data.id;
  const p = await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Private brief test", visibility: "ORGANISATION" });
  if (!p.ok) throw new Error(p.message);
  secret = p.data.id;
});

describe("PDF briefs", () => {
  it("hold the situation's data, the marking and the author, and are audited", async () => {
    await actAs(analyst);
    const text = await pdfText(await brief(new NextRequest(`http://localhost/api/briefs/${shared}`), { params: Promise.resolve({ id: shared }) }));
    for (const expected of ["Rakhine brief test", "Current crisis", "Myanmar", "Genocide", "Ongoing (alleged)", "Intent shown in official statements.", "Lift the blockade on humanitarian aid.", "CONFIDENTIAL · shared with coalition members", "prepared by ANALYST user", "Recommended action", "International response"]) {
      expect(text).toContain(expected);
    }
    expect(await db.auditEntry.count({ where: { userId: analyst.id, action: "export.brief", entityId: shared } })).toBe(1);
    // No background recorded: the summary is printed once, under recent developments, not as the background too.
    expect(text.split("Villages burned.").length - 1).toBe(1);
  });

  it("say when a situation is not shared with the coalition, whatever the organisation's marking", async () => {
    await actAs(analyst);
    const text = await pdfText(await brief(new NextRequest(`http://localhost/api/briefs/${secret}`), { params: Promise.resolve({ id: secret }) }));
    expect(text).toContain(`CONFIDENTIAL · ${orgName} only: not shared with the coalition`);
    expect(text).not.toContain("shared with coalition members");
    const all = await pdfText(await overview(new NextRequest("http://localhost/api/briefs/overview")));
    expect(all).toMatch(/CONFIDENTIAL · includes \d+ situations? not shared with the coalition/);
  });

  it("print names in other scripts as written, and number the pages", async () => {
    await actAs(analyst);
    const title = "Донецька область: Ελληνικά, Tiếng Việt";
    const summary = "Shelling of قرية الطيبة reported by the committee.";
    const s = await createSituationAction({ ...emptySituationInput(), countryIso3: "UKR", title, summary });
    if (!s.ok) throw new Error(s.message);
    const text = await pdfText(await brief(new NextRequest(`http://localhost/api/briefs/${s.data.id}`), { params: Promise.resolve({ id: s.data.id }) }));
    expect(text).toContain(title);
    expect(text).toContain("Shelling of");
    // Arabic letters are drawn in their joined forms; the text read back from the PDF has control characters between some of them.
    const letters = text.replace(/[\u0000-\u0008\u000e-\u001f]/g, "");
    expect(letters).toContain("قرية");
    expect(letters).toContain("الطيبة");
    expect(text).toMatch(/page 1 of [1-9]/);
  });

  it("print the scripts of the places our situations are in: Ge'ez, Armenian, Georgian, Hebrew, Indic scripts, Thai", async () => {
    await actAs(analyst);
    const names = {
      Amharic: "ትግራይ",
      Armenian: "Արցախ",
      Georgian: "ცხინვალი",
      Hebrew: "עזה",
      Hindi: "मणिपुर",
      Bengali: "কিশোরগঞ্জ",
      Tamil: "முல்லைத்தீவு",
      Sinhala: "කොළඹ",
      Thai: "ปัตตานี",
    };
    // Scripts without a font here (Burmese, Khmer, Chinese) are marked as left out, not drawn as other letters.
    const summary = Object.entries({ ...names, Burmese: "ရခိုင်ပြည်နယ်", Khmer: "ភ្នំពេញ", Chinese: "新疆" }).map(([language, name]) => `${language}: ${name}.`).join(" ");
    const s = await createSituationAction({ ...emptySituationInput(), countryIso3: "ETH", title: "Places in their own scripts", summary });
    if (!s.ok) throw new Error(s.message);
    const res = await brief(new NextRequest(`http://localhost/api/briefs/${s.data.id}`), { params: Promise.resolve({ id: s.data.id }) });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    if (process.env.BRIEF_PDF_OUT) writeFileSync(process.env.BRIEF_PDF_OUT, bytes); // to look at it: BRIEF_PDF_OUT=/tmp/brief.pdf
    // Each script's font is embedded (a letter no font has would be drawn as an empty box, in none of them).
    const fonts = new TextDecoder("latin1").decode(bytes).match(/\/BaseFont\s*\/[A-Z]{6}\+([A-Za-z-]+)/g) ?? [];
    // (Devanagari is in Noto Sans itself.)
    for (const family of ["Ethiopic", "Armenian", "Georgian", "Hebrew", "Bengali", "Tamil", "Sinhala", "Thai"]) expect(fonts.join(" "), family).toContain(`NotoSans${family}`);
    // Scripts whose letters are not reordered or joined read back as written.
    const text = await pdfText(res);
    for (const name of [names.Amharic, names.Armenian, names.Georgian, names.Thai]) expect(text).toContain(name);
    expect(text).toContain("Burmese: […]. Khmer: […]. Chinese: […].");
  });

  it("respect visibility: another organisation gets shared situations only, in briefs and the overview", async () => {
    await actAs(outsider);
    expect((await brief(new NextRequest(`http://localhost/api/briefs/${secret}`), { params: Promise.resolve({ id: secret }) })).status).toBe(404);
    const text = await pdfText(await overview(new NextRequest("http://localhost/api/briefs/overview")));
    expect(text).toContain("Rakhine brief test");
    expect(text).not.toContain("Private brief test");
  });
});

describe("PDF briefs: cited claims, every risk factor, recent events (issue #29)", () => {
  let cited: string;
  beforeAll(async () => {
    await actAs(analyst);
    const src = async (title: string, extra: object = {}) => (await ok(createSourceAction({ ...emptySourceInput(), title, publisher: "Monitor", reliability: "B", credibility: 2, ...extra }))).id;
    const a = await src("Field report on Kachin", { unSymbol: "S/2024/100", publishedOn: "2024-03-01", accessedOn: "2024-03-05" });
    const b = await src("Satellite imagery review", { url: "https://example.org/imagery" });
    const c = await src("Security Council statement");
    const input = { ...emptySituationInput(), countryIso3: "MMR", title: "Kachin PDF test", riskCategory: "IMMINENT_RISK" as const, visibility: "COALITION" as const };
    input.crimes = input.crimes.map((cr) => (cr.crime === "WAR_CRIMES" ? { ...cr, status: "ALLEGED" as const, rationale: "Attacks on schools.", sourceIds: [a] } : cr));
    cited = (await ok(createSituationAction(input))).id;
    const ind = Object.fromEntries((await db.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true } })).map((r) => [r.code, r.id]));
    const r = await ok(startRoundAction({ situationId: cited, assessedOn: day(30) }));
    const rating = (code: string, level: "PRESENT" | "SEVERE", sourceIds: string[]) => ({ indicatorId: ind[code], level, trend: "" as const, confidence: "" as const, evidence: `Evidence for ${code}.`, sourceIds });
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: day(30), summary: "", ratings: [rating("1.1", "SEVERE", [b, a]), rating("13.1", "PRESENT", [])] }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));
    await ok(createResponseAction({ situationId: cited, data: { ...emptyResponseInput(), pillar: "III", type: "STATEMENT", actorType: "UN_SECURITY_COUNCIL", actorName: "Security Council", title: "Press statement", startDate: day(20), status: "ADOPTED", sourceIds: [c] } }));
    const org = (await db.situation.findUniqueOrThrow({ where: { id: cited }, select: { organisationId: true } })).organisationId;
    const event = (daysAgo: number, fatalities: number | null, civilian: boolean, admin1: string) =>
      db.event.create({ data: { organisationId: org, situationId: cited, eventDate: new Date(`${day(daysAgo)}T00:00:00Z`), eventType: civilian ? "Violence against civilians" : "Battles", fatalities, admin1, createdById: analyst.id } });
    await event(5, 10, true, "Kachin");
    await event(6, null, true, "Kachin");
    await event(40, 3, false, "Shan");
    await event(200, 99, true, "Kachin"); // outside the 90 days
  });

  const citedPdf = async () => {
    const res = await brief(new NextRequest(`http://localhost/api/briefs/${cited}`), { params: Promise.resolve({ id: cited }) });
    if (process.env.CITED_PDF_OUT) writeFileSync(process.env.CITED_PDF_OUT, new Uint8Array(await res.clone().arrayBuffer())); // to look at it: CITED_PDF_OUT=/tmp/cited.pdf
    return flat(await pdfText(res));
  };

  it("mark every claim that cites sources with the numbers of the numbered source list, as the Word file does", async () => {
    await actAs(analyst);
    const text = await citedPdf();
    // Crime (source a), rating 1.1 (b, a), response (c): a is 1, b is 2, c is 3.
    expect(text).toContain("Attacks on schools. [1]");
    expect(text).toContain("Evidence for 1.1. [1, 2]");
    expect(text).toContain("Evidence for 13.1.");
    expect(text).not.toMatch(/Evidence for 13\.1\. \[/);
    expect(text).toMatch(/Press statement[^[]*\[3\]/);
    expect(text).toContain("1. Field report on Kachin, Monitor. Graded B2 (reliability B, credibility 2). UN document S/2024/100. Published 2024-03-01; accessed 2024-03-05.");
    expect(text).toContain("2. Satellite imagery review, Monitor. Graded B2 (reliability B, credibility 2). https://example.org/imagery");
    expect(text).toContain("3. Security Council statement, Monitor. Graded B2 (reliability B, credibility 2).");
    // Every marker names a listed source: none above 3.
    const markers = [...text.matchAll(/\[(\d+(?:, \d+)*)\]/g)].flatMap((m) => m[1].split(", ").map(Number));
    expect(new Set(markers)).toEqual(new Set([1, 2, 3]));
  });

  it("list every risk factor with its coverage, the ones not assessed too, and words are not hyphenated", async () => {
    await actAs(analyst);
    const text = await citedPdf();
    for (let f = 1; f <= 14; f++) expect(text).toMatch(new RegExp(`Risk factor ${f}, [A-Z]`));
    expect(text).toMatch(/Risk factor 1, Armed conflict or instability Not enough assessed \(coverage 9%\) 1 of 11 indicators assessed \(9%\) 1\.1 Severe/);
    expect(text).toMatch(/Risk factor 12, Plan or policy to attack civilians Not enough assessed \(coverage 0%\) 0 of \d+ indicators assessed \(0%\) None present/);
    // The table's header row is printed again on every page its rows run onto.
    const pages = text.split(/-- \d+ of \d+ --/).filter((page) => /indicators assessed \(\d+%\) (None present|\d+\.\d+ )/.test(page));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page).toContain("Risk factor Score (0-100) Coverage Driven by");
    expect(text).not.toMatch(/[a-z]-\s[a-z]/);
  });

  it("count the recent events of the last 90 days, with unknown figures stated, chart them by dated week, and say what changed since the last brief", async () => {
    await actAs(analyst);
    const first = await citedPdf();
    expect(first).toContain(`Recent events (${day(89)} to ${day(0)})`);
    expect(first).toContain("3 events were recorded, 2 of them attacks on civilians. At least 13 people were reported killed; 1 event gave no figure.");
    expect(first).toContain("Kachin 2 10");
    expect(first).toMatch(/Events per week \(weeks beginning on Monday\)/);
    // The chart's axis: the first and last weeks charted, by date.
    expect(first).toMatch(new RegExp(`Events per week \\(weeks beginning on Monday\\) 0 2 ${mondayOf(day(89))} \\S+ ${mondayOf(day(0))}`));
    const second = await citedPdf();
    expect(second).toMatch(/Since the last brief \(\d{4}-\d{2}-\d{2}, by [^)]+\): 0 events recorded, 0 responses added, 0 rounds published\./);
  });

  it("date the trend chart's axis: the first and last published rounds", async () => {
    await actAs(analyst);
    const id = (await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "SSD", title: "Trend chart test" }))).id;
    const ind = (await db.indicator.findFirstOrThrow({ where: { organisationId: null, code: "1.1" }, select: { id: true } })).id;
    for (const daysAgo of [60, 10]) {
      const r = await ok(startRoundAction({ situationId: id, assessedOn: day(daysAgo) }));
      const v = (await db.assessment.findUniqueOrThrow({ where: { id: r.id }, select: { version: true } })).version;
      await ok(saveRoundAction({ id: r.id, version: v, assessedOn: day(daysAgo), summary: "", ratings: [{ indicatorId: ind, level: "SEVERE", trend: "", confidence: "", evidence: "", sourceIds: [] }] }));
      await ok(publishRoundAction({ id: r.id, version: v + 1 }));
    }
    const text = flat(await pdfText(await brief(new NextRequest(`http://localhost/api/briefs/${id}`), { params: Promise.resolve({ id }) })));
    expect(text).toMatch(new RegExp(`${day(60)} ${day(10)} Overall score \\(out of 100; the axis shows 0 to \\d+\\) by published round`));
  });

  it("print a long web address whole, broken across lines rather than cut off at the page's edge", async () => {
    await actAs(analyst);
    const url = "https://www.ohchr.org/en/documents/reports/ahrc5778-report-independent-international-fact-finding-mission-sudan-findings-investigations-conducted";
    const id = (await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Long address test", summary: `Findings: ${url} (published).` }))).id;
    const text = await pdfText(await brief(new NextRequest(`http://localhost/api/briefs/${id}`), { params: Promise.resolve({ id }) }));
    // Rejoined where it broke: react-pdf adds a hyphen and a line end at a break (a second hyphen after the address's own).
    expect(text).toMatch(/-\n/);
    expect(text.replace(/-?-\n/g, (m) => (m === "--\n" ? "-" : ""))).toContain(`Findings: ${url} (published).`);
  });
});
