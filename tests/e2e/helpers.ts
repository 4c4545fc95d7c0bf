import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../prisma/seed-data/demo";

export const SCREENSHOTS = path.resolve("tests/e2e/screenshots");

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/signin`);
  await hydrated(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the page's scripts have loaded, so React handles the next click or change. */
export async function hydrated(page: Page) {
  await page.waitForLoadState("networkidle");
}
