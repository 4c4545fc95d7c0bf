// Several instances of the app in front of one PostgreSQL, as a coalition runs it behind a load
// balancer: this file starts a second `next start` (instance B) beside the run's app (instance A),
// with the same database, NEXTAUTH_SECRET and upload directory (tests/e2e/global-app.ts provides
// them). Each is reached on its own port with its own NEXTAUTH_URL; the session cookie is set for
// "localhost" without a port, so one browser carries it to both, as one site name would behind a
// proxy. Whatever one instance knows only in its memory would show up here as a difference.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { createPrismaClient } from "../../lib/db-client";
import { hashPassword } from "../../lib/auth/password";
import { DEMO_PASSWORD } from "../../prisma/seed-data/demo";
import { startNextApp, type AppProcess } from "./app-process";
import { freePort } from "../support/test-server";
import { browserSession } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const A = inject("baseUrl");
const appEnv = inject("e2eAppEnv");
const db = createPrismaClient(inject("e2eDatabaseUrl"), 2);
const session = browserSession(A, signIn);
const dir = mkdtempSync(path.join(tmpdir(), "aew-e2e-instances-"));
// The partner organisation's administrator: no other e2e test signs in as them, and their
// organisation has no situation in Sudan, so the events imported here stay in its own log.
const PARTNER = "partner@demo.example";
// Locked out on purpose: a member no other test uses.
const LOCKED = "lockout.instances@demo.example";

let instanceB: AppProcess | undefined;
let B: string;

beforeAll(async () => {
  instanceB = await startNextApp(await freePort(), appEnv);
  B = instanceB.baseUrl;
  expect(B).not.toBe(A);
  await session.setup();
});
afterAll(async () => {
  await session.teardown();
  await instanceB?.stop();
  await db.rateLimit.deleteMany({ where: { key: `account:${LOCKED}` } });
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** A second page in the same browser (the same cookies), as a second tab would be. */
const tabOf = (page: Page) => page.context().newPage();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("two instances of the app on one database", () => {
  it("a session started on one instance continues on the other, and signing out on one ends it on both", async () => {
    const onA = await session.newPage();
    await signIn(onA, A, PARTNER);
    await onA.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    const cookies = await onA.context().cookies();
    expect(cookies.some((c) => c.name === "next-auth.session-token" && c.domain === "localhost")).toBe(true);

    const onB = await tabOf(onA);
    await onB.goto(`${B}/situations`);
    expect(new URL(onB.url()).pathname).toBe("/situations");
    expect(await onB.getByTestId("current-user").getByText("Pat Partner").isVisible()).toBe(true);
    await onB.getByRole("link", { name: "Demo: Haiti" }).first().waitFor();

    // Signing out on B revokes the session in the database: the same cookie, kept by another
    // browser, no longer opens a page on A.
    const kept = await session.newPage();
    await kept.context().addCookies(cookies);
    await kept.goto(`${A}/situations`);
    expect(new URL(kept.url()).pathname).toBe("/situations");
    await hydrated(onB);
    await onB.getByRole("button", { name: "Sign out", exact: true }).click();
    await onB.waitForURL(/\/signin/);
    await kept.goto(`${A}/situations`);
    await kept.waitForURL(/\/signin/);
    await onA.context().close();
    await kept.context().close();
  });

  it("a sign-in paused after failures on one instance is paused on the other too", async () => {
    const partnerOrg = await db.organisation.findUniqueOrThrow({ where: { slug: "demo-partner" } });
    await db.user.upsert({
      where: { email: LOCKED },
      create: { email: LOCKED, name: "Lou Lockout", passwordHash: await hashPassword(DEMO_PASSWORD), memberships: { create: { organisationId: partnerOrg.id, role: "VIEWER" } } },
      update: {},
    });
    await db.rateLimit.deleteMany({ where: { key: `account:${LOCKED}` } });

    const page = await session.newPage();
    for (let i = 0; i < 5; i++) {
      await signIn(page, A, LOCKED, `wrong-${i}`);
      await page.getByText("The e-mail address or password is not correct.").waitFor();
    }
    // The right password, on the other instance: refused while the pause lasts.
    await signIn(page, B, LOCKED, DEMO_PASSWORD);
    await page.getByText(/Too many attempts\. Sign-in is paused for this account or network; try again in \d+ minutes?\./).waitFor();
    expect(new URL(page.url()).pathname).toBe("/signin");
    await screenshot(page, "instances-locked");

    // The pause is the only thing in the way: once it is lifted, the same password signs in on B.
    await db.rateLimit.deleteMany({ where: { key: `account:${LOCKED}` } });
    await signIn(page, B, LOCKED, DEMO_PASSWORD);
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await page.context().close();
  });

  it("an import started on one instance is seen running, with its progress, on the other, then imported", { timeout: 240_000 }, async () => {
    // About 13 MB and 100,000 rows: long enough to be seen while it runs.
    const rows = 100_000;
    const lines = ["event_id_cnty,event_date,event_type,sub_event_type,actor1,civilian_targeting,country,admin1,location,latitude,longitude,notes,fatalities"];
    for (let i = 1; i <= rows; i++) {
      lines.push(`INST${i},2024-03-0${(i % 9) + 1},Battles,Armed clash,Military Forces of Sudan,,Sudan,North Darfur,El Fasher,13.6289,25.3494,Clashes reported near the market,${i % 7}`);
    }
    const file = path.join(dir, "instances-import.csv");
    writeFileSync(file, lines.join("\n") + "\n");

    const onA = await session.pageAs(PARTNER);
    const onB = await tabOf(onA);

    // Uploaded on A: the file is kept in the shared upload directory, so B can check it.
    await onA.goto(`${A}/events/import`);
    await hydrated(onA);
    await onA.getByLabel(/^CSV file/).setInputFiles(file);
    await onA.getByRole("button", { name: "Upload and check" }).click();
    await onA.getByRole("heading", { name: "Import: instances-import.csv" }).waitFor({ timeout: 60_000 });
    const importPath = new URL(onA.url()).pathname;
    const id = importPath.split("/").pop()!;

    await onB.goto(`${B}${importPath}`);
    await hydrated(onB);
    await onB.getByRole("button", { name: "Check the file" }).click();
    await onB.getByRole("heading", { name: "What the file holds" }).waitFor({ timeout: 60_000 });
    expect(await onB.getByText("100,000 can be imported").isVisible()).toBe(true);

    // Run on A.
    await onA.goto(`${A}${importPath}`);
    await hydrated(onA);
    await onA.getByRole("button", { name: "Import 100,000 rows" }).click();

    // B answers A's progress bar's question (behind a load balancer any instance may), and B's own
    // page shows the import running with how far it is.
    const seen: { status: string; processedRows: number }[] = [];
    let pageShowedProgress = 0;
    const until = Date.now() + 180_000;
    while (Date.now() < until) {
      const r = (await (await onB.request.get(`${B}/api/imports/${id}`)).json()) as { ok: boolean; status: string; processedRows: number; totalRows: number };
      expect(r.ok).toBe(true);
      seen.push(r);
      if (r.status === "COMPLETED" || r.status === "FAILED") break;
      if (!pageShowedProgress && r.status === "RUNNING" && r.processedRows > 0) {
        await onB.goto(`${B}${importPath}`);
        const running = onB.getByText(/This import is running: [\d,]+ of 100,000 rows read\./);
        if (await running.isVisible()) {
          pageShowedProgress = Number((await running.textContent())!.match(/running: ([\d,]+)/)![1].replace(/,/g, ""));
          expect(await onB.getByRole("progressbar").getAttribute("max")).toBe("100000");
          await screenshot(onB, "instances-import-running");
        }
      }
      await sleep(100);
    }
    const running = seen.filter((s) => s.status === "RUNNING" && s.processedRows > 0 && s.processedRows < rows);
    expect(running.length).toBeGreaterThan(0);
    expect(seen.at(-1)!.status).toBe("COMPLETED");
    expect(pageShowedProgress).toBeGreaterThan(0);
    expect(pageShowedProgress).toBeLessThan(rows);

    // B's page, left open, turns to the finished import by itself.
    await onB.getByText("Imported.", { exact: false }).waitFor({ timeout: 30_000 });
    expect(await onB.getByRole("status").filter({ hasText: "Imported." }).textContent()).toContain("100,000 new events");
    // A, which ran it, says the same.
    await onA.getByRole("status").filter({ hasText: "Imported." }).waitFor({ timeout: 60_000 });

    // The events page's list of imports on B.
    await onB.goto(`${B}/events`);
    await onB.getByText("Recent imports").click();
    const item = onB.getByRole("listitem").filter({ hasText: "instances-import.csv" });
    expect(await item.textContent()).toContain("by Pat Partner");
    expect(await item.textContent()).toContain(": imported (100000 new, 0 updated, 0 unchanged, 0 skipped)");
    expect(await db.event.count({ where: { importId: id } })).toBe(rows);
    await onA.context().close();
  });

  it("a form opened on one instance before a save on the other shows the conflict, and the other save is kept", async () => {
    const onA = await session.pageAs(PARTNER);
    await onA.goto(`${A}/events/new`);
    await hydrated(onA);
    await onA.getByLabel("Date").fill("2026-10-02");
    await onA.getByLabel("Event type").fill("Shelling of a market (two instances)");
    await onA.getByLabel("People killed (leave empty if not known)").fill("7");
    await onA.getByLabel("Country").selectOption({ label: "Sudan" });
    await onA.getByRole("button", { name: "Record event" }).click();
    await onA.getByRole("heading", { name: "Shelling of a market (two instances), 2026-10-02" }).waitFor();
    const eventPath = new URL(onA.url()).pathname;
    const eventId = eventPath.split("/").pop()!;

    // The form on B is opened first, then A saves.
    const onB = await tabOf(onA);
    for (const [p, base] of [[onB, B], [onA, A]] as const) {
      await p.goto(`${base}${eventPath}/edit`);
      await p.getByLabel("Place").waitFor();
      await hydrated(p);
    }
    await onA.getByLabel("People killed (leave empty if not known)").fill("9");
    await onA.getByLabel("Place").fill("Tawila");
    await onA.getByRole("button", { name: "Save changes" }).click();
    await onA.getByRole("heading", { name: "Shelling of a market (two instances), 2026-10-02" }).waitFor();

    await onB.getByLabel("What happened").fill("Shells hit the market at midday (typed on the other instance).");
    await onB.getByLabel("Place").fill("Tawila market");
    await onB.getByRole("button", { name: "Save changes" }).click();
    const region = onB.getByRole("region", { name: "Changes saved by someone else" });
    await region.waitFor();
    expect(await region.textContent()).toContain("Their changes to fields you had not changed are now in the form: People killed (leave empty if not known).");
    expect(await region.getByRole("rowheader").allInnerTexts()).toEqual(["Place"]);
    expect(await onB.getByLabel("People killed (leave empty if not known)").inputValue()).toBe("9");
    await screenshot(onB, "instances-conflict");
    // Nothing of B's form was written yet.
    expect(await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { fatalities: true, location: true, notes: true, version: true } })).toEqual({
      fatalities: 9,
      location: "Tawila",
      notes: "",
      version: 2,
    });

    await onB.getByRole("button", { name: "Keep my version of these fields" }).click();
    await onB.getByRole("button", { name: "Save changes" }).click();
    await onB.getByRole("heading", { name: "Shelling of a market (two instances), 2026-10-02" }).waitFor();
    const shown = await onB.locator("main").textContent();
    expect(shown).toContain("Tawila market");
    expect(shown).toContain("Shells hit the market at midday (typed on the other instance).");

    // In the database: A's number of people killed, B's place and description, and both saves in
    // the history, B's made over A's.
    expect(await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { fatalities: true, location: true, notes: true, version: true } })).toEqual({
      fatalities: 9,
      location: "Tawila market",
      notes: "Shells hit the market at midday (typed on the other instance).",
      version: 3,
    });
    const updates = await db.auditEntry.findMany({ where: { entityType: "Event", entityId: eventId, action: "event.update" }, orderBy: { id: "asc" } });
    expect(updates).toHaveLength(2);
    expect(updates[0].after).toMatchObject({ fatalities: 9, location: "Tawila" });
    expect(updates[1].before).toMatchObject({ location: "Tawila" });
    await onA.context().close();
  });
});
