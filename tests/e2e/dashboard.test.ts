import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSession } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
const { setup, teardown, pageAs } = browserSession(baseUrl, signIn);
beforeAll(setup);
afterAll(teardown);


const unread = async (page: Page) => {
  const text = (await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Alerts/ }).textContent()) ?? "";
  return Number(/\((\d+) unread\)/.exec(text)?.[1] ?? 0);
};

/** Sudan on the dashboard's risk map: its one situation, risk category and overall score. */
const SUDAN_ON_MAP = "Sudan: Demo: Sudan, Darfur (Current crisis), overall score 70.9.";

describe("the overview dashboard", () => {
  it("shows the seeded escalation, and clicking it opens the round that raised it", async () => {
    const page = await pageAs("analyst@demo.example");
    const escalations = page.getByRole("region", { name: /Escalations in the last 30 days/ });
    const sudan = escalations.getByRole("link", { name: "Demo: Sudan, Darfur" });
    expect(await sudan.isVisible()).toBe(true);
    expect(await escalations.textContent()).toMatch(/overall score 51.4 → 70.9/);
    // The risk map: Sudan is coloured by its overall score on the heatmap's scale (60 to 100, the darkest
    // blue), its label names the situation and its risk category, and it links to the situation; the heatmap lists its factors.
    const sudanOnMap = page.getByRole("link", { name: SUDAN_ON_MAP });
    expect(await sudanOnMap.count()).toBe(1);
    expect(await sudanOnMap.locator("use").getAttribute("fill")).toBe("#08306b");
    // A situation with no published round is dotted, not a pale colour of the scale.
    expect(await page.getByRole("link", { name: "Haiti: Demo: Haiti (Imminent risk), no published round." }).locator("use").getAttribute("fill")).toBe("url(#map-none)");
    expect(await page.getByRole("list", { name: "Legend" }).textContent()).toBe(
      "0 to under 1010 to under 2525 to under 4040 to under 6060 to 100Not enough assessedNo published roundNo situation",
    );
    // The same in words: a table of the countries, as coloured on the map.
    await page.getByText("The countries on the map, as a table").click();
    const sudanRow = page.getByRole("table", { name: /^Countries with situations, as coloured on the map/ }).getByRole("row").filter({ has: page.getByRole("link", { name: "Sudan", exact: true }) });
    expect(await sudanRow.getByRole("cell").allTextContents()).toEqual(["60 to 100", "Demo: Sudan, Darfur (Current crisis), overall score 70.9"]);
    expect(await page.getByRole("table", { name: /Risk factor scores of each situation/ }).getByRole("link", { name: "Demo: Sudan, Darfur" }).isVisible()).toBe(true);
    await screenshot(page, "dashboard");
    await sudan.click();
    await page.getByRole("heading", { name: /^Assessment round of / }).waitFor();
    expect(await page.getByRole("heading", { name: /^What changed since the round of/ }).isVisible()).toBe(true);

    await page.goto(`${baseUrl}/`);
    await page.getByRole("link", { name: SUDAN_ON_MAP }).click();
    await page.getByRole("heading", { name: "Demo: Sudan, Darfur", level: 1 }).waitFor();

    // By keyboard, the map's country links can be passed at once: the next Tab after the skip link is in the escalations.
    await page.goto(`${baseUrl}/`);
    await hydrated(page);
    await page.locator("h2", { hasText: "Risk map" }).click(); // start the keyboard from the map's heading
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Skip the map's \d+ country links$/);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("[aria-labelledby='escalations-heading']"))).toBe(true);

    // Reached without a reload (the menu's link), the map and the heatmap are drawn in the browser from the same data.
    await page.goto(`${baseUrl}/situations`);
    await hydrated(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: SUDAN_ON_MAP }).count()).toBe(1);
    expect(await page.locator("svg.world-map use").count()).toBeGreaterThan(150);
    expect(await page.getByRole("table", { name: /Risk factor scores of each situation/ }).getByRole("link", { name: "Demo: Sudan, Darfur" }).isVisible()).toBe(true);
  });

  it("puts alerts in an inbox with an unread count, and follows a situation into the watchlist", async () => {
    const page = await pageAs("viewer@demo.example");
    const before = await unread(page);
    expect(before).toBeGreaterThan(0);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Alerts/ }).click();
    await page.getByRole("heading", { name: "Alerts", level: 1 }).waitFor();
    await hydrated(page);
    const list = page.getByRole("list", { name: "Alerts, newest first" });
    expect(await list.getByText("Demo: Sudan, Darfur: overall score rose 19.5 points (51.4 → 70.9)").isVisible()).toBe(true);
    // Who made the change that raised it (the demo's rounds are published by its administrator), and a link to that round.
    const item = list.getByRole("listitem").filter({ hasText: "overall score rose 19.5 points" });
    expect(await item.textContent()).toContain("by Amina Admin");
    expect(await item.getByRole("link", { name: "Open the round" }).getAttribute("href")).toMatch(/^\/situations\/[^/]+\/rounds\/[^/]+$/);
    await screenshot(page, "alerts");
    // By keyboard: the button goes with the alert it marked, and focus goes to the page's heading, not back to the top.
    await list.getByRole("button", { name: "Mark as read" }).first().focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => /\((\d+) unread\)/.exec(document.querySelector("nav[aria-label=Main]")!.textContent!)?.[1] === String(n), before - 1);
    expect(await unread(page)).toBe(before - 1);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Alerts");

    await page.goto(`${baseUrl}/situations?q=Myanmar`);
    await page.getByRole("link", { name: "Demo: Myanmar, Rakhine State" }).click();
    await page.getByRole("heading", { name: "Demo: Myanmar, Rakhine State", level: 1 }).waitFor();
    await hydrated(page);
    await page.getByRole("button", { name: "Follow" }).click();
    await page.getByRole("button", { name: "Following ✓" }).waitFor();
    await page.goto(`${baseUrl}/`);
    const watch = page.getByRole("region", { name: /Situations you follow \(1\)/ });
    expect(await watch.getByRole("link", { name: "Demo: Myanmar, Rakhine State" }).isVisible()).toBe(true);
  });
});
