import { describe, expect, it } from "vitest";
import { pageAfterSwitch } from "@/components/shell/organisation-switcher";

describe("the page after switching organisation", () => {
  it("is the list of the section the member was in, without filters, or the dashboard", () => {
    expect(pageAfterSwitch("/situations/abc123")).toBe("/situations");
    expect(pageAfterSwitch("/situations/abc123/rounds/r1")).toBe("/situations");
    expect(pageAfterSwitch("/situations")).toBe("/situations");
    expect(pageAfterSwitch("/events/new")).toBe("/events");
    expect(pageAfterSwitch("/sources/s1/edit")).toBe("/sources");
    expect(pageAfterSwitch("/account")).toBe("/account");
    expect(pageAfterSwitch("/admin/audit")).toBe("/");
    expect(pageAfterSwitch("/")).toBe("/");
  });
});
