// How much a person may send in one file, by kind. Bodies never pass through the proxy (proxy.ts
// leaves the upload routes out), so these are the only limits, and each is stated out loud.
import { fileSize } from "@/lib/format";

const GiB = 1024 * 1024 * 1024;
const MiB = 1024 * 1024;

function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a whole number of bytes greater than 0 (it is "${raw}").`);
  return n;
}

/** Event imports: a whole country's ACLED history, or more, in one file. */
export const maxImportBytes = () => fromEnv("IMPORT_MAX_BYTES", 2 * GiB);
/** An organisation's logo (PNG or JPEG) on its briefs: fixed, a logo needs no more. */
export const LOGO_MAX_BYTES = 2 * MiB;
/** Files attached to sources, video evidence included. */
export const maxUploadBytes = () => fromEnv("UPLOAD_MAX_BYTES", 250 * MiB);

/** "The file is larger than 250 MB, the most we accept." */
export function tooLargeMessage(limit: number): string {
  return `The file is larger than ${fileSize(limit)}, the most we accept.`;
}
