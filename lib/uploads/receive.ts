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

type Refusal = { ok: false; response: Response };
const refuse = (message: string, status = 400): Refusal => ({ ok: false, response: apiError(message, status) });

/**
 * Reads what any upload request says about its body, before a byte of it is read: its size
 * (Content-Length) and fingerprint (X-Content-SHA256). A size over `limit` is refused at once (413,
 * naming the limit), as is a malformed size or fingerprint.
 */
export function bodyHeaders(req: Request, limit: number, tooLargeHint = ""): { ok: true; value: Omit<UploadHeaders, "fileName"> } | Refusal {
  const length = req.headers.get("content-length");
  if (length !== null && !/^\d{1,16}$/.test(length)) return refuse("The request's Content-Length is not a number of bytes.");
  const declaredSize = length === null ? null : Number(length);
  if (declaredSize !== null && declaredSize > limit) return refuse(`${tooLargeMessage(limit)}${tooLargeHint ? ` ${tooLargeHint}` : ""}`, 413);
  const sha = req.headers.get("x-content-sha256");
  if (sha !== null && !/^[0-9a-fA-F]{64}$/.test(sha)) return refuse("The file's SHA-256 fingerprint (X-Content-SHA256) must be 64 hexadecimal characters.");
  if (!req.body) return refuse("No file was sent.");
  return { ok: true, value: { declaredSize, sha256: sha?.toLowerCase() ?? null } };
}

/** bodyHeaders, and the file's name (X-File-Name, percent-encoded UTF-8): a file upload's headers. */
export function uploadHeaders(req: Request, limit: number, tooLargeHint = ""): { ok: true; value: UploadHeaders } | Refusal {
  const body = bodyHeaders(req, limit, tooLargeHint);
  if (!body.ok) return body;
  let fileName: string;
  try {
    fileName = decodeURIComponent(req.headers.get("x-file-name") ?? "");
  } catch {
    return refuse("The file name is not valid (X-File-Name must be percent-encoded UTF-8).");
  }
  fileName = fileName.replace(/[\\/\0]/g, "_").slice(0, 255);
  if (!fileName) return refuse("The file needs a name.");
  return { ok: true, value: { ...body.value, fileName } };
}
