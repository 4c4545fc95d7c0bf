import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSession } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
const session = browserSession(baseUrl, signIn);
beforeAll(session.setup);
afterAll(session.teardown);

function analystPage(email = "analyst@demo.example"): Promise<Page> {
  return session.pageAs(email, { width: 1280, height: 900 });
}

describe("situations, as an analyst uses them", () => {
  it("records a new situation: mistakes are shown next to the fields and nothing typed is lost", async () => {
    const page = await analystPage();
    await page.goto(`${baseUrl}/situations`);
    await page.getByRole("link", { name: "New situation" }).click();
    await page.getByRole("heading", { name: "New situation" }).waitFor();
    await hydrated(page);
    await page.getByLabel("Title").fill("South Sudan: Upper Nile");
    await page.getByLabel("Summary").fill("Clashes between armed forces and militias; reports of killings of civilians.");
    await page.locator("#crimes-1-status").selectOption("ALLEGED");
    await page.getByRole("button", { name: "Create situation" }).click();
    await page.getByText("Choose a country from the list.").waitFor();
    expect(await page.getByText("Say why, in a sentence at least").isVisible()).toBe(true);
    expect(await page.getByLabel("Summary").inputValue()).toContain("reports of killings");
    await screenshot(page, "situation-new-errors");

    await page.getByLabel("Find a country").fill("south su");
    await page.getByRole("option", { name: "Choose a country (1 shown)" }).waitFor({ state: "attached" });
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "South Sudan" });
    await page.locator("#crimes-1-rationale").fill("Several credible reports of attacks on villages.");
    // Cite a source that is not in the library yet, without leaving the form.
    const warCrimesSources = page.getByRole("group", { name: "Sources for war crimes" });
    await warCrimesSources.getByRole("button", { name: "Add a new source" }).click();
    const newSource = warCrimesSources.getByRole("group", { name: "New source" });
    await newSource.getByLabel("Source title").fill("Field report from Upper Nile");
    await newSource.getByLabel("Web address (optional)").fill("not a web address");
    await newSource.getByRole("button", { name: "Add source and cite it" }).click();
    await newSource.getByText("Enter a web address starting with https:// or http://.").waitFor();
    await newSource.getByLabel("Web address (optional)").fill("https://example.org/report");
    await newSource.getByLabel("Source reliability").selectOption("B");
    await newSource.getByRole("button", { name: "Add source and cite it" }).click();
    await warCrimesSources.getByRole("list", { name: /cited/ }).getByText("Field report from Upper Nile").waitFor();
    await screenshot(page, "situation-new-source-cited");
    await page.getByLabel("Risk category").selectOption("IMMINENT_RISK");
    await page.getByRole("button", { name: "Create situation" }).click();
    await page.getByRole("heading", { name: "South Sudan: Upper Nile", level: 1 }).waitFor();
    expect(await page.getByRole("list", { name: "Crimes at a glance" }).textContent()).toContain("War crimes: Ongoing (alleged)");
    // The situation's Sources tab lists what its claims cite, graded, with what cites it.
    await page.getByRole("navigation", { name: "Situation sections" }).getByRole("link", { name: "Sources" }).click();
    await page.getByRole("heading", { name: "Sources cited" }).waitFor();
    const cited = page.getByRole("table").filter({ hasText: "Field report from Upper Nile" });
    expect(await cited.getByRole("caption").textContent()).toBe("1 source, the most cited first");
    expect(await cited.locator("tbody tr").first().textContent()).toMatch(/Field report from Upper Nile.*B\d.*1Crime assessment/);
    await screenshot(page, "situation-sources-tab");
    await page.getByRole("navigation", { name: "Situation sections" }).getByRole("link", { name: "Overview" }).click();
    await page.getByRole("link", { name: "Field report from Upper Nile" }).click();
    await page.getByRole("heading", { name: "Cited by" }).waitFor();
    expect(await page.getByRole("table").textContent()).toContain("South Sudan: Upper Nile");
    await page.goto(`${baseUrl}/situations?risk=IMMINENT_RISK`);
    expect(await page.getByRole("table").textContent()).toContain("South Sudan: Upper Nile");

    // Attach the report itself; the page shows its fingerprint, and a disguised program is refused.
    await page.goto(`${baseUrl}/sources?q=Upper+Nile`);
    await page.getByRole("link", { name: "Field report from Upper Nile" }).click();
    await page.getByRole("heading", { name: "Cited by" }).waitFor();
    await hydrated(page);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    await page.getByLabel(/Attach a file/).setInputFiles({ name: "field-report.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.getByText("SHA-256 fingerprint").waitFor();
    expect(await page.getByRole("link", { name: "field-report.pdf" }).isVisible()).toBe(true);
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from("PE\0\0"), Buffer.alloc(200)]);
    await page.getByLabel(/Replace with/).setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: exe });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.getByRole("alert").filter({ hasText: ".exe file" }).waitFor();
    await screenshot(page, "source-page");
    await page.context().close();
  });

  it("tells the second of two analysts editing at once what changed, keeps their text, takes the first one's other changes, and lets them decide", async () => {
    const a = await analystPage();
    const b = await analystPage("admin@demo.example");
    for (const p of [a, b]) {
      await p.goto(`${baseUrl}/situations?q=Burkina`);
      await p.getByRole("link", { name: "Demo: Burkina Faso" }).click();
      await p.getByRole("link", { name: "Edit" }).click();
      await p.getByLabel("Title").waitFor();
      await hydrated(p);
    }
    await a.getByLabel("Perpetrators").fill("Armed groups (edited by the analyst).");
    await a.getByLabel("Risk category").selectOption("CURRENT_CRISIS");
    await a.getByRole("button", { name: "Save changes" }).click();
    await a.getByRole("heading", { name: "Demo: Burkina Faso", level: 1, exact: true }).waitFor();

    await b.getByLabel("Perpetrators").fill("Security forces and auxiliaries (edited by the admin).");
    await b.getByRole("button", { name: "Save changes" }).click();
    await b.getByText("Someone saved this situation after you opened it.").waitFor();
    const diff = await b.getByRole("region", { name: "Changes saved by someone else" }).textContent();
    expect(diff).toContain("Armed groups (edited by the analyst).");
    expect(diff).toContain("Security forces and auxiliaries (edited by the admin).");
    expect(await b.getByLabel("Perpetrators").inputValue()).toBe("Security forces and auxiliaries (edited by the admin).");
    // The analyst's risk category, a field the admin left alone, is not a conflict: it is taken into the admin's form.
    const region = b.getByRole("region", { name: "Changes saved by someone else" });
    expect(await region.getByRole("row").count()).toBe(2); // the header and Perpetrators
    expect(await region.getByRole("rowheader").allInnerTexts()).toEqual(["Perpetrators"]);
    expect(diff).toContain("Their changes to fields you had not changed are now in the form: Risk category.");
    expect(await b.getByLabel("Risk category").inputValue()).toBe("CURRENT_CRISIS");
    await screenshot(b, "situation-conflict");

    await b.getByRole("button", { name: "Keep my version of these fields" }).click();
    await b.getByRole("button", { name: "Save changes" }).click();
    await b.getByRole("heading", { name: "Demo: Burkina Faso", level: 1, exact: true }).waitFor();
    expect(await b.getByText("Security forces and auxiliaries (edited by the admin).").isVisible()).toBe(true);
    expect(await b.locator(".header-line").first().textContent()).toContain("Current crisis");

    await b.getByRole("navigation", { name: "Situation sections" }).getByRole("link", { name: "History" }).click();
    await b.getByRole("heading", { name: "Changes" }).waitFor();
    const history = await b.getByRole("region", { name: "History" }).textContent();
    expect(history).toContain("Edited by Amina Admin");
    expect(history).toContain("Edited by Arturo Analyst");
    await screenshot(b, "situation-history");
    await a.context().close();
    await b.context().close();
  });

  it("records a response with a new source added inline, and sees it on the situation's timeline", async () => {
    const page = await analystPage();
    await page.goto(`${baseUrl}/situations?q=Myanmar`);
    await page.getByRole("link", { name: "Demo: Myanmar, Rakhine State" }).click();
    await page.getByRole("navigation", { name: "Situation sections" }).getByRole("link", { name: "Responses" }).click();
    await page.getByRole("link", { name: "Record a response" }).click();
    await page.getByLabel("What was done").waitFor();
    await hydrated(page);
    await page.getByLabel("What was done").fill("Statement on attacks against civilians in Rakhine");
    await page.getByLabel("Pillar", { exact: true }).selectOption("III");
    await page.getByLabel("Type of response").selectOption("STATEMENT");
    await page.getByLabel("Who acted").selectOption("UN_SECURITY_COUNCIL");
    await page.getByLabel("Name of the actor").fill("UN Security Council");
    await page.getByLabel("Date (or start date)").fill("2026-10-15");
    await page.getByLabel("Reference (e.g. UN document symbol)").fill("S/PRST/");
    const sources = page.getByRole("group", { name: "Sources for this response" });
    await sources.getByRole("button", { name: "Add a new source" }).click();
    const newSource = sources.getByRole("group", { name: "New source" });
    await newSource.getByLabel("Source title").fill("Presidential statement, October 2026 (demo)");
    await newSource.getByLabel("UN document symbol (optional)").fill("S/PRST/2026/9");
    await newSource.getByRole("button", { name: "Add source and cite it" }).click();
    await sources.getByRole("list", { name: /cited/ }).getByText("Presidential statement, October 2026 (demo)").waitFor();
    await page.getByRole("button", { name: "Record response" }).click();
    await page.getByText("This does not look like a UN document symbol").waitFor();
    await page.getByLabel("Reference (e.g. UN document symbol)").fill("S/PRST/2026/9");
    await page.getByRole("button", { name: "Record response" }).click();
    await page.getByRole("heading", { name: "What was done, and when risk changed" }).waitFor();
    const region = page.getByRole("region", { name: "Responses" });
    expect(await region.getByRole("table").textContent()).toContain("Statement on attacks against civilians in Rakhine");
    expect(await region.getByRole("table").textContent()).toContain("Presidential statement, October 2026 (demo)");
    expect(await page.locator(".lane .marker").count()).toBeGreaterThan(0);
    await screenshot(page, "situation-responses");
    await page.goto(`${baseUrl}/responses?pillar=III`);
    expect(await page.getByRole("table").textContent()).toContain("Statement on attacks against civilians in Rakhine");

    // Two people edit it at once: the admin's description survives the analyst's earlier save, whose effect is merged in.
    const admin = await analystPage("admin@demo.example");
    for (const p of [page, admin]) {
      await p.goto(`${baseUrl}/situations?q=Myanmar`);
      await p.getByRole("link", { name: "Demo: Myanmar, Rakhine State" }).click();
      await p.getByRole("navigation", { name: "Situation sections" }).getByRole("link", { name: "Responses" }).click();
      await p.getByRole("link", { name: "Statement on attacks against civilians in Rakhine" }).first().click();
      await p.getByLabel("Assessed effect").waitFor();
      await hydrated(p);
    }
    await page.getByLabel("Assessed effect").selectOption("LIMITED");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "What was done, and when risk changed" }).waitFor();
    await admin.getByLabel("Description").fill("Adopted after two weeks of negotiation (typed by the admin).");
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByText("saved changes to other fields meanwhile: they are now in the form, beside yours. Press Save to save both.").waitFor();
    expect(await admin.getByRole("region", { name: "Changes saved by someone else" }).textContent()).toContain("Their changes to fields you had not changed are now in the form: Assessed effect.");
    expect(await admin.getByLabel("Assessed effect").inputValue()).toBe("LIMITED");
    expect(await admin.getByLabel("Description").inputValue()).toBe("Adopted after two weeks of negotiation (typed by the admin).");
    await screenshot(admin, "response-conflict");
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByRole("heading", { name: "What was done, and when risk changed" }).waitFor();
    await admin.getByRole("link", { name: "Statement on attacks against civilians in Rakhine" }).first().click();
    await admin.getByLabel("Assessed effect").waitFor();
    expect(await admin.getByLabel("Assessed effect").inputValue()).toBe("LIMITED");
    expect(await admin.getByLabel("Description").inputValue()).toBe("Adopted after two weeks of negotiation (typed by the admin).");

    // After a merge the page's Delete button acts on what is saved now, without a reload.
    await page.goto(admin.url());
    await page.getByLabel("Assessed effect").waitFor();
    await hydrated(page);
    await page.getByLabel("Assessed effect").selectOption("NONE");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "What was done, and when risk changed" }).waitFor();
    await hydrated(admin);
    await admin.getByLabel("Notes on its effect").fill("To be withdrawn.");
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByText("saved changes to other fields meanwhile").waitFor();
    await admin.getByRole("button", { name: "Delete response" }).click();
    await admin.getByRole("heading", { name: "What was done, and when risk changed" }).waitFor();
    expect(await admin.getByRole("link", { name: "Statement on attacks against civilians in Rakhine" }).count()).toBe(0);
    await admin.context().close();
    await page.context().close();
  });

  it("lets a viewer read but not change", async () => {
    const page = await analystPage("viewer@demo.example");
    await page.goto(`${baseUrl}/situations`);
    expect(await page.getByRole("link", { name: "New situation" }).count()).toBe(0);
    await page.getByRole("link", { name: "Demo: Sudan, Darfur" }).click();
    await page.getByRole("heading", { name: "Demo: Sudan, Darfur", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Archive" }).count()).toBe(0);
    // A response's details (effect, notes, sources) are there to read, not to edit.
    await page.getByRole("navigation", { name: "Situation sections" }).getByRole("link", { name: "Responses" }).click();
    await page.getByRole("link", { name: "Referral of the situation in Darfur to the International Criminal Court" }).click();
    await page.getByRole("heading", { name: "Referral of the situation in Darfur to the International Criminal Court", level: 1 }).waitFor();
    const facts = await page.locator("dl.facts").textContent();
    expect(facts).toContain("Assessed effectLimited");
    expect(facts).toContain("S/RES/1593 (2005)");
    expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
    await screenshot(page, "response-read-only");
    await page.context().close();
  });
});
