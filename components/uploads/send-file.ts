// Sends one file as a request body, the way every upload in the app does: first its SHA-256 is
// computed here, reading the file in slices (a 2 GB file is never whole in memory), then the file
// is sent with its name (X-File-Name) and that fingerprint (X-Content-SHA256), so the server keeps
// it only if exactly this file arrived. XMLHttpRequest, for the upload's progress. The hash is
// @noble/hashes' plain JavaScript SHA-256 (no WebAssembly, which the page's CSP does not allow).
import { sha256 as sha256Hasher } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

const SLICE = 8 * 1024 * 1024;

export type UploadPhase = "fingerprint" | "upload";

export async function fileSha256(file: Blob, onProgress?: (percent: number) => void): Promise<string> {
  const hasher = sha256Hasher.create();
  for (let at = 0; at < file.size; at += SLICE) {
    hasher.update(new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer()));
    onProgress?.(Math.round((100 * Math.min(at + SLICE, file.size)) / file.size));
  }
  return bytesToHex(hasher.digest());
}

export interface SendFileResult {
  status: number;
  /** The server's JSON answer ({} when it was not JSON). */
  body: { ok?: boolean; id?: string; message?: string; [key: string]: unknown };
  /** True when the connection failed before any answer came. */
  interrupted: boolean;
}

export async function sendFile(opts: { method: "POST" | "PUT"; url: string; file: File; contentType?: string; onProgress: (phase: UploadPhase, percent: number) => void }): Promise<SendFileResult> {
  const { file, onProgress } = opts;
  onProgress("fingerprint", 0);
  const sha256 = await fileSha256(file, (p) => onProgress("fingerprint", p));
  onProgress("upload", 0);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(opts.method, opts.url);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("X-Content-SHA256", sha256);
    if (opts.contentType) xhr.setRequestHeader("Content-Type", opts.contentType);
    xhr.upload.onprogress = (ev) => ev.lengthComputable && onProgress("upload", Math.round((100 * ev.loaded) / ev.total));
    xhr.onload = () => {
      let body: SendFileResult["body"] = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      resolve({ status: xhr.status, body, interrupted: false });
    };
    xhr.onerror = () => resolve({ status: 0, body: {}, interrupted: true });
    xhr.send(file);
  });
}

/** "Checking the file's fingerprint: 40%" / "Uploading: 40%". */
export function progressLabel(phase: UploadPhase, percent: number): string {
  return phase === "fingerprint" ? `Reading the file to take its fingerprint: ${percent}%` : `Uploading: ${percent}%`;
}
