import { describe, expect, it } from "vitest";
import { fitWithin, imageSize } from "@/lib/briefs/image-size";

// A 1 x 1 PNG; a JPEG's markers up to its start of frame (APP0, then SOF0 of 300 x 120).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x01, 0x2c, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
]);

describe("a logo's size, for the briefs", () => {
  it("is read from a PNG's and a JPEG's header, and not from anything else", () => {
    expect(imageSize(PNG, "image/png")).toEqual({ width: 1, height: 1 });
    expect(imageSize(JPEG, "image/jpeg")).toEqual({ width: 300, height: 120 });
    expect(imageSize(JPEG.subarray(0, 20), "image/jpeg")).toBeNull();
    expect(imageSize(PNG.subarray(0, 20), "image/png")).toBeNull();
    expect(imageSize(JPEG, "image/png")).toBeNull();
    expect(imageSize(PNG, "image/gif")).toBeNull();
  });

  it("fits within a box keeping its proportions, never enlarged", () => {
    expect(fitWithin({ width: 300, height: 120 }, { width: 240, height: 80 })).toEqual({ width: 200, height: 80 });
    expect(fitWithin({ width: 1000, height: 100 }, { width: 240, height: 80 })).toEqual({ width: 240, height: 24 });
    expect(fitWithin({ width: 1, height: 1 }, { width: 240, height: 80 })).toEqual({ width: 1, height: 1 });
  });
});
