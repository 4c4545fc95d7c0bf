import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { PDFParse } from "pdf-parse";
import { launchBrowser } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("reports and exports", () => {
  it("downloads a country brief from the situation page, and a filtered CSV from a list", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, baseUrl, "analyst@demo.example");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await page.goto(`${baseUrl}/situations?q=Sudan`);
    await page.getByRole("link", { name: "Demo: Sudan, Darfur" }).click();
    await page.getByRole("heading", { name: "Demo: Sudan, Darfur", level: 1 }).waitFor();
    await hydrated(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Country brief (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^demo-sudan-darfur-brief-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await new PDFParse({ data: new Uint8Array(file) }).getText()).text;
    expect(text).toContain("Demo: Sudan, Darfur");
    expect(text).toContain("Recommended action");

    await page.getByRole("link", { name: "Printable brief" }).click();
    await page.getByRole("heading", { name: "Risk factor analysis" }).waitFor();
    await screenshot(page, "brief-printable");

    await page.goto(`${baseUrl}/situations?risk=CURRENT_CRISIS`);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV", exact: true }).click()]);
    const rows = readFileSync((await csv.path())!, "utf8").trim().split("\n");
    expect(rows[0]).toContain("Situation");
    expect(rows.slice(1).every((r) => r.includes("Current crisis"))).toBe(true);
    await context.close();
  });
});
