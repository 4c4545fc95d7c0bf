// The five key factors (issue #27): the situation page and the country brief name the risk factors
// that weigh most in the latest published round, with the indicators behind them.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { NextRequest } from "next/server";
import { PDFParse } from "pdf-parse";
import { db } from "@/lib/db";
import { publishRoundAction, saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
import { GET as brief } from "@/app/api/briefs/[id]/route";
import { KeyFactors } from "@/app/(app)/situations/[id]/key-factors-section";
import { latestPublishedRounds, roundScoreSummaries } from "@/lib/indicators/rounds";
import { briefData } from "@/lib/briefs/data";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

const plain = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");

describe("the five key factors", () => {
  it("come from the latest published round, on the situation page and in the brief", async () => {
    const org = await createOrganisation();
    const analyst = await createMember(org.id, "ANALYST");
    const s = await createSituation(org.id, analyst.id, { title: "Key factors test" });
    await actAs(analyst);
    expect(plain(renderToStaticMarkup(await KeyFactors({ situationId: s.id })))).toContain("No published assessment round yet");

    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
    const ind = async (code: string) => (await db.indicator.findFirstOrThrow({ where: { code, organisationId: null } })).id;
    const rating = async (code: string, level: "PRESENT" | "SEVERE") => ({ indicatorId: await ind(code), level, trend: "" as const, confidence: "" as const, evidence: "", sourceIds: [] });
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "", ratings: [await rating("7.1", "SEVERE"), await rating("8.7", "PRESENT")] }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));

    const html = renderToStaticMarkup(await KeyFactors({ situationId: s.id }));
    const text = plain(html);
    expect(text).toContain("Five key factors");
    expect(text).toContain("The risk factors that weigh most in the latest published round (2026-01-01)");
    expect(text).toMatch(/Risk factor 7, Enabling circumstances or preparation: [^ ]+.* 7\.1 Severe: Emergency laws or exceptional security measures that wear away fundamental rights\./);
    expect(text).toContain("8.7 Present: Incitement or hate propaganda aimed at particular groups or individuals.");
    expect(html).toContain(`href="/situations/${s.id}/rounds/${r.id}#rf-7"`);

    const res = await brief(new NextRequest(`http://localhost/api/briefs/${s.id}`), { params: Promise.resolve({ id: s.id }) });
    expect(res.status).toBe(200);
    const pdf = (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text.replace(/\s+/g, " ");
    expect(pdf).toContain("Five key factors");
    expect(pdf).toContain("1. Risk factor 7, Enabling circumstances or preparation");
    expect(pdf).toContain("7.1 Severe: Emergency laws or exceptional security measures that wear away fundamental rights.");
  });

  it("are read with their round in one query: the latest published rounds in full, and the texts of the indicators present among the factors' drivers", async () => {
    const org = await createOrganisation();
    const analyst = await createMember(org.id, "ANALYST");
    const s = await createSituation(org.id, analyst.id, { title: "Latest rounds test" });
    await actAs(analyst);
    expect(await latestPublishedRounds(s.id, 2, { driverTexts: true })).toEqual([]);
    const indicator = async (code: string) => db.indicator.findFirstOrThrow({ where: { code, organisationId: null } });
    const rating = async (code: string, level: "NONE" | "PRESENT" | "SEVERE") => ({ indicatorId: (await indicator(code)).id, level, trend: "" as const, confidence: "" as const, evidence: "", sourceIds: [] });
    const publish = async (assessedOn: string, ratings: Awaited<ReturnType<typeof rating>>[]) => {
      const r = await ok(startRoundAction({ situationId: s.id, assessedOn }));
      await ok(saveRoundAction({ id: r.id, version: 1, assessedOn, summary: "", ratings }));
      await ok(publishRoundAction({ id: r.id, version: 2 }));
      return r.id;
    };
    const first = await publish("2026-01-01", [await rating("7.1", "SEVERE"), await rating("8.7", "PRESENT")]);
    // A new round starts from the previous one's ratings: 7.1 and 8.7 are rated None in it.
    const second = await publish("2026-02-01", [await rating("1.1", "SEVERE"), await rating("7.1", "NONE"), await rating("8.7", "NONE")]);
    // A draft is never among them.
    await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-03-01" }));

    const stored = async (id: string) => (await db.assessment.findUniqueOrThrow({ where: { id } })).scores;
    const [latest, previous, ...more] = await latestPublishedRounds(s.id, 3);
    expect(more).toEqual([]);
    expect(latest).toEqual({ id: second, assessedOn: new Date("2026-02-01"), scores: await stored(second), driverTexts: {} });
    expect(previous).toEqual({ id: first, assessedOn: new Date("2026-01-01"), scores: await stored(first), driverTexts: {} });
    // The same rounds, in the same order, as the summaries read for trends.
    expect((await roundScoreSummaries(s.id)).map((r) => r.id).reverse()).toEqual([second, first]);

    // With the texts: those of the indicators rated present in the latest round (not 7.1 nor 8.7, rated None there).
    const [withTexts] = await latestPublishedRounds(s.id, 1, { driverTexts: true });
    const i11 = await indicator("1.1");
    expect(withTexts.driverTexts).toEqual({ [i11.id]: i11.text });
    expect(plain(renderToStaticMarkup(await KeyFactors({ situationId: s.id })))).toContain(`1.1 Severe: ${i11.text}`);

    // The brief reads the same two rounds.
    const brief = (await briefData({ organisationId: org.id, organisationName: org.name, role: "ANALYST" }, s.id))!;
    expect(brief.latest).toMatchObject({ id: second, scores: await stored(second) });
    expect(brief.previous).toMatchObject({ id: first, scores: await stored(first) });
    expect(brief.change).not.toBeNull();
  });
});
