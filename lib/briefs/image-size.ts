// The pixel size of a PNG or JPEG, read from its header (PNG's IHDR chunk; JPEG's start-of-frame
// marker), so a logo keeps its proportions on a brief. Pure; null for anything it cannot read.

export function imageSize(data: Uint8Array, type: string): { width: number; height: number } | null {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (type === "image/png") {
    if (b.length < 24 || b.toString("latin1", 12, 16) !== "IHDR") return null;
    const size = { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    return size.width > 0 && size.height > 0 ? size : null;
  }
  if (type === "image/jpeg") {
    let at = 2; // after the start-of-image marker FF D8
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1];
      if (marker === 0xff) {
        at++; // fill byte
        continue;
      }
      const length = b.readUInt16BE(at + 2);
      // Start of frame: C0-CF, except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const size = { width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5) };
        return size.width > 0 && size.height > 0 ? size : null;
      }
      at += 2 + length;
    }
  }
  return null;
}

/** A size within `max` (pixels) keeping the proportions; never enlarged. */
export function fitWithin(size: { width: number; height: number }, max: { width: number; height: number }) {
  const scale = Math.min(1, max.width / size.width, max.height / size.height);
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}
