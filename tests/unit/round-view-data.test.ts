import { describe, expect, it } from "vitest";
import { receivedIndicator, receivedRating, sentIndicator } from "@/components/indicators/round-view-data";
import { FRAMEWORK_FACTORS } from "@/prisma/seed-data/framework";

const framework = FRAMEWORK_FACTORS[0].indicators[0];
const indicator = (over: Partial<Parameters<typeof sentIndicator>[0]>) => ({ id: "i1", code: framework.code, text: framework.text, riskFactorNumber: 1, organisationId: null, retiredAt: null, ...over });

describe("the read-only round page's data", () => {
  it("leaves out a Framework indicator's text only when it is the text the app ships, and gets it back", () => {
    const sent = sentIndicator(indicator({}), undefined);
    expect(sent).toEqual({ id: "i1", code: framework.code, factor: 1 });
    expect(receivedIndicator(sent)).toEqual({ id: "i1", code: framework.code, factor: 1, text: framework.text, retired: false });
    // A text changed in the database since, and an organisation's own indicator, travel with their text.
    expect(sentIndicator(indicator({ text: "Reworded." }), undefined).text).toBe("Reworded.");
    expect(receivedIndicator(sentIndicator(indicator({ organisationId: "org", code: "1.99", text: "Own." }), undefined)).text).toBe("Own.");
    expect(receivedIndicator(sentIndicator(indicator({ retiredAt: new Date() }), undefined)).retired).toBe(true);
  });

  it("sends a rating without its empty fields and restores them", () => {
    const empty = { level: "PRESENT" as const, trend: null, confidence: null, evidence: "", citations: [] };
    const sent = sentIndicator(indicator({}), empty);
    expect(sent.rating).toEqual({ level: "PRESENT" });
    expect(receivedRating(sent.rating!)).toEqual(empty);
    const full = { level: "SEVERE" as const, trend: "RISING" as const, confidence: "HIGH" as const, evidence: "Seen.", citations: [{ source: { id: "s", title: "Report", reliability: "B", credibility: 2 } }] };
    expect(receivedRating(sentIndicator(indicator({}), full).rating!)).toEqual(full);
  });
});
