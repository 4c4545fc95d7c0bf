import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

describe("signing in and the product shell", () => {
  it("sends a visitor who is not signed in to the sign-in page", async () => {
    await page.goto(`${baseUrl}/situations`);
    await page.waitForURL(/\/signin/);
    await expect(page.getByRole("heading", { name: "Sign in" }).isVisible()).resolves.toBe(true);
  });

  it("serves pages with a strict Content-Security-Policy: scripts need this response's nonce, no framing", async () => {
    const res = await page.goto(`${baseUrl}/signin`);
    const csp = res!.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Next.js put the nonce on its own scripts, so the page works (the next test signs in through it).
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (document.querySelector("script[nonce]") as HTMLScriptElement).nonce)).toBe(nonce);
    const again = await page.goto(`${baseUrl}/signin`);
    expect(/'nonce-([^']+)'/.exec(again!.headers()["content-security-policy"])![1]).not.toBe(nonce);
  });

  it("says what is missing when the form is sent empty, next to each field", async () => {
    await page.goto(`${baseUrl}/signin`);
    await hydrated(page);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter your e-mail address.").waitFor();
    expect(await page.getByText("Enter your password.").isVisible()).toBe(true);
    expect(await page.getByLabel("E-mail").getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses a wrong password with a message that does not reveal whether the account exists", async () => {
    await signIn(page, baseUrl, "analyst@demo.example", "wrong-password");
    // (Next.js keeps an empty route announcer with role=alert on every page: look for ours.)
    const alert = page.getByRole("alert").filter({ hasText: "The e-mail address or password is not correct." });
    await alert.waitFor();
    expect(await alert.isVisible()).toBe(true);
    expect(page.url()).toContain("/signin");
    expect(await page.getByLabel("E-mail").inputValue()).toBe("analyst@demo.example");
  });

  it("signs an analyst in to the shell: navigation, user and organisation; every link works; sign out", async () => {
    await signIn(page, baseUrl, "analyst@demo.example");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    // Link texts without the unread-alerts count ("Alerts 6 (6 unread)").
    const links = (await nav.getByRole("link").allTextContents()).map((t) => t.replace(/\s*\d.*$/, ""));
    expect(links).toEqual(["Dashboard", "Alerts", "Situations", "Indicators", "Responses", "Events", "Sources", "Exports", "Coalition"]);
    const who = await page.getByTestId("current-user").textContent();
    expect(who).toContain("Arturo Analyst");
    expect(who).toContain("Demo Atrocity Watch (demo)");
    expect(who).toContain("Analyst");
    expect(await page.getByRole("table", { name: /Risk factor scores of each situation/ }).getByText("Demo: Sudan, Darfur").isVisible()).toBe(true);
    // Demo DR Congo is at imminent risk with no pillar III response: a response gap.
    const gaps = page.getByRole("region", { name: /Response gaps/ });
    expect(await gaps.getByRole("link", { name: "Demo: Democratic Republic of the Congo, eastern provinces" }).isVisible()).toBe(true);
    await screenshot(page, "shell-dashboard");

    for (const name of links.slice(1)) {
      const link = nav.getByRole("link", { name: new RegExp(`^${name}`) });
      await link.click();
      await page.getByRole("heading", { name, level: 1 }).waitFor();
      expect(await link.getAttribute("aria-current")).toBe("page");
    }
    await screenshot(page, "shell-exports");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/signin/);
  });

  it("shows coalition-shared situations of other organisations, never their private ones", async () => {
    await signIn(page, baseUrl, "viewer@demo.example");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await page.goto(`${baseUrl}/situations`);
    const table = page.getByRole("table");
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain("Demo: Haiti");
    expect(text).toContain("Shared with the coalition");
    expect(text).not.toContain("Ethiopia");
    await screenshot(page, "situations");
  });

  it("follows the plain links of lists without reloading the page; back returns to the list; downloads still download", async () => {
    await signIn(page, baseUrl, "analyst@demo.example");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await page.goto(`${baseUrl}/situations?risk=CURRENT_CRISIS`);
    await hydrated(page);
    // A mark on this page's window: a full page load would lose it.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const row = page.getByRole("table").getByRole("link", { name: "Demo: Sudan, Darfur" });
    await row.click();
    await page.getByRole("heading", { name: "Demo: Sudan, Darfur", level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/situations\/[^/?]+$/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.goBack();
    await page.getByRole("heading", { name: "Situations", level: 1 }).waitFor();
    expect(page.url()).toContain("risk=CURRENT_CRISIS");
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    // The list's CSV link is a file, not a page: the browser downloads it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });

  it("shows Admin to administrators only", async () => {
    await signIn(page, baseUrl, "admin@demo.example");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("heading", { name: "Admin", level: 1 }).waitFor();
    expect(await page.getByRole("heading", { name: /^Members/ }).isVisible()).toBe(true);
  });

  it("lets a member of two organisations switch between them", async () => {
    await signIn(page, baseUrl, "analyst@demo.example");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await hydrated(page);
    // Switching on a situation the other organisation cannot see leads to that organisation's situations list.
    await page.goto(`${baseUrl}/situations`);
    await page.getByRole("link", { name: "Demo: Burkina Faso" }).click();
    await page.getByRole("heading", { name: "Demo: Burkina Faso", level: 1 }).waitFor();
    const burkina = page.url();
    await hydrated(page);
    await page.getByLabel("Working in").selectOption({ label: "Demo Partner Network (demo) (Viewer)" });
    await page.getByTestId("current-user").getByText("Demo Partner Network (demo) · Viewer").waitFor();
    await page.getByRole("heading", { name: "Situations", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/situations");
    expect(await page.getByRole("table").textContent()).toContain("Ethiopia");
    // Opened directly, it says why it is not there, in the shell, with a way on.
    await page.goto(burkina);
    await page.getByRole("heading", { name: "Not found here", level: 1 }).waitFor();
    expect(await page.getByRole("main").textContent()).toContain("while working in Demo Partner Network (demo) as a viewer");
    expect(await page.getByRole("main").getByRole("link", { name: "Go to the dashboard" }).isVisible()).toBe(true);
    await screenshot(page, "not-found-here");
    await page.goto(`${baseUrl}/no-such-page`);
    await page.getByRole("heading", { name: "Page not found", level: 1 }).waitFor();
  });
});

describe("changes not yet saved", () => {
  it("are asked about before a link within the app is followed; untouched forms ask nothing", async () => {
    await signIn(page, baseUrl, "analyst@demo.example");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    const prompts: string[] = [];
    // The first question is answered "stay", the next ones "leave".
    page.on("dialog", (d) => {
      prompts.push(d.message());
      void (prompts.length === 1 ? d.dismiss() : d.accept());
    });
    await page.goto(`${baseUrl}/situations`);
    const darfur = await page.getByRole("link", { name: "Demo: Sudan, Darfur" }).first().getAttribute("href");
    const main = page.getByRole("navigation", { name: "Main" });
    for (const form of ["/situations/new", `${darfur}/edit`, "/events/new", "/sources/new", `${darfur}/responses/new`]) {
      await page.goto(`${baseUrl}${form}`);
      await hydrated(page);
      await main.getByRole("link", { name: "Dashboard" }).click();
      await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    }
    expect(prompts).toEqual([]);

    await page.goto(`${baseUrl}/sources/new`);
    await hydrated(page);
    await page.getByLabel("Title").fill("Half-written note");
    await main.getByRole("link", { name: "Events" }).click();
    await expect.poll(() => prompts.length).toBe(1);
    expect(prompts[0]).toBe("You have changes that are not saved. Leave this page and lose them?");
    // Stayed, with what was typed.
    expect(new URL(page.url()).pathname).toBe("/sources/new");
    expect(await page.getByLabel("Title").inputValue()).toBe("Half-written note");
    await main.getByRole("link", { name: "Events" }).click();
    await page.getByRole("heading", { name: "Events", level: 1 }).waitFor();
    expect(prompts).toHaveLength(2);
  });
});
