// Which address a request comes from, for the per-address sign-in limit and the audit log.
// Not server-only: pure, so unit tests and scripts can use it.
import { BlockList, isIP } from "node:net";

/**
 * Who may write X-Forwarded-For entries that are believed: the last `hops` entries' writers (a
 * count of proxies in front of the app), or proxies at these addresses and ranges.
 */
export type TrustedProxies = { hops: number } | { ranges: BlockList };

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** One X-Forwarded-For entry as a plain address (proxies add quotes, brackets and ports), or null. */
function address(entry: string): string | null {
  let a = entry.trim().replace(/^"(.*)"$/, "$1");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(MAPPED_V4, "$1");
  return isIP(a) ? a.toLowerCase() : null;
}

/**
 * Reads `TRUSTED_PROXIES`: empty for none (X-Forwarded-For is then ignored: only the connection
 * counts), a hop count such as `1`, or a comma-separated list of addresses and CIDR ranges.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "") return { hops: 0 };
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const ranges = new BlockList();
  for (const item of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [raw, prefix, ...rest] = item.split("/");
    const a = address(raw);
    const family = a && isIP(a) === 6 ? "ipv6" : "ipv4";
    const bits = prefix === undefined ? null : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
    if (!a || rest.length || (bits !== null && !(bits <= (family === "ipv6" ? 128 : 32)))) {
      throw new Error(`TRUSTED_PROXIES: "${item}" is neither an address nor a range such as 10.0.0.0/8. Give a number of proxies (e.g. 1) or addresses and ranges separated by commas.`);
    }
    if (bits === null) ranges.addAddress(a, family);
    else ranges.addSubnet(a, bits, family);
  }
  return { ranges };
}

/**
 * The client's address from an X-Forwarded-For whose last entry is the connection's own address
 * (scripts/socket-address.mjs makes it so). Entries are read from the right, past the trusted
 * proxies only, so whatever a client writes on the left is never taken:
 * - `{ hops: n }`: the entry n places from the right (0: the connection itself); the left-most
 *   when there are fewer entries;
 * - `{ ranges }`: the right-most entry that is not a trusted proxy (the left-most if all are).
 * Null when the chosen entry is not an address.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, trusted: TrustedProxies): string | null {
  const entries = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  if ("hops" in trusted) return address(entries[Math.max(0, entries.length - 1 - trusted.hops)]);
  for (let i = entries.length - 1; i >= 0; i--) {
    const a = address(entries[i]);
    if (a === null) return null;
    if (!trusted.ranges.check(a, isIP(a) === 6 ? "ipv6" : "ipv4")) return a;
  }
  return address(entries[0]);
}

const SOCKET_ADDRESS_APPENDED = Symbol.for("atrocity-early-warning.socket-address-appended");
let warned = false;
let cached: { value: string | undefined; trusted: TrustedProxies } | null = null;

function trustedFromEnv(): TrustedProxies {
  const value = process.env.TRUSTED_PROXIES;
  if (!cached || cached.value !== value) {
    let trusted: TrustedProxies;
    try {
      trusted = parseTrustedProxies(value);
    } catch (e) {
      console.error(`${(e as Error).message} Trusting no proxy until it is corrected.`);
      trusted = { hops: 0 };
    }
    cached = { value, trusted };
  }
  return cached.trusted;
}

/**
 * The client's address for a request's X-Forwarded-For, with `TRUSTED_PROXIES` from the
 * environment; null (no per-address limit, no address in the audit log) when the server was
 * started without scripts/socket-address.mjs, because then the header may be all the client's.
 */
export function requestClientAddress(forwardedFor: string | null | undefined): string | null {
  if (!(globalThis as Record<symbol, unknown>)[SOCKET_ADDRESS_APPENDED]) {
    if (!warned) {
      warned = true;
      console.warn("Client addresses are unknown: start the app with `npm start` (it loads scripts/socket-address.mjs). Sign-in is limited per account only.");
    }
    return null;
  }
  return clientAddressFrom(forwardedFor, trustedFromEnv());
}
