// Telling "the database is not there" (stopped, restarting, unreachable) from other failures, so a
// person is told that nothing was saved and to try again, rather than "something went wrong".

const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03"]);

/** True when `e` (from Prisma, its adapter or node-postgres) says the database could not be reached or went away. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && typeof x === "object" && depth < 5; depth++) {
    const err = x as { code?: unknown; kind?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } }; cause?: unknown; message?: unknown };
    if (typeof err.code === "string" && (UNAVAILABLE_CODES.has(err.code) || err.code.startsWith("08"))) return true;
    if (typeof err.kind === "string" && UNAVAILABLE_KINDS.has(err.kind)) return true;
    const adapter = err.meta?.driverAdapterError?.cause;
    if (adapter && typeof adapter.kind === "string" && UNAVAILABLE_KINDS.has(adapter.kind)) return true;
    if (adapter && typeof adapter.originalCode === "string" && (UNAVAILABLE_CODES.has(adapter.originalCode) || adapter.originalCode.startsWith("08"))) return true;
    if (typeof err.message === "string" && /Connection terminated|terminating connection due to administrator command|the database system is (shutting down|starting up)/i.test(err.message)) return true;
    x = err.cause;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_SAVE = "The database could not be reached, so nothing was saved. What you typed is still here: try again in a moment.";
