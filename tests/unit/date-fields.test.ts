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

describe("one strict date rule for every date field (lib/forms/dates)", () => {
  const TODAY = "2026-06-15";

  it("accepts real days in the field's range, including 29 February of a leap year", async () => {
    const { DATE_RULES, dateProblem } = await import("@/lib/forms/dates");
    expect(dateProblem("2024-02-29", DATE_RULES.eventDate, TODAY)).toBeNull();
    expect(dateProblem("2000-02-29", DATE_RULES.eventDate, TODAY)).toBeNull();
    expect(dateProblem("1900-01-01", DATE_RULES.eventDate, TODAY)).toBeNull();
    expect(dateProblem(TODAY, DATE_RULES.eventDate, TODAY)).toBeNull();
    expect(dateProblem("2036-06-15", DATE_RULES.responseDate, TODAY)).toBeNull();
  });

  it("refuses days that do not exist, saying what is wrong and suggesting a real one", async () => {
    const { DATE_RULES, dateProblem } = await import("@/lib/forms/dates");
    expect(dateProblem("2025-02-30", DATE_RULES.eventDate, TODAY)).toBe("February 2025 has 28 days. Enter a real date, such as 2025-02-28.");
    expect(dateProblem("2024-02-30", DATE_RULES.eventDate, TODAY)).toBe("February 2024 has 29 days. Enter a real date, such as 2024-02-29.");
    expect(dateProblem("2100-02-29", DATE_RULES.responseDate, "2099-01-01")).toBe("February 2100 has 28 days. Enter a real date, such as 2100-02-28.");
    expect(dateProblem("2025-04-31", DATE_RULES.eventDate, TODAY)).toBe("April 2025 has 30 days. Enter a real date, such as 2025-04-30.");
    expect(dateProblem("2025-13-01", DATE_RULES.eventDate, TODAY)).toBe("There is no month 13. Enter a real date, such as 2025-12-01.");
    expect(dateProblem("2025-00-10", DATE_RULES.eventDate, TODAY)).toBe("There is no month 00. Enter a real date, such as 2025-01-10.");
    expect(dateProblem("2025-03-00", DATE_RULES.eventDate, TODAY)).toBe("There is no day 00. Enter a real date, such as 2025-03-01.");
    expect(dateProblem("31/03/2026", DATE_RULES.eventDate, TODAY)).toBe("Use a date like 2026-03-31.");
    expect(dateProblem("2025-3-1", DATE_RULES.eventDate, TODAY)).toBe("Use a date like 2026-03-31.");
  });

  it("refuses dates outside each field's plausible range, naming the range", async () => {
    const { DATE_RULES, dateProblem } = await import("@/lib/forms/dates");
    expect(dateProblem("1899-12-31", DATE_RULES.eventDate, TODAY)).toBe("Enter a date from 1900 on.");
    expect(dateProblem("0001-01-01", DATE_RULES.publishedOn, TODAY)).toBe("Enter a date from 1800 on.");
    expect(dateProblem("1944-12-31", DATE_RULES.monitoringSince, TODAY)).toBe("Enter a date from 1945 on.");
    expect(dateProblem("1989-12-31", DATE_RULES.assessedOn, TODAY)).toBe("Enter a date from 1990 on.");
    expect(dateProblem("2026-06-16", DATE_RULES.eventDate, TODAY)).toBe("The event date cannot be in the future.");
    expect(dateProblem("2026-06-16", DATE_RULES.monitoringSince, TODAY)).toBe("Monitoring cannot start in the future.");
    expect(dateProblem("2026-06-16", DATE_RULES.publishedOn, TODAY)).toBe("The publication date cannot be in the future.");
    expect(dateProblem("2026-06-16", DATE_RULES.accessedOn, TODAY)).toBe("The access date cannot be in the future.");
    expect(dateProblem("2026-06-16", DATE_RULES.assessedOn, TODAY)).toBe("A round cannot be dated in the future.");
    expect(dateProblem("2036-06-16", DATE_RULES.responseDate, TODAY)).toBe("Enter a date up to 2036-06-15, ten years from today.");
    expect(dateProblem("2999-01-01", DATE_RULES.responseDate, TODAY)).toBe("Enter a date up to 2036-06-15, ten years from today.");
  });

  it("is the schema of every form's date field, required or optional, so the browser and the server say the same", async () => {
    const { situationInputSchema, emptySituationInput } = await import("@/lib/situations/schemas");
    const { sourceInputSchema, emptySourceInput } = await import("@/lib/sources/schemas");
    const { startRoundSchema, saveRoundSchema } = await import("@/lib/indicators/schemas");
    const bad = "2025-02-30";
    const expected = "February 2025 has 28 days. Enter a real date, such as 2025-02-28.";
    expect(firstMessage(eventInputSchema.safeParse({ ...emptyEventInput(), eventDate: bad }), "eventDate")).toBe(expected);
    expect(firstMessage(responseInputSchema.safeParse({ ...emptyResponseInput(), startDate: bad }), "startDate")).toBe(expected);
    expect(firstMessage(responseInputSchema.safeParse({ ...emptyResponseInput(), endDate: bad }), "endDate")).toBe(expected);
    expect(firstMessage(situationInputSchema.safeParse({ ...emptySituationInput(), monitoringSince: bad }), "monitoringSince")).toBe(expected);
    expect(firstMessage(sourceInputSchema.safeParse({ ...emptySourceInput(), publishedOn: bad }), "publishedOn")).toBe(expected);
    expect(firstMessage(sourceInputSchema.safeParse({ ...emptySourceInput(), accessedOn: bad }), "accessedOn")).toBe(expected);
    expect(firstMessage(startRoundSchema.safeParse({ situationId: "s1", assessedOn: bad }), "assessedOn")).toBe(expected);
    expect(firstMessage(saveRoundSchema.safeParse({ id: "r1", version: 1, assessedOn: bad, summary: "", ratings: [] }), "assessedOn")).toBe(expected);
    // Optional dates stay optional; required ones say what to enter.
    expect(situationInputSchema.shape.monitoringSince.safeParse("").success).toBe(true);
    expect(sourceInputSchema.safeParse({ ...emptySourceInput(), title: "A report", publishedOn: "", accessedOn: "" }).success).toBe(true);
    expect(firstMessage(startRoundSchema.safeParse({ situationId: "s1", assessedOn: "" }), "assessedOn")).toBe("Enter the date of the assessment.");
  });

  it("is what the import checks a row's date with (same range, same words)", async () => {
    const { checkedEventDate } = await import("@/lib/events/acled");
    expect(checkedEventDate("15 January 2024", TODAY)).toEqual({ date: "2024-01-15" });
    expect(checkedEventDate("30 February 2025", TODAY)).toEqual({ problem: '"30 February 2025": February 2025 has 28 days. Enter a real date, such as 2025-02-28.' });
    expect(checkedEventDate("1850-06-01", TODAY)).toEqual({ problem: '"1850-06-01": Enter a date from 1900 on.' });
    expect(checkedEventDate("2026-06-16", TODAY)).toEqual({ problem: '"2026-06-16": The event date cannot be in the future.' });
  });
});

describe("a wrong date beside other mistakes", () => {
  it("does not hide the form's other checks: every mistake is shown at once", () => {
    const r = eventInputSchema.safeParse({ ...emptyEventInput(), eventDate: "", eventType: "Battles", fatalities: "-4", latitude: "13.1", longitude: "" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(expect.arrayContaining(["eventDate: Enter the date of the event.", "fatalities: The number of people killed cannot be negative.", "longitude: Give both latitude and longitude, or neither."]));
  });
});
