// Names, not codes (issue #27): the pages where an analyst reads an indicator's code or a risk
// factor's number show its name with it, rendered as the signed-in user sees them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { db } from "@/lib/db";
import AlertsPage from "@/app/(app)/alerts/page";
import AuditPage from "@/app/(app)/admin/audit/page";
import SourcePage from "@/app/(app)/sources/[id]/page";
import HowScoresWorkPage from "@/app/(app)/help/scores/page";
import { IndicatorsTab } from "@/app/(app)/situations/[id]/indicators-tab";
import { publishRoundAction, saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { emptySourceInput } from "@/lib/sources/schemas";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

// Client components in the pages (forms, buttons) ask for the router; rendered here outside Next.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }), usePathname: () => "/", useSearchParams: () => new URLSearchParams() }));

const textOf = (el: ReactElement) =>
  renderToStaticMarkup(el)
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

let org: { id: string };
let admin: { id: string };
let situation: { id: string };
let text71: string;
let sourceId: string;

beforeAll(async () => {
  org = await createOrganisation();
  admin = await createMember(org.id, "ADMIN");
  await actAs(admin);
  situation = await createSituation(org.id, admin.id, { title: "Names watch" });
  const i71 = await db.indicator.findFirstOrThrow({ where: { organisationId: null, code: "7.1" }, select: { id: true, text: true } });
  text71 = i71.text;
  sourceId = (await ok(createSourceAction({ ...emptySourceInput(), title: "Field report", reliability: "B", credibility: 2 }))).id;
  const r = await ok(startRoundAction({ situationId: situation.id, assessedOn: "2026-01-01" }));
  await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "", ratings: [{ indicatorId: i71.id, level: "SEVERE", trend: "", confidence: "", evidence: "Militias armed.", sourceIds: [sourceId] }] }));
  await ok(publishRoundAction({ id: r.id, version: 2 }));
});

describe("names, not codes", () => {
  it("the alerts inbox names the watched risk factors, and an alert stored with bare codes is read with its risk factors' names", async () => {
    const alert = await db.alert.create({
      data: { organisationId: org.id, situationId: situation.id, rule: "NEW_SEVERE_INDICATOR", severity: "CRITICAL", title: "Names watch: new severe indicators 7.1, 8.2", dedupeKey: `legacy:${situation.id}` },
    });
    await db.alertReceipt.create({ data: { alertId: alert.id, userId: admin.id } });
    const text = textOf(await AlertsPage({ searchParams: Promise.resolve({}) }));
    expect(text).toContain("a new severe indicator in risk factor 7 (Enabling circumstances or preparation), 8 (Triggers) or 10 (Intent to destroy a group).");
    expect(text).toContain("Names watch: 2 new severe indicators. Enabling circumstances or preparation: 7.1; Triggers: 8.2.");
    expect(text).not.toContain("new severe indicators 7.1, 8.2");
  });

  it("a source's page names the indicator whose rating cites it", async () => {
    const text = textOf(await SourcePage({ params: Promise.resolve({ id: sourceId }) }));
    expect(text).toContain(`Indicator 7.1 (${text71}), round of 2026-01-01`);
  });

  it("the audit log names the indicators a round's save changed", async () => {
    const text = textOf(await AuditPage({ searchParams: Promise.resolve({ action: "assessment.save" }) }));
    expect(text).toContain('"7.1 (Enabling circumstances or preparation)":{"level":"SEVERE"');
    expect(text).not.toContain('"7.1":');
  });

  it("the situation's scores by round name the imminence line's risk factors", async () => {
    const text = textOf(await IndicatorsTab({ situationId: situation.id, organisationId: org.id, canEdit: true }));
    expect(text).toContain("Imminence (7. Enabling circumstances or preparation; 8. Triggers)");
    expect(text).not.toContain("risk factors 7 and 8");
  });

  it("'How scores work' names the risk factors it lists", async () => {
    const text = textOf(await HowScoresWorkPage());
    expect(text).toContain("ethnic cleansing's (9. Intergroup tensions; 11. Widespread or systematic attack) are this tool's convention");
    expect(text).toContain(
      "the other common factors (1. Armed conflict or instability; 2. Record of serious violations; 3. Weak State structures; 4. Motives or incentives; 5. Capacity to commit; 6. No mitigating factors) describe conditions that last",
    );
    expect(text).toContain("12 indicators rated Severe (all of risk factor 9, intergroup tensions; five of 11, widespread or systematic attack; and 8.1, a trigger)");
    expect(text).not.toMatch(/\(1, 2, 3, 4, 5, 6\)|Genocide \(9 and 10\)/);
  });
});
