// Debian's Chromium driven by playwright-core (`npx playwright install` cannot work offline).
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * One browser per test file, closed after it, and signed-in pages on fresh contexts (so sessions
 * never leak between tests). Dialogs (confirmations) are accepted.
 */
export function browserSession(baseUrl: string, signIn: (page: import("playwright-core").Page, baseUrl: string, email: string) => Promise<void>) {
  let browser: Browser | undefined;
  // Registered by the caller's file: vitest's hooks are module-scoped.
  const setup = async () => {
    browser = await launchBrowser();
  };
  const teardown = async () => {
    await browser?.close();
  };
  /** A page on a fresh context, signed out. */
  async function newPage(viewport = { width: 1400, height: 900 }) {
    const context = await browser!.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    page.on("dialog", (d) => d.accept());
    return page;
  }
  async function pageAs(email: string, viewport = { width: 1400, height: 900 }) {
    const page = await newPage(viewport);
    await signIn(page, baseUrl, email);
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    return page;
  }
  return { setup, teardown, newPage, pageAs, browser: () => browser! };
}
