import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { browserSession } from "./browser";
import { hydrated, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
const { setup, teardown, newPage, pageAs } = browserSession(baseUrl, signIn);
beforeAll(setup);
afterAll(teardown);

/** What axe-core finds against WCAG 2.1 A and AA on the page as it is now: one line per rule, with the elements. */
async function problems(page: Page): Promise<string[]> {
  await hydrated(page);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

async function visit(page: Page, path: string) {
  await page.goto(`${baseUrl}${path}`);
  return { path, problems: await problems(page) };
}

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  it("finds nothing on the sign-in page", async () => {
    const page = await newPage();
    expect(await visit(page, "/signin")).toEqual({ path: "/signin", problems: [] });
  });

  it("finds nothing on the analyst's pages: lists, records, a situation's tabs, a round, the brief, the forms", async () => {
    const page = await pageAs("analyst@demo.example");
    await page.goto(`${baseUrl}/situations`);
    const situation = await page.getByRole("link", { name: "Demo: Sudan, Darfur" }).getAttribute("href");
    await page.goto(`${baseUrl}${situation}?tab=indicators`);
    const round = await page.locator('a[href*="/rounds/"]').first().getAttribute("href");
    await page.goto(`${baseUrl}/events`);
    const event = await page.locator('table a[href^="/events/"]').first().getAttribute("href");
    await page.goto(`${baseUrl}/sources`);
    const source = await page.locator('table a[href^="/sources/"]').first().getAttribute("href");
    const paths = [
      "/dashboard",
      "/alerts",
      "/situations",
      "/situations/new",
      situation!,
      ...["indicators", "responses", "events", "signals", "sources", "history"].map((tab) => `${situation}?tab=${tab}`),
      `${situation}/edit`,
      `${situation}/brief`,
      `${situation}/responses/new`,
      round!,
      "/indicators",
      "/responses",
      "/events",
      event!,
      "/events/new",
      "/events/import",
      "/sources",
      source!,
      "/sources/new",
      "/exports",
      "/account",
      "/help/scores",
      "/coalition",
      `${situation}/external-ratings/new`,
      "/external-ratings/import",
    ];
    const found = [];
    for (const path of paths) found.push(await visit(page, path));
    expect(found.filter((f) => f.problems.length)).toEqual([]);
  }, 300_000);

  it("finds nothing on the administrator's pages", async () => {
    const page = await pageAs("admin@demo.example");
    const found = [];
    for (const path of ["/admin", "/admin/audit"]) found.push(await visit(page, path));
    expect(found.filter((f) => f.problems.length)).toEqual([]);
  });
});
