import { afterEach, describe, expect, it } from "vitest";
import { maxImportBytes, maxUploadBytes, tooLargeMessage } from "@/lib/uploads/limits";

const saved = { ...process.env };
afterEach(() => {
  process.env.IMPORT_MAX_BYTES = saved.IMPORT_MAX_BYTES;
  process.env.UPLOAD_MAX_BYTES = saved.UPLOAD_MAX_BYTES;
  if (saved.IMPORT_MAX_BYTES === undefined) delete process.env.IMPORT_MAX_BYTES;
  if (saved.UPLOAD_MAX_BYTES === undefined) delete process.env.UPLOAD_MAX_BYTES;
});

describe("upload limits", () => {
  it("default to 2 GB for imports and 250 MB for attachments, said in those words", () => {
    delete process.env.IMPORT_MAX_BYTES;
    delete process.env.UPLOAD_MAX_BYTES;
    expect(maxImportBytes()).toBe(2 * 1024 ** 3);
    expect(maxUploadBytes()).toBe(250 * 1024 ** 2);
    expect(tooLargeMessage(maxImportBytes())).toBe("The file is larger than 2 GB, the most we accept.");
    expect(tooLargeMessage(maxUploadBytes())).toBe("The file is larger than 250 MB, the most we accept.");
  });

  it("take the operator's setting, and refuse a setting that is not a number of bytes", () => {
    process.env.IMPORT_MAX_BYTES = String(16 * 1024 ** 2);
    expect(maxImportBytes()).toBe(16 * 1024 ** 2);
    process.env.UPLOAD_MAX_BYTES = "25MB";
    expect(() => maxUploadBytes()).toThrow(/UPLOAD_MAX_BYTES must be a whole number of bytes/);
  });
});
