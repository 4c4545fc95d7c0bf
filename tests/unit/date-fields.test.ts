import { describe, expect, it } from "vitest";
import { emptyEventInput, eventInputSchema } from "@/lib/events/schemas";
import { emptyResponseInput, responseInputSchema } from "@/lib/responses/schemas";

const firstMessage = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  r.error?.issues.find((i) => i.path[0] === field)?.message;

describe("an empty date field", () => {
  it("asks for the date, rather than for a format the browser's date field shows its own way", () => {
    expect(firstMessage(eventInputSchema.safeParse({ ...emptyEventInput(), eventDate: "" }), "eventDate")).toBe("Enter the date of the event.");
    expect(firstMessage(eventInputSchema.safeParse({ ...emptyEventInput(), eventDate: "31/03/2026" }), "eventDate")).toBe("Use a date like 2026-03-31.");
    expect(firstMessage(responseInputSchema.safeParse({ ...emptyResponseInput(), startDate: "" }), "startDate")).toBe("Enter a date.");
  });
});

describe("the date filters of the lists (events, responses, audit log)", () => {
  it("leave out dates that do not exist, as they leave out any other malformed filter, instead of failing the page or a download", async () => {
    const { eventListQuerySchema } = await import("@/lib/events/schemas");
    const { responseListQuerySchema } = await import("@/lib/responses/schemas");
    const { auditQuerySchema } = await import("@/lib/audit/queries");
    for (const schema of [eventListQuerySchema, responseListQuerySchema, auditQuerySchema]) {
      expect(schema.parse({ from: "2024-13-45", to: "2023-02-29" })).toMatchObject({ from: undefined, to: undefined });
      expect(schema.parse({ from: "2024-02-29", to: "2024-12-31" })).toMatchObject({ from: "2024-02-29", to: "2024-12-31" });
    }
  });
});
