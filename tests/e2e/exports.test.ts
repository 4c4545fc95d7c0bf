import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PDFParse } from "pdf-parse";
import { browserSession } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
const { setup, teardown, pageAs } = browserSession(baseUrl, signIn);
beforeAll(setup);
afterAll(teardown);

describe("reports and exports", () => {
  it("downloads a country brief from the situation page, and a filtered CSV from a list", async () => {
    const page = await pageAs("analyst@demo.example");
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
    await page.context().close();
  });
});
