import { writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { PDFParse } from "pdf-parse";
import { db } from "@/lib/db";
import { GET as brief } from "@/app/api/briefs/[id]/route";
import { GET as overview } from "@/app/api/briefs/overview/route";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

async function pdfText(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
  return (await parser.getText()).text;
}

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
    const all = await pdfText(await overview());
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
    const text = await pdfText(await overview());
    expect(text).toContain("Rakhine brief test");
    expect(text).not.toContain("Private brief test");
  });
});
