// Loaded into every server process by `npm start` / `npm run dev` (node --import), beside
// socket-address.mjs: sets how long a request may take (REQUEST_TIMEOUT_SECONDS) on each server the
// process starts, before it listens.
//
// Why: neither `next start` (16.4) nor scripts/next-cluster.mjs sets Node's `server.requestTimeout`,
// so Node's default cut a request whose body had not wholly arrived after 300 s with 408: an import
// or attachment uploaded at the browser's speed, through a proxy that streams it, failed after five
// minutes (a 2 GiB file needs ~57 Mbit/s to arrive in time). The body's limit is now an hour unless
// set (0: none), while the headers must still come within 60 s, so a client that trickles its
// headers (slowloris) still holds a connection no longer than Node's default lets it.
import http from "node:http";
import https from "node:https";

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 3600;
export const HEADERS_TIMEOUT_MS = 60_000;
const APPLIED = Symbol.for("atrocity-early-warning.server-timeouts-applied");

/**
 * The timeouts, in milliseconds, from REQUEST_TIMEOUT_SECONDS. Throws, naming the variable, for
 * anything but a number of seconds of 0 or more.
 * @param {Record<string, string | undefined>} env
 * @returns {{ requestTimeout: number, headersTimeout: number }}
 */
export function serverTimeouts(env = process.env) {
  const raw = (env.REQUEST_TIMEOUT_SECONDS ?? "").trim();
  let seconds = DEFAULT_REQUEST_TIMEOUT_SECONDS;
  if (raw !== "") {
    seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(seconds)) {
      throw new Error(`REQUEST_TIMEOUT_SECONDS must be a number of seconds (0 for no limit), not "${raw}".`);
    }
  }
  const requestTimeout = Math.round(seconds * 1000);
  // Node refuses headers allowed longer than the whole request; a short request limit bounds them too.
  const headersTimeout = requestTimeout > 0 ? Math.min(HEADERS_TIMEOUT_MS, requestTimeout) : HEADERS_TIMEOUT_MS;
  return { requestTimeout, headersTimeout };
}

/**
 * Sets the timeouts on one server (once: `listen` below leaves a server set up here as it is). Node reads both at each check of its connections (every
 * `connectionsCheckingInterval`, 30 s by default), so setting them after the server was made works.
 * @param {http.Server} server
 * @param {Record<string, string | undefined>} env
 */
export function applyServerTimeouts(server, env = process.env) {
  const { requestTimeout, headersTimeout } = serverTimeouts(env);
  server.requestTimeout = requestTimeout;
  server.headersTimeout = headersTimeout;
  server[APPLIED] = true;
}

for (const Server of [http.Server, https.Server]) {
  const listen = Server.prototype.listen;
  if (listen[APPLIED]) continue;
  /** @this {http.Server} */
  const patched = function (...args) {
    if (!this[APPLIED]) applyServerTimeouts(this);
    return listen.apply(this, args);
  };
  patched[APPLIED] = true;
  Server.prototype.listen = patched;
}
