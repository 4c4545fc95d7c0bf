import { z } from "zod";
import { isoDateOrEmpty, todayIso } from "@/lib/format";
import { DATE_RULES, optionalDateField } from "@/lib/forms/dates";

export const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;

/** The Admiralty grading analysts know: how reliable the source is, how credible the information. */
export const RELIABILITY_LABELS: Record<(typeof RELIABILITY)[number], string> = {
  A: "A: completely reliable",
  B: "B: usually reliable",
  C: "C: fairly reliable",
  D: "D: not usually reliable",
  E: "E: unreliable",
  F: "F: reliability cannot be judged",
};
export const CREDIBILITY_LABELS: Record<number, string> = {
  1: "1: confirmed by other sources",
  2: "2: probably true",
  3: "3: possibly true",
  4: "4: doubtful",
  5: "5: improbable",
  6: "6: truth cannot be judged",
};

/** UN document symbols such as S/RES/1593 (2005), A/HRC/RES/54/2, A/70/741-S/2016/71. */
export const UN_SYMBOL = /^(?:[A-Z]{1,6}\/)+[A-Z0-9.\-/]*[A-Z0-9](?:\s*\(\d{4}\))?$/;

export function isHttpUrl(v: string) {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname && v.length <= 2000;
  } catch {
    return false;
  }
}

export const sourceInputSchema = z
  .object({
    title: z.string().trim().min(3, "Give the source a title (3 characters or more).").max(500, "The title is too long (at most 500 characters)."),
    publisher: z.string().trim().max(300, "The publisher is too long (at most 300 characters)."),
    author: z.string().trim().max(300, "The author is too long (at most 300 characters)."),
    url: z.string().trim().refine((v) => v === "" || isHttpUrl(v), "Enter a web address starting with https:// or http://."),
    unSymbol: z
      .string()
      .trim()
      .max(100)
      .refine((v) => v === "" || UN_SYMBOL.test(v), "Enter a UN document symbol such as S/RES/1593 (2005) or A/HRC/RES/54/2."),
    publishedOn: optionalDateField(DATE_RULES.publishedOn),
    accessedOn: optionalDateField(DATE_RULES.accessedOn),
    reliability: z.enum(RELIABILITY, { message: "Choose a reliability grade (A-F)." }),
    credibility: z.coerce.number<number>().int().min(1, "Choose a credibility grade (1-6).").max(6, "Choose a credibility grade (1-6)."),
    notes: z.string().trim().max(5000, "The notes are too long (at most 5,000 characters)."),
  })
  .superRefine((s, ctx) => {
    if (s.publishedOn && s.accessedOn && s.accessedOn < s.publishedOn) {
      ctx.addIssue({ code: "custom", path: ["accessedOn"], message: "The access date is before the publication date." });
    }
  });
export type SourceInput = z.infer<typeof sourceInputSchema>;

/** A stored source as the form's values (the edit form, and what a conflict compares with). */
export function toSourceInput(s: {
  title: string;
  publisher: string;
  author: string;
  url: string | null;
  unSymbol: string | null;
  publishedOn: Date | null;
  accessedOn: Date | null;
  reliability: SourceInput["reliability"];
  credibility: number;
  notes: string;
}): SourceInput {
  return {
    title: s.title,
    publisher: s.publisher,
    author: s.author,
    url: s.url ?? "",
    unSymbol: s.unSymbol ?? "",
    publishedOn: isoDateOrEmpty(s.publishedOn),
    accessedOn: isoDateOrEmpty(s.accessedOn),
    reliability: s.reliability,
    credibility: s.credibility as SourceInput["credibility"],
    notes: s.notes,
  };
}

export const updateSourceSchema = z.object({ id: z.string().min(1).max(40), version: z.number().int().positive(), data: sourceInputSchema });
export const sourceRefSchema = z.object({ id: z.string().min(1).max(40), version: z.number().int().positive() });
export const sourceSearchSchema = z.object({ q: z.string().trim().max(200) });

export function emptySourceInput(): SourceInput {
  return { title: "", publisher: "", author: "", url: "", unSymbol: "", publishedOn: "", accessedOn: todayIso(), reliability: "F", credibility: 6, notes: "" };
}
