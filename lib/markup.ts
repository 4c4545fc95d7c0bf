// Large, repetitive, read-only SVG (the maps' countries and dots) written as one string instead of
// thousands of React elements: React renders each element twice on the server (its payload, then
// HTML), which made such a map the most expensive part of the event pages. Every value that goes
// into the string passes through escapeXml.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
