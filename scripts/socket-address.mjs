// Loaded into every server process by `npm start` / `npm run dev` (node --import): appends the
// connection's address to X-Forwarded-For, as a proxy does, before Next sees the request.
//
// Why: route handlers cannot see the socket, and Next (16.4, server/base-server.js) only sets
// `x-forwarded-for ??= socket.remoteAddress`, so a client that sends the header itself hides its
// address completely. With this, the last entry is always the connection's address, and
// lib/auth/client-address.ts picks the client's address from the right (TRUSTED_PROXIES says
// how many entries or which addresses before it to trust).
import http from "node:http";
import https from "node:https";

/** Set once this file runs in a process: only then is the last entry known to be the connection's. */
export const SOCKET_ADDRESS_APPENDED = Symbol.for("atrocity-early-warning.socket-address-appended");

/** @param {{ headers: Record<string, string | string[] | undefined>, socket?: { remoteAddress?: string } }} req */
export function appendSocketAddress(req) {
  const sent = req.headers["x-forwarded-for"];
  const entries = (Array.isArray(sent) ? sent : sent ? [sent] : []).filter((v) => v.trim() !== "");
  // An unknown socket address (a closed connection) still ends the list, so nothing sent is trusted.
  entries.push(req.socket?.remoteAddress ?? "unknown");
  req.headers["x-forwarded-for"] = entries.join(", ");
}

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  if (emit[SOCKET_ADDRESS_APPENDED]) continue;
  const patched = function (event, ...args) {
    if (event === "request") appendSocketAddress(args[0]);
    return emit.call(this, event, ...args);
  };
  patched[SOCKET_ADDRESS_APPENDED] = true;
  Server.prototype.emit = patched;
}
globalThis[SOCKET_ADDRESS_APPENDED] = true;
