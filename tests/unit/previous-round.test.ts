import { describe, expect, it } from "vitest";
import { previousPublished } from "@/lib/indicators/compare";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const t = (s: string) => new Date(s);
const r = (id: string, assessedOn: string, publishedAt: string | null, status = publishedAt ? "PUBLISHED" : "DRAFT") => ({ id, assessedOn: d(assessedOn), publishedAt: publishedAt ? t(publishedAt) : null, status });

// A situation's rounds as roundChoices gives them (oldest first), including drafts and two rounds on one date.
const rounds = [
  r("jan", "2026-01-31", "2026-02-02T10:00:00Z"),
  r("feb-draft", "2026-02-28", null),
  r("mar-a", "2026-03-31", "2026-04-01T09:00:00Z"),
  r("mar-b", "2026-03-31", "2026-04-03T09:00:00Z"),
  r("apr", "2026-04-30", "2026-05-01T09:00:00Z"),
  r("may-draft", "2026-05-31", null),
];
const prev = (id: string) => previousPublished(rounds, rounds.find((x) => x.id === id)!)?.id;

describe("the round a round is compared with", () => {
  it("is the latest published round before it, skipping drafts", () => {
    expect(prev("apr")).toBe("mar-b");
    expect(prev("mar-a")).toBe("jan");
  });
  it("on the same date, is the one published earlier", () => {
    expect(prev("mar-b")).toBe("mar-a");
  });
  it("for a draft, is the latest published round up to its date", () => {
    expect(prev("feb-draft")).toBe("jan");
    expect(prev("may-draft")).toBe("apr");
    expect(previousPublished(rounds, { id: "new", assessedOn: d("2026-03-31"), publishedAt: null })?.id).toBe("mar-b");
  });
  it("is none for the first published round", () => {
    expect(prev("jan")).toBeUndefined();
    expect(previousPublished([], { id: "x", assessedOn: d("2026-01-01"), publishedAt: null })).toBeUndefined();
  });
  it("does not depend on the order the rounds are given in", () => {
    const shuffled = [...rounds].reverse();
    expect(previousPublished(shuffled, rounds[4])?.id).toBe("mar-b");
    expect(previousPublished(shuffled, rounds[3])?.id).toBe("mar-a");
  });
});
