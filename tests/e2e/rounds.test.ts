import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSession } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
const { setup, teardown, pageAs } = browserSession(baseUrl, signIn);
beforeAll(setup);
afterAll(teardown);


async function openIndicatorsTab(page: Page, title: string) {
  await page.goto(`${baseUrl}/situations?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("navigation", { name: "Situation sections" }).getByRole("link", { name: "Indicators" }).click();
  await page.getByRole("heading", { name: "Assessment rounds" }).waitFor();
  await hydrated(page);
}

const overall = (page: Page) => page.getByTestId("overall-score").textContent();

describe("assessment rounds, as an analyst rates indicators", () => {
  it("rates by keyboard, sees the score and its drivers change, publishes, then sees what changed in the next round", async () => {
    const page = await pageAs("analyst@demo.example");
    await openIndicatorsTab(page, "Demo: Burkina Faso");
    expect(await page.getByText("No round yet").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Start round" }).click();
    await page.getByRole("heading", { name: /^Assessment round of / }).waitFor();
    await hydrated(page);
    expect(await page.getByTestId("rated-count").textContent()).toBe("Rated 0 of 131");
    // Nothing assessed: no score, never a bare 0 (issue #27).
    expect(await overall(page)).toBe("Not enough assessed (coverage 0%)");

    // 3 = Severe, 2 = Significant: each key rates the focused indicator and moves on.
    await page.getByRole("radiogroup", { name: "Rating of 1.1", exact: true }).getByRole("radio").first().focus();
    await page.keyboard.press("3");
    await page.keyboard.press("3");
    await page.keyboard.press("2");
    expect(await page.getByTestId("rated-count").textContent()).toBe("Rated 3 of 131");
    expect(await page.getByRole("radiogroup", { name: "Rating of 1.2", exact: true }).getByLabel("Severe", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole("radiogroup", { name: "Rating of 1.3", exact: true }).getByLabel("Significant", { exact: true }).isChecked()).toBe(true);
    // 3 of 131 assessed: the round cannot read as low risk.
    expect(await overall(page)).toBe("Not enough assessed (coverage 2%)");
    const scores = page.getByRole("region", { name: "Risk scores" });
    expect(await scores.getByText("An armed conflict is under way", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText("You have unsaved changes.").isVisible()).toBe(true);
    await screenshot(page, "round-rating");

    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/^Draft saved at \d\d:\d\d:\d\d UTC\.$/).waitFor();
    // Asked first, with how many indicators are not rated (dialogs are accepted by the session).
    const asked = page.waitForEvent("dialog");
    await page.getByRole("button", { name: "Publish round" }).click();
    expect((await asked).message()).toBe("Publish this round? 128 of 131 indicators are not assessed: the scores rest on the 3 assessed, and each score shows its coverage. Once published it cannot change; corrections make a new round.");
    await page.getByText("Published", { exact: true }).waitFor();
    expect(await page.getByText("This is the first published round").isVisible()).toBe(true);
    // The form is gone: focus is on the published round's heading, not back at the top of the page.
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Assessment round of /);
    expect(await overall(page)).toBe("Not enough assessed (coverage 2%)");

    // The next round starts from these ratings; rating 7.1 severe adds it to what is assessed.
    await page.getByRole("link", { name: /indicators$/ }).click();
    await page.getByRole("button", { name: "Start round" }).waitFor();
    await hydrated(page);
    await page.getByRole("button", { name: "Start round" }).click();
    await page.getByTestId("rated-count").waitFor();
    await hydrated(page);
    expect(await page.getByTestId("rated-count").textContent()).toBe("Rated 3 of 131");
    // "Jump to a risk factor" puts the focus on the factor's first indicator, so a key rates it at once.
    await page.getByRole("navigation", { name: "Jump to a risk factor" }).getByRole("link", { name: /^7/ }).click();
    await page.waitForFunction(() => document.activeElement?.closest("[role=radiogroup]")?.getAttribute("aria-label") === "Rating of 7.1");
    await page.keyboard.press("3");
    expect(await overall(page)).toBe("Not enough assessed (coverage 3%)");
    expect(await page.getByRole("region", { name: "Risk scores" }).getByText("7.1 (Severe)", { exact: false }).first().isVisible()).toBe(true);
    await page.getByRole("button", { name: "Publish round" }).click();
    await page.getByRole("heading", { name: /^What changed since the round of / }).waitFor();
    const changed = page.getByRole("region", { name: "What changed" });
    expect(await changed.getByRole("heading", { name: "New severe indicators" }).isVisible()).toBe(true);
    // 7.1 was not rated before: that is not None.
    expect(await changed.getByText("Not rated → Severe").first().isVisible()).toBe(true);
    await screenshot(page, "round-published");

    // The ratings can be narrowed to the indicators that matter, without a reload.
    const rows = page.locator("table.ratings-table tbody tr");
    expect(await rows.count()).toBe(131);
    const high = await rows.filter({ has: page.locator(".level-SEVERE, .level-SIGNIFICANT") }).count();
    expect(high).toBeGreaterThan(0);
    await page.getByRole("radio", { name: `Rated Significant or Severe (${high})` }).check();
    await page.waitForFunction((n) => document.querySelectorAll("table.ratings-table tbody tr").length === n, high);
    expect(await rows.filter({ has: page.locator(".level-SEVERE, .level-SIGNIFICANT") }).count()).toBe(high);
    expect(await page.getByText(/^None of its \d+ indicators is rated Significant or Severe\.$/).count()).toBeGreaterThan(0);
    await screenshot(page, "round-published-narrowed");
    await page.getByRole("radio", { name: /^Every indicator/ }).check();
    await page.waitForFunction(() => document.querySelectorAll("table.ratings-table tbody tr").length === 131);
    // A risk factor in the score table leads to its ratings.
    await page.getByRole("table", { name: "Score by risk factor" }).getByRole("link", { name: /^7\. / }).click();
    await page.waitForURL(/#rf-7$/);

    // Trends: the tab shows both rounds in the chart's table and the heatmap.
    await page.getByRole("link", { name: /indicators$/ }).click();
    await page.getByRole("heading", { name: "Risk factors over time" }).waitFor();
    expect(await page.getByRole("table", { name: /Risk factor scores by round/ }).getByRole("columnheader").count()).toBe(3);
    await screenshot(page, "round-trends");
  });

  it("merges two people's saves of one draft per indicator and per field: nothing the second one did not touch is lost (issue #25)", async () => {
    // The demo's DR Congo round starts from 1.1 and 1.2 Severe, 2.1 Significant; the summary starts empty.
    const title = "Demo: Democratic Republic of the Congo, eastern provinces";
    const a = await pageAs("analyst@demo.example");
    await openIndicatorsTab(a, title);
    await a.getByRole("button", { name: "Start round" }).click();
    await a.getByRole("heading", { name: /^Assessment round of / }).waitFor();
    await hydrated(a);
    const b = await pageAs("admin@demo.example");
    await b.goto(a.url());
    await b.getByRole("heading", { name: /^Assessment round of / }).waitFor();
    await hydrated(b);

    const group = (p: Page, code: string) => p.getByRole("radiogroup", { name: `Rating of ${code}`, exact: true });
    const level = (p: Page, code: string, label: string) => group(p, code).getByLabel(label, { exact: true }).isChecked();
    /** Rates by keyboard as analysts do: 0 None, 1 Present, 2 Significant, 3 Severe. */
    const rate = async (p: Page, code: string, key: string) => {
      await group(p, code).getByRole("radio").first().focus();
      await p.keyboard.press(key);
    };
    const summary = "Attacks on displacement camps rose in the last month (typed by the analyst).";
    const saved = (p: Page) => p.getByText(/^Draft saved at \d\d:\d\d:\d\d UTC\.$/).waitFor();

    // A rates 1.1 and writes the summary, and saves.
    await rate(a, "1.1", "1");
    await a.getByLabel("Summary of this round (optional)").fill(summary);
    await a.getByRole("button", { name: "Save draft" }).click();
    await saved(a);

    // B, whose form was opened before, rates 1.2 and 2.1: refused, and A's changes come into B's form beside B's.
    await rate(b, "1.2", "1");
    await rate(b, "2.1", "3");
    await b.getByRole("button", { name: "Save draft" }).click();
    await b.getByText("Arturo Analyst saved changes to other fields meanwhile: they are now in the form, beside yours. Press Save to save both.").waitFor();
    const region = b.getByRole("region", { name: "Changes saved by someone else" });
    expect(await region.textContent()).toContain("Their changes to fields you had not changed are now in the form: Summary of this round, Indicator 1.1 (Armed conflict or instability).");
    expect(await region.getByRole("table").count()).toBe(0); // nothing to decide
    expect(await b.getByRole("button", { name: "Save mine over theirs" }).count()).toBe(0);
    expect(await b.getByLabel("Summary of this round (optional)").inputValue()).toBe(summary);
    expect(await level(b, "1.1", "Present")).toBe(true);
    expect(await level(b, "1.2", "Present")).toBe(true);
    expect(await level(b, "2.1", "Severe")).toBe(true);
    await screenshot(b, "round-conflict-merged");
    await b.getByRole("button", { name: "Save draft" }).click();
    await saved(b);
    await b.reload();
    await b.getByLabel("Summary of this round (optional)").waitFor();
    await hydrated(b);
    expect(await b.getByLabel("Summary of this round (optional)").inputValue()).toBe(summary);
    expect(await level(b, "1.1", "Present")).toBe(true);
    expect(await level(b, "1.2", "Present")).toBe(true);
    expect(await level(b, "2.1", "Severe")).toBe(true);

    // A's form is now the old one: A rates 2.1, which B also changed. Only 2.1 is compared; B's 1.2 comes into A's form.
    await rate(a, "2.1", "0");
    await a.getByRole("button", { name: "Save draft" }).click();
    await a.getByText("Someone saved this draft round after you opened it.", { exact: false }).waitFor();
    const compared = a.getByRole("region", { name: "Changes saved by someone else" });
    expect(await compared.getByRole("heading").textContent()).toMatch(/^Saved by Amina Admin at /);
    expect(await compared.getByRole("rowheader").allInnerTexts()).toEqual(["Indicator 2.1 (Record of serious violations)"]);
    const row = await compared.getByRole("row").filter({ hasText: "Indicator 2.1 (Record of serious violations)" }).textContent();
    expect(row).toMatch(/Severe.*None/);
    expect(await compared.textContent()).toContain("Their changes to fields you had not changed are now in the form: Indicator 1.2 (Armed conflict or instability).");
    expect(await level(a, "1.2", "Present")).toBe(true);
    expect(await level(a, "2.1", "None")).toBe(true);
    await screenshot(a, "round-conflict-compared");
    await a.getByRole("button", { name: "Keep my version of these fields" }).click();
    await a.getByText("Your version of the fields above will replace theirs when you press Save; their other changes stay.").waitFor();
    await a.getByRole("button", { name: "Save draft" }).click();
    await saved(a);
    await a.reload();
    await a.getByLabel("Summary of this round (optional)").waitFor();
    await hydrated(a);
    expect(await a.getByLabel("Summary of this round (optional)").inputValue()).toBe(summary);
    expect(await level(a, "1.1", "Present")).toBe(true);
    expect(await level(a, "1.2", "Present")).toBe(true);
    expect(await level(a, "2.1", "None")).toBe(true);

    // The draft is discarded, so the demo's situation is as it was.
    await a.getByRole("button", { name: "Discard draft" }).click();
    await a.getByRole("button", { name: "Start round" }).waitFor();
    await a.context().close();
    await b.context().close();
  });

  it("lets an administrator add and retire an indicator of the organisation", async () => {
    const page = await pageAs("admin@demo.example");
    await page.goto(`${baseUrl}/indicators`);
    await hydrated(page);
    await page.getByText("Add an indicator of your organisation").click();
    await page.getByRole("button", { name: "Add indicator" }).click();
    await page.getByText("Choose a risk factor.").waitFor();
    await page.getByLabel("Risk factor", { exact: true }).selectOption("8");
    await page.getByLabel("What to watch for").fill("Sudden closure of displacement camps near front lines.");
    await page.getByRole("button", { name: "Add indicator" }).click();
    await page.getByText(/^Indicator 8\.\d+ \(Triggers\) added\.$/).waitFor();
    const item = page.getByRole("list", { name: "Indicators of risk factor 8" }).getByRole("listitem").filter({ hasText: "Sudden closure of displacement camps" });
    await item.waitFor();
    expect(await item.getByText("our indicator").isVisible()).toBe(true);
    await item.getByRole("button", { name: /^Retire 8\./ }).click();
    await item.getByText("retired").waitFor();
  });
});
