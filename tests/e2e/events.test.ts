import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserSession } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
const { setup, teardown, pageAs } = browserSession(baseUrl, signIn);
beforeAll(setup);
afterAll(teardown);


describe("the event log", () => {
  it("imports a small ACLED file: preview, problems by row, progress, then the events in the situation's log", async () => {
    const page = await pageAs("analyst@demo.example");
    await page.goto(`${baseUrl}/events`);
    await page.getByRole("link", { name: "Import a CSV file (ACLED or other)" }).click();
    await page.getByRole("heading", { name: "Import events from a CSV file" }).waitFor();
    await hydrated(page);
    await page.getByRole("button", { name: "Upload and check" }).click();
    await page.getByText("Choose a CSV file to import.").waitFor();
    await page.getByLabel(/^CSV file/).setInputFiles(path.resolve("tests/fixtures/events/acled-small.csv"));
    await page.getByLabel("Import into").selectOption({ label: "Demo: Sudan, Darfur" });
    await page.getByRole("button", { name: "Upload and check" }).click();
    await page.getByRole("heading", { name: "Import: acled-small.csv" }).waitFor();
    await hydrated(page);
    expect(await page.getByLabel("Date (required)").inputValue()).toBe("event_date");
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("heading", { name: "What the file holds" }).waitFor();
    expect(await page.getByText("2 can be imported").isVisible()).toBe(true);
    const problems = page.getByRole("table").filter({ hasText: "Problem" });
    expect(await problems.getByText("Fatalities cannot be negative.").isVisible()).toBe(true);
    expect(await page.getByRole("table").filter({ hasText: "Notes" }).getByText('=HYPERLINK("http://evil.example","click")').isVisible()).toBe(true);
    await screenshot(page, "import-check");
    await hydrated(page);
    await page.getByRole("button", { name: "Import 2 rows and skip 3" }).click();
    await page.getByText("Imported.", { exact: false }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "Imported." }).textContent()).toContain("2 new events");
    await page.getByRole("link", { name: "See the events" }).click();
    await page.getByRole("heading", { name: "Event log" }).waitFor();
    const log = page.getByRole("table", { name: "Events, newest first" });
    expect(await log.getByRole("link", { name: "2024-01-16" }).isVisible()).toBe(true);
    expect(await log.getByText("Military Forces of Sudan vs Rapid Support Forces").isVisible()).toBe(true);
    // The map of the same events comes in its own request: a dot per place, its count in the label.
    const map = page.getByRole("img", { name: /^Map of \d+ events?/ });
    await map.waitFor();
    expect(await map.locator("circle").count()).toBeGreaterThan(0);
    const mapped = Number((await map.getAttribute("aria-label"))!.match(/\d+/)![0]);
    await screenshot(page, "situation-events");

    // Filtering keeps to the situation and narrows the list.
    await page.getByLabel("At least this many killed").fill("20");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/minFatalities=20/);
    expect(await page.getByRole("table", { name: "Events, newest first" }).getByRole("link", { name: "2024-01-15" }).count()).toBe(0);
    // The map follows the filters.
    await page.getByRole("img", { name: /^Map of \d+ events?/ }).and(page.locator(`:not([aria-label="Map of ${mapped} events"])`)).waitFor();
    expect(Number((await page.getByRole("img", { name: /^Map of \d+ events?/ }).getAttribute("aria-label"))!.match(/\d+/)![0])).toBeLessThan(mapped);
  });

  it("matches imported rows to situations by area: a Khartoum row stays out of the Darfur situation, and the page says so", async () => {
    const page = await pageAs("analyst@demo.example");
    await page.goto(`${baseUrl}/events/import`);
    await hydrated(page);
    await page.getByLabel(/^CSV file/).setInputFiles(path.resolve("tests/fixtures/events/areas.csv"));
    expect(await page.getByLabel("Import into").inputValue()).toBe(""); // "Match each row to a situation by country, area and date"
    await page.getByRole("button", { name: "Upload and check" }).click();
    await page.getByRole("heading", { name: "Import: areas.csv" }).waitFor();
    await hydrated(page);
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText("the situation of their country, area and date", { exact: false }).waitFor();
    await hydrated(page);
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    const done = page.getByRole("status").filter({ hasText: "Imported." });
    await done.waitFor();
    expect(await done.textContent()).toContain("1 event is in no situation: none of your situations covers its country and area.");
    await screenshot(page, "import-areas");
  });

  it("records an event by hand; mistakes are shown next to the fields", async () => {
    const page = await pageAs("analyst@demo.example");
    await page.goto(`${baseUrl}/events/new`);
    await hydrated(page);
    await page.getByLabel("Event type").fill("Violence against civilians");
    await page.getByLabel("People killed (leave empty if not known)").fill("-4");
    await page.getByLabel("Latitude").fill("13.1");
    await page.getByRole("button", { name: "Record event" }).click();
    await page.getByText("The number of people killed cannot be negative.").waitFor();
    expect(await page.getByText("Give both latitude and longitude, or neither.").isVisible()).toBe(true);
    expect(await page.getByLabel("Event type").inputValue()).toBe("Violence against civilians");
    await page.getByLabel("Date").fill("2026-10-01");
    await page.getByLabel("People killed (leave empty if not known)").fill("7");
    await page.getByLabel("Longitude").fill("24.9");
    await page.getByLabel("Country").selectOption({ label: "Sudan" });
    await page.getByLabel("Situation").selectOption({ label: "Demo: Sudan, Darfur" });
    await page.getByRole("button", { name: "Record event" }).click();
    await page.getByRole("heading", { name: "Violence against civilians, 2026-10-01" }).waitFor();
    expect(await page.getByText("Demo: Sudan, Darfur").first().isVisible()).toBe(true);

    // Two people correct it at once: what both typed is kept where they changed different fields; a field both changed is asked.
    const eventUrl = page.url();
    const admin = await pageAs("admin@demo.example");
    for (const p of [page, admin]) {
      await p.goto(`${eventUrl}/edit`);
      await p.getByLabel("Place").waitFor();
      await hydrated(p);
    }
    await page.getByLabel("People killed (leave empty if not known)").fill("9");
    await page.getByLabel("Place").fill("Tawila");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "Violence against civilians, 2026-10-01" }).waitFor();
    await admin.getByLabel("What happened").fill("Attack on a displacement camp (typed by the admin).");
    await admin.getByLabel("Place").fill("Tawila camp");
    await admin.getByRole("button", { name: "Save changes" }).click();
    const region = admin.getByRole("region", { name: "Changes saved by someone else" });
    await region.waitFor();
    expect(await region.textContent()).toContain("Their changes to fields you had not changed are now in the form: People killed (leave empty if not known).");
    expect(await region.getByRole("rowheader").allInnerTexts()).toEqual(["Place"]);
    expect(await admin.getByLabel("People killed (leave empty if not known)").inputValue()).toBe("9");
    expect(await admin.getByLabel("What happened").inputValue()).toBe("Attack on a displacement camp (typed by the admin).");
    await admin.getByRole("button", { name: "Keep my version of these fields" }).click();
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByRole("heading", { name: "Violence against civilians, 2026-10-01" }).waitFor();
    const shown = await admin.locator("main").textContent();
    expect(shown).toContain("Tawila camp");
    expect(shown).toContain("Attack on a displacement camp (typed by the admin).");
    await admin.context().close();
  });

  it("keeps the chosen filters in the form after filtering the log", async () => {
    const page = await pageAs("analyst@demo.example");
    await page.goto(`${baseUrl}/events`);
    await hydrated(page);
    const indicator = page.getByLabel("Linked indicator");
    const chosen = await indicator.locator("option").nth(3).getAttribute("value");
    await indicator.selectOption(chosen!);
    await page.getByLabel("Event type").selectOption("Battles");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/indicator=/);
    expect(await page.getByLabel("Linked indicator").inputValue()).toBe(chosen);
    expect(await page.getByLabel("Event type").inputValue()).toBe("Battles");
  });

  it("offers a type typed by hand in the log's filter, which then finds the event", async () => {
    const page = await pageAs("analyst@demo.example");
    await page.goto(`${baseUrl}/events/new`);
    await hydrated(page);
    await page.getByLabel("Date").fill("2026-09-12");
    await page.getByLabel("Event type").fill("Mass arrest of journalists");
    await page.getByLabel("People killed (leave empty if not known)").fill("0");
    await page.getByLabel("Country").selectOption({ label: "Sudan" });
    await page.getByRole("button", { name: "Record event" }).click();
    await page.getByRole("heading", { name: "Mass arrest of journalists, 2026-09-12" }).waitFor();

    await page.goto(`${baseUrl}/events`);
    await hydrated(page);
    const type = page.getByLabel("Event type");
    expect(await type.locator("optgroup[label='Other types recorded'] option").allInnerTexts()).toContain("Mass arrest of journalists");
    await type.selectOption("Mass arrest of journalists");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/type=Mass/);
    const rows = page.locator("main table tbody tr");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("2026-09-12");
    expect(await page.getByLabel("Event type").inputValue()).toBe("Mass arrest of journalists");
  });

  it("says so next to the field when the dates of the filter are the wrong way round", async () => {
    const page = await pageAs("analyst@demo.example");
    await page.goto(`${baseUrl}/events`);
    await hydrated(page);
    await page.getByLabel("From", { exact: true }).fill("2026-10-01");
    await page.getByLabel("To", { exact: true }).fill("2026-09-01");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/to=2026-09-01/);
    const to = page.getByLabel("To", { exact: true });
    expect(await to.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(`#${await to.getAttribute("aria-describedby")}`).textContent()).toContain("before the “From” date");
    expect(await to.inputValue()).toBe("2026-09-01");

    // The responses list's filter has the same date fields.
    await page.goto(`${baseUrl}/responses?from=2026-10-01&to=2026-09-01`);
    const responsesTo = page.getByLabel("To", { exact: true });
    expect(await responsesTo.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(`#${await responsesTo.getAttribute("aria-describedby")}`).textContent()).toBe("This date is before the “From” date, so no response can match: change one of them.");
    await screenshot(page, "responses-reversed-dates");
  });
});
