import "server-only";
import { apiError } from "@/lib/api/caller";
import { tooLargeMessage } from "./limits";

export interface UploadHeaders {
  fileName: string;
  /** Content-Length, when the sender gave it: what arrives must be exactly this many bytes. */
  declaredSize: number | null;
  /** X-Content-SHA256, the fingerprint the browser computed: what arrives must have it. */
  sha256: string | null;
}

/**
 * Reads what an upload request says about its file, before a byte of it is read: a size over
 * `limit` is refused at once (413, naming the limit), as are a malformed size, fingerprint or name.
 */
export function uploadHeaders(req: Request, limit: number, tooLargeHint = ""): { ok: true; value: UploadHeaders } | { ok: false; response: Response } {
  const fail = (message: string, status = 400) => ({ ok: false as const, response: apiError(message, status) });
  const length = req.headers.get("content-length");
  if (length !== null && !/^\d{1,16}$/.test(length)) return fail("The request's Content-Length is not a number of bytes.");
  const declaredSize = length === null ? null : Number(length);
  if (declaredSize !== null && declaredSize > limit) return fail(`${tooLargeMessage(limit)}${tooLargeHint ? ` ${tooLargeHint}` : ""}`, 413);
  const sha = req.headers.get("x-content-sha256");
  if (sha !== null && !/^[0-9a-fA-F]{64}$/.test(sha)) return fail("The file's SHA-256 fingerprint (X-Content-SHA256) must be 64 hexadecimal characters.");
  let fileName: string;
  try {
    fileName = decodeURIComponent(req.headers.get("x-file-name") ?? "");
  } catch {
    return fail("The file name is not valid (X-File-Name must be percent-encoded UTF-8).");
  }
  fileName = fileName.replace(/[\\/\0]/g, "_").slice(0, 255);
  if (!fileName) return fail("The file needs a name.");
  if (!req.body) return fail("No file was sent.");
  return { ok: true, value: { fileName, declaredSize, sha256: sha?.toLowerCase() ?? null } };
}
