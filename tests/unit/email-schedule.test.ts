import { describe, expect, it } from "vitest";
import { EMAIL_RETRY_MINUTES, nextTryMinutes } from "@/lib/alerts/email-schedule";

describe("when a failed alert e-mail is tried again", () => {
  it("waits longer after each failure, then gives up after six tries in about four and a half hours", () => {
    expect([1, 2, 3, 4, 5].map(nextTryMinutes)).toEqual([1, 5, 15, 60, 180]);
    expect(nextTryMinutes(6)).toBeNull();
    expect(EMAIL_RETRY_MINUTES.reduce((a, b) => a + b, 0)).toBe(261);
  });

  it("never schedules from a count that is not a try", () => {
    expect(nextTryMinutes(0)).toBeNull();
    expect(nextTryMinutes(-1)).toBeNull();
  });
});
