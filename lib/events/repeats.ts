// Ids repeated within one import file. The check reads every row once and remembers each id it has
// seen: the row it was first on and a 53-bit hash of what that row says (the row itself is not kept).
// A later row with the same id either says exactly the same (imported once, counted) or something
// else (listed; the analyst chooses to keep the first or the last row of every such id).
//
// Memory: one JS Map entry per distinct id (the id string and a small integer: 79 bytes per id,
// measured on Node 20 with 5 million ACLED-style ids such as "SDN123456"), plus 17 bytes in typed
// arrays (up to twice that while they grow). A 2 GB ACLED file holds about 4-5 million rows: up to
// about 500 MB for the length of the check, freed when it ends. The import keeps one Map entry per
// id too, and only when the check found repeats.
// The ids are kept whole rather than hashed so that two different ids can never be taken for one;
// doing it in SQL instead (a temporary table of id, row and hash) would keep the server's memory flat
// but write the whole file's ids to the database once more on every check. A Map holds at most 2^24
// entries, so the ids are spread over several Maps.

/** A repeated id, as the check lists it: its rows (the first MAX_REPEAT_ROWS), and whether they all say the same. */
export interface Repeat {
  /** The file's id; null for rows without one (known by their content, so always identical). */
  id: string | null;
  rows: number[];
  identical: boolean;
  /** Further rows of this id not listed. */
  more?: number;
}

export interface RepeatCounts {
  /** Ids found on more than one row. */
  repeatedIds: number;
  /** Later rows of ids whose rows all say the same: imported once. */
  identicalRepeatRows: number;
  /** Ids whose rows say different things: the analyst chooses which row to keep. */
  differingRepeatIds: number;
  /** Later rows of those ids. */
  differingRepeatRows: number;
}

/** Which row of an id whose rows differ is imported. */
export type KeepRepeats = "FIRST" | "LAST";

export const MAX_REPEATS_KEPT = 1000;
export const MAX_REPEAT_ROWS = 20;
const SHARDS = 16;

/**
 * A 53-bit hash of a row's content (its fields in order): two different rows share one with a
 * chance of about 1 in 2^53. cyrb53 (public domain) over the fields, each led by its length, so no
 * field's text can run into the next. Not a cryptographic hash: it tells rows apart, which is all
 * the check asks (about 0.5 µs per ACLED row, where building the row's JSON and hashing it with
 * SHA-1 took 3 µs, a quarter of the check's time).
 */
export function contentHash(fields: readonly unknown[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const field of fields) {
    const text = field === null || field === undefined ? "\u0000" : String(field);
    h1 = Math.imul(h1 ^ text.length, 2654435761);
    h2 = Math.imul(h2 ^ text.length, 1597334677);
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Spreads keys over several Maps (a Map holds at most 2^24 entries). */
class KeyMap {
  private shards: Map<string, number>[] = Array.from({ length: SHARDS }, () => new Map());
  private shard(key: string) {
    return this.shards[(key.charCodeAt(key.length - 1) ^ key.length) & (SHARDS - 1)];
  }
  get(key: string) {
    return this.shard(key).get(key);
  }
  set(key: string, value: number) {
    this.shard(key).set(key, value);
  }
}

export class RepeatTracker {
  private slots = new KeyMap();
  private size = 0;
  private firstRow = new Uint32Array(1024);
  private hash = new Float64Array(1024);
  private later = new Uint32Array(1024);
  private differs = new Uint8Array(1024);
  private listed = new Map<number, Repeat>();
  readonly counts: RepeatCounts = { repeatedIds: 0, identicalRepeatRows: 0, differingRepeatIds: 0, differingRepeatRows: 0 };
  readonly list: Repeat[] = [];

  /**
   * Notes a valid row by its import key (the file's id, or a key made from its content for rows
   * without one) and the hash of its content.
   */
  see(key: string, id: string | null, row: number, hash: number) {
    const slot = this.slots.get(key);
    if (slot === undefined) {
      if (this.size === this.firstRow.length) this.grow();
      this.firstRow[this.size] = row;
      this.hash[this.size] = hash;
      this.slots.set(key, this.size++);
      return;
    }
    const c = this.counts;
    const same = this.hash[slot] === hash;
    if (this.later[slot] === 0) c.repeatedIds++;
    if (!same && !this.differs[slot]) {
      // The id's rows so far were identical: they now count as differing.
      this.differs[slot] = 1;
      c.differingRepeatIds++;
      c.identicalRepeatRows -= this.later[slot];
      c.differingRepeatRows += this.later[slot];
    }
    this.later[slot]++;
    if (this.differs[slot]) c.differingRepeatRows++;
    else c.identicalRepeatRows++;

    let entry = this.listed.get(slot);
    if (!entry && this.list.length < MAX_REPEATS_KEPT) {
      entry = { id, rows: [this.firstRow[slot]], identical: true };
      this.list.push(entry);
      this.listed.set(slot, entry);
    }
    if (entry) {
      entry.identical = !this.differs[slot];
      if (entry.rows.length < MAX_REPEAT_ROWS) entry.rows.push(row);
      else entry.more = (entry.more ?? 0) + 1;
    }
  }

  private grow() {
    const n = this.firstRow.length * 2;
    const grown = <T extends Uint32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T) => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.firstRow = grown(this.firstRow, (k) => new Uint32Array(k));
    this.hash = grown(this.hash, (k) => new Float64Array(k));
    this.later = grown(this.later, (k) => new Uint32Array(k));
    this.differs = grown(this.differs, (k) => new Uint8Array(k));
  }
}

/**
 * Which rows of a file the import skips as repeats. FIRST: every row whose key came before. LAST:
 * every row whose key comes again later (`lastRows`, noted in a first reading of the file).
 */
export class RepeatFilter {
  private seen = new KeyMap();
  constructor(readonly keep: KeepRepeats) {}
  /** LAST: the first reading notes each key's row; the last one noted is the one kept. */
  noteRow(key: string, row: number) {
    this.seen.set(key, row);
  }
  /** True when this row is imported. */
  keepRow(key: string, row: number): boolean {
    if (this.keep === "LAST") return (this.seen.get(key) ?? row) === row;
    if (this.seen.get(key) !== undefined) return false;
    this.seen.set(key, row);
    return true;
  }
}
