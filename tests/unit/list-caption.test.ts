import { describe, expect, it } from "vitest";
import { listCaption } from "@/components/ui/pagination";

describe("a paged list's caption", () => {
  it("counts with thousands separators, says the page only when there are several", () => {
    expect(listCaption(50_000, "source", 1, 2_000)).toBe("50,000 sources, page 1 of 2,000");
    expect(listCaption(20_000, "response", 12, 800)).toBe("20,000 responses, page 12 of 800");
    expect(listCaption(1, "situation", 1, 1)).toBe("1 situation");
    expect(listCaption(0, "source", 1, 1)).toBe("0 sources");
  });
});
