import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { generate } from "otplib";
import { browserSession } from "./browser";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
const session = browserSession(baseUrl, signIn);
beforeAll(session.setup);
afterAll(session.teardown);

const newPage = (): Promise<Page> => session.newPage({ width: 1280, height: 900 });

describe("security, as members meet it", () => {
  it("invites a member, who sets up two-factor sign-in and then signs in with a code; deactivating them signs them out", async () => {
    const admin = await newPage();
    await signIn(admin, baseUrl, "admin@demo.example");
    await admin.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await admin.goto(`${baseUrl}/admin`);
    await hydrated(admin);
    await admin.getByLabel("E-mail address").fill("field.monitor@demo.example");
    await admin.getByLabel("Role", { exact: true }).selectOption("ANALYST");
    await admin.getByRole("button", { name: "Create invitation" }).click();
    const link = (await admin.getByTestId("invite-link").textContent())!.trim();
    await screenshot(admin, "admin");

    // The invitation page: the same for every address, no field for an existing account's password.
    // A new person chooses a password, then signs in (the normal sign-in) and accepts.
    const member = await newPage();
    await member.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
    await hydrated(member);
    await member.getByText("You have been invited to join", { exact: false }).waitFor();
    expect(await member.locator('input[autocomplete="current-password"]').count()).toBe(0);
    await member.getByLabel("Your name").fill("Field Monitor");
    await member.getByLabel(/Choose a password/).fill("password123");
    await member.getByRole("button", { name: "Create my account" }).click();
    await member.getByText(/at least 12 characters/).waitFor();
    await member.getByLabel(/Choose a password/).fill("copper kettle north 19");
    await member.getByRole("button", { name: "Create my account" }).click();
    const nextStep = member.getByRole("status").filter({ hasText: "Now sign in with the e-mail address this invitation was sent to" });
    await nextStep.waitFor();
    await nextStep.getByRole("link", { name: "Sign in to accept the invitation" }).click();
    await member.waitForURL(/\/signin\?callbackUrl=/);
    await hydrated(member);
    await member.getByLabel("E-mail").fill("field.monitor@demo.example");
    await member.getByLabel("Password").fill("copper kettle north 19");
    await member.getByRole("button", { name: "Sign in" }).click();
    await member.waitForURL(/\/invite\//);
    await hydrated(member);
    await member.getByRole("button", { name: "Accept the invitation" }).click();
    await member.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await member.goto(`${baseUrl}/account`);
    await hydrated(member);
    await member.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const secret = (await member.getByTestId("totp-secret").textContent())!.trim();
    await member.getByLabel("2. Enter the 6-digit code the app shows").fill("000000");
    await member.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await member.getByText("That code is not right.", { exact: false }).waitFor();
    await member.getByLabel("2. Enter the 6-digit code the app shows").fill(await generate({ secret }));
    await member.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    const codes = member.getByRole("list", { name: "Recovery codes" });
    await codes.waitFor();
    expect(await codes.getByRole("listitem").count()).toBe(10);
    await screenshot(member, "two-factor-on");

    await member.getByRole("button", { name: "Sign out", exact: true }).click();
    await member.waitForURL(/\/signin/);
    await signIn(member, baseUrl, "field.monitor@demo.example", "copper kettle north 19");
    await member.getByLabel("Two-factor code").waitFor();
    expect(await member.getByLabel("E-mail").inputValue()).toBe("field.monitor@demo.example");
    await member.getByLabel("Two-factor code").fill(await generate({ secret }));
    await member.getByRole("button", { name: "Sign in" }).click();
    await member.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();

    // The administrator deactivates the member: their next page is the sign-in page.
    await admin.goto(`${baseUrl}/admin`);
    await hydrated(admin);
    await admin.getByRole("button", { name: "Deactivate Field Monitor" }).click();
    // The row itself says so (a sentence elsewhere on the page also holds the word "deactivated").
    await admin.getByRole("button", { name: "Reactivate Field Monitor" }).waitFor();
    await member.goto(`${baseUrl}/situations`);
    await member.waitForURL(/\/signin/);
  });

  it("says when a role is saved, and a refused invitation leaves no earlier link on screen", async () => {
    const admin = await newPage();
    await signIn(admin, baseUrl, "admin@demo.example");
    await admin.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await admin.goto(`${baseUrl}/admin`);
    await hydrated(admin);
    const viewerRole = admin.getByLabel(/^Role of .*Viewer/);
    const name = (await viewerRole.getAttribute("aria-label"))!.replace(/^Role of /, "");
    await viewerRole.selectOption("ANALYST");
    await admin.getByRole("status").filter({ hasText: `Saved: ${name} is now Analyst.` }).waitFor();
    await viewerRole.selectOption("VIEWER");
    await admin.getByRole("status").filter({ hasText: `Saved: ${name} is now Viewer.` }).waitFor();

    await admin.getByLabel("E-mail address").fill("second.monitor@demo.example");
    await admin.getByRole("button", { name: "Create invitation" }).click();
    await admin.getByTestId("invite-link").waitFor();
    await admin.getByLabel("E-mail address").fill("viewer@demo.example");
    await admin.getByRole("button", { name: "Create invitation" }).click();
    await admin.getByText("already a member", { exact: false }).waitFor();
    expect(await admin.getByTestId("invite-link").count()).toBe(0);
  });

  it("pauses sign-in after repeated failures, without saying whether the account exists", async () => {
    const page = await newPage();
    for (let i = 0; i < 5; i++) {
      await signIn(page, baseUrl, "nobody-here@demo.example", `wrong-${i}`);
      await page.getByText("The e-mail address or password is not correct.").waitFor();
    }
    await signIn(page, baseUrl, "nobody-here@demo.example", "wrong-again");
    await page.getByText(/Too many attempts\. Sign-in is paused/).waitFor();
  });
});
