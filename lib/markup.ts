// Large, repetitive, read-only markup (the maps' countries and dots, the rating tables of a round,
// the dashboard's heatmap) written as one string instead of thousands of React elements: React
// renders each element twice on the server (its payload, then HTML), at about 8 µs an element here,
// which made such tables and maps the most expensive part of their pages. Every value that goes
// into the string is escaped: by escapeXml, or by the `html` template, which escapes whatever it is
// given unless it is markup the template made itself.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Markup made by `html` (so already safe). */
export class Markup {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = Markup | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part instanceof Markup) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  if (part === null || part === undefined || part === false) return "";
  return escapeXml(part as string | number);
}

/**
 * html`<td>${text}</td>`: every value is escaped (strings, numbers, lists of them) except markup from
 * another html`...`; null, undefined and false write nothing. Attribute values must be in double quotes.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Markup(out);
}
