import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { fileTypeFromFile } from "file-type";
import { maxUploadBytes, tooLargeMessage } from "@/lib/uploads/limits";

/** Where attached files live (outside the web root); served only through /api/sources/[id]/file. */
export function uploadDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR ?? ".data/uploads");
}

/** What may be attached, by the file's real content (not its name). */
export const ACCEPTED: Record<string, { ext: string[]; label: string }> = {
  "application/pdf": { ext: ["pdf"], label: "PDF" },
  "image/png": { ext: ["png"], label: "PNG image" },
  "image/jpeg": { ext: ["jpg", "jpeg"], label: "JPEG image" },
  "image/webp": { ext: ["webp"], label: "WebP image" },
  "image/gif": { ext: ["gif"], label: "GIF image" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { ext: ["docx"], label: "Word document" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { ext: ["xlsx"], label: "Excel workbook" },
  "application/vnd.oasis.opendocument.text": { ext: ["odt"], label: "OpenDocument text" },
  "text/plain": { ext: ["txt", "csv", "md"], label: "text file" },
};

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  contentType: string;
}

async function looksLikeText(file: string): Promise<boolean> {
  const fh = await open(/*turbopackIgnore: true*/ file, "r");
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.includes(0)) return false;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytesRead === buf.length ? head.subarray(0, bytesRead - 4) : head);
      return true;
    } catch {
      return false;
    }
  } finally {
    await fh.close();
  }
}

const INTERRUPTED = "The upload stopped before the whole file arrived, so nothing was stored. Please try again.";

/**
 * Streams an upload to disk (never whole in memory), stopping at the size limit, records its
 * SHA-256, and keeps it only if it is whole (as many bytes as the sender declared, and the
 * fingerprint the browser computed) and its content is an accepted type matching its name.
 */
export async function storeUpload(
  body: ReadableStream<Uint8Array>,
  fileName: string,
  opts: { limit?: number; accepted?: Record<string, { ext: string[]; label: string }>; expected?: string; declaredSize?: number | null; sha256?: string | null } = {},
): Promise<StoredFile> {
  const dir = uploadDir();
  const tmpDir = path.join(dir, "tmp");
  await mkdir(/*turbopackIgnore: true*/ tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomUUID());
  const limit = opts.limit ?? maxUploadBytes();
  const acceptedTypes = opts.accepted ?? ACCEPTED;
  const hash = createHash("sha256");
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(/*turbopackIgnore: true*/ tmp, { mode: 0o600 });
      const input = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
      input.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          input.destroy();
          out.destroy();
          reject(new UploadError(tooLargeMessage(limit), 413));
          return;
        }
        hash.update(chunk);
      });
      input.on("error", () => reject(new UploadError(INTERRUPTED, 400)));
      out.on("error", (e: NodeJS.ErrnoException) =>
        reject(e.code === "ENOSPC" || e.code === "EDQUOT" ? new UploadError("The server has no room left to store this file, so nothing was stored. Tell your administrator.", 507) : e),
      );
      out.on("finish", () => resolve());
      input.pipe(out);
    });
    if (opts.declaredSize != null && size !== opts.declaredSize) {
      throw new UploadError(`Only ${size.toLocaleString("en")} of the ${opts.declaredSize.toLocaleString("en")} bytes sent arrived, so nothing was stored. Please try again.`, 400);
    }
    if (size === 0) throw new UploadError("The file is empty.", 400);
    const sha256 = hash.digest("hex");
    if (opts.sha256 && opts.sha256 !== sha256) {
      throw new UploadError("The file that arrived is not the file that was sent (its SHA-256 fingerprint differs), so nothing was stored. Please try again.", 422);
    }
    const detected = await fileTypeFromFile(/*turbopackIgnore: true*/ tmp);
    const contentType = detected?.mime ?? ((await looksLikeText(tmp)) ? "text/plain" : "application/octet-stream");
    const accepted = acceptedTypes[contentType];
    if (!accepted) {
      throw new UploadError(
        `This file's content is ${detected ? `a .${detected.ext} file` : "not a type we recognise"}; ${opts.expected ?? "attach a PDF, an image, a Word, Excel or OpenDocument file, or a text file"}.`,
        415,
      );
    }
    const ext = path.extname(fileName).slice(1).toLowerCase();
    if (ext && !accepted.ext.includes(ext)) {
      throw new UploadError(`The file is named .${ext} but its content is a ${accepted.label}. Rename it or attach the right file.`, 415);
    }
    const key = path.join(sha256.slice(0, 2), `${randomUUID()}`);
    await mkdir(path.join(/*turbopackIgnore: true*/ dir, sha256.slice(0, 2)), { recursive: true });
    await rename(/*turbopackIgnore: true*/ tmp, path.join(/*turbopackIgnore: true*/ dir, key));
    return { key, size, sha256, contentType };
  } finally {
    await rm(/*turbopackIgnore: true*/ tmp, { force: true });
  }
}

export async function openStoredFile(key: string) {
  const full = path.resolve(uploadDir(), key);
  if (!full.startsWith(uploadDir() + path.sep)) throw new UploadError("Not found.", 404);
  const info = await stat(/*turbopackIgnore: true*/ full).catch(() => null);
  if (!info) throw new UploadError("The file is missing from storage.", 404);
  return { size: info.size, stream: Readable.toWeb(createReadStream(/*turbopackIgnore: true*/ full)) as ReadableStream<Uint8Array> };
}
