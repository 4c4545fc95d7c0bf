// The per-address sign-in limit and the audit log use the connection's address, not what the
// client writes in X-Forwarded-For (issue #26: 45 attempts with a rotating header were never
// locked, and the made-up addresses went into the audit log). Calls next-auth's own `authorize`.
import { afterEach, describe, expect, it } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { IP_LIMIT } from "@/lib/auth/rate-limit";
// What `npm start` loads into every server process: it appends the connection's address.
import { appendSocketAddress } from "@/scripts/socket-address.mjs";
import { PASSWORD, createUser, uid } from "../support/fixtures";

const authorize = (authOptions.providers[0] as unknown as { options: CredentialsConfig }).options.authorize;

/** A request as the app's server sees it after the preload: the client's header, then the connection. */
function request(forwardedFor: string | undefined, connection: string) {
  const req = { headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }, socket: { remoteAddress: connection } };
  appendSocketAddress(req as never);
  return { headers: { ...req.headers, "user-agent": "vitest" }, body: {}, query: {}, method: "POST" };
}

async function attempt(email: string, password: string, forwardedFor: string | undefined, connection: string) {
  try {
    return await authorize({ email, password, code: "" }, request(forwardedFor, connection) as never);
  } catch (e) {
    return (e as Error).message;
  }
}

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("the address a sign-in comes from", () => {
  it("is the connection's: a rotating X-Forwarded-For neither escapes the limit nor reaches the audit log", async () => {
    const connection = "203.0.113.7";
    const tag = uid();
    for (let i = 0; i < IP_LIMIT.max; i++) {
      // Unknown accounts, so only the per-address limit can lock.
      expect(await attempt(`nobody-${tag}-${i}@example.org`, "wrong", `6.6.${i}.${i}`, connection)).toBe("INVALID");
    }
    const user = await createUser({ email: `right-${tag}@example.org` });
    expect(await attempt(user.email, PASSWORD, "6.6.250.250", connection)).toMatch(/^LOCKED:/);

    const entries = await db.auditEntry.findMany({ where: { action: { in: ["auth.sign_in_failed", "auth.sign_in_locked"] }, meta: { path: ["email"], string_contains: tag } } });
    expect(entries).toHaveLength(IP_LIMIT.max + 1);
    expect(new Set(entries.map((e) => (e.meta as { ip: string }).ip))).toEqual(new Set([connection]));
    expect(await db.rateLimit.count({ where: { key: { startsWith: "ip:6.6." } } })).toBe(0);
  });

  it("is the one the trusted proxy saw when TRUSTED_PROXIES names it", async () => {
    const user = await createUser();
    process.env.TRUSTED_PROXIES = "1";
    expect(await attempt(user.email, PASSWORD, "6.6.6.6, 198.51.100.9", "10.0.0.2")).toMatchObject({ id: user.id });
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    expect(await attempt(user.email, PASSWORD, "6.6.6.6, 198.51.100.10, 10.0.0.3", "10.0.0.2")).toMatchObject({ id: user.id });
    const sessions = await db.authSession.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(sessions.map((s) => s.ip)).toEqual(["198.51.100.9", "198.51.100.10"]);
    const signIns = await db.auditEntry.findMany({ where: { userId: user.id, action: "auth.sign_in" }, orderBy: { id: "asc" } });
    expect(signIns.map((e) => (e.meta as { ip: string }).ip)).toEqual(["198.51.100.9", "198.51.100.10"]);
  });

  it("ignores X-Forwarded-For when no proxy is trusted", async () => {
    const user = await createUser();
    expect(await attempt(user.email, PASSWORD, "198.51.100.9", "203.0.113.8")).toMatchObject({ id: user.id });
    expect((await db.authSession.findFirstOrThrow({ where: { userId: user.id } })).ip).toBe("203.0.113.8");
  });
});
