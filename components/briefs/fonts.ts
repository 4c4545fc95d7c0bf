import "server-only";
// The fonts of the PDF briefs, and the text they can draw.
import path from "node:path";
import * as fontkit from "fontkit";

// Noto Sans (Latin, Greek, Cyrillic, Vietnamese, Devanagari), then the Noto Sans of each other
// script the names of places, actors and sources in our situations come in: Arabic and Hebrew
// (right to left), Ge'ez (Amharic, Tigrinya), Armenian, Georgian, Bengali, Tamil, Sinhala and Thai.
// Each letter is drawn in the first of these fonts that has it (the PDF's built-in Helvetica has
// Western European letters only: a place, actor or source in Ukrainian or Arabic came out as
// gibberish). Only the letters used are embedded in each PDF. Not covered: Burmese and Khmer
// (fontkit, which lays out the PDF's text, draws Burmese's medial ra after its consonant instead of
// around it, a misspelling, and fails on Noto Sans Khmer's mark positions), and Chinese, Japanese
// and Korean (10-20 MB fonts). The printable brief, laid out by the browser, prints them all.
const FONTS = path.join(process.cwd(), "node_modules", "@expo-google-fonts");
export const SCRIPT_FONTS: [family: string, pkg: string, file: string][] = [
  ["Noto Sans", "noto-sans", "NotoSans"],
  ["Noto Sans Arabic", "noto-sans-arabic", "NotoSansArabic"],
  ["Noto Sans Hebrew", "noto-sans-hebrew", "NotoSansHebrew"],
  ["Noto Sans Ethiopic", "noto-sans-ethiopic", "NotoSansEthiopic"],
  ["Noto Sans Armenian", "noto-sans-armenian", "NotoSansArmenian"],
  ["Noto Sans Georgian", "noto-sans-georgian", "NotoSansGeorgian"],
  ["Noto Sans Bengali", "noto-sans-bengali", "NotoSansBengali"],
  ["Noto Sans Tamil", "noto-sans-tamil", "NotoSansTamil"],
  ["Noto Sans Sinhala", "noto-sans-sinhala", "NotoSansSinhala"],
  ["Noto Sans Thai", "noto-sans-thai", "NotoSansThai"],
];
export const ttf = (pkg: string, name: string, weight: string) => path.join(FONTS, pkg, weight, `${name}_${weight}.ttf`);

let covers: ((codePoint: number) => boolean) | undefined;

/** Whether one of the fonts has a letter for `codePoint` (the fonts are read once, the answers kept). */
function covered(codePoint: number): boolean {
  if (!covers) {
    const fonts = SCRIPT_FONTS.map(([, pkg, file]) => fontkit.openSync(ttf(pkg, file, "400Regular")) as fontkit.Font);
    const known = new Map<number, boolean>();
    covers = (cp) => {
      let has = known.get(cp);
      if (has === undefined) known.set(cp, (has = fonts.some((f) => f.hasGlyphForCodePoint(cp))));
      return has;
    };
  }
  return covers(codePoint);
}

/**
 * Text as the PDF can print it: a run of letters none of its fonts has (Burmese, Khmer, Chinese...)
 * becomes "[…]". Left as they are, they came out as other, unrelated letters drawn over each other.
 */
export function printable(text: string): string {
  let out = "";
  let gap = false;
  for (const ch of text) {
    const missing = !/[\s\p{Cc}\p{Cf}]/u.test(ch) && !covered(ch.codePointAt(0)!);
    if (missing) {
      if (!gap) out += "[…]";
      gap = true;
    } else if (gap && /\p{Cf}/u.test(ch)) {
      continue; // a joiner inside the run
    } else {
      out += ch;
      gap = false;
    }
  }
  return out;
}

/** Every text in `value` (plain objects and arrays, walked) made printable(); dates and numbers as they are. */
export function printableAll<T>(value: T): T {
  if (typeof value === "string") return printable(value) as T;
  if (Array.isArray(value)) return value.map(printableAll) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableAll(v)])) as T;
  }
  return value;
}
