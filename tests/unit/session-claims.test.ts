import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { getServerSession, type NextAuthOptions } from "next-auth";

// The request's cookies, as next/headers gives them to a page.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [...jar].map(([name, value]) => ({ name, value })), get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
  headers: async () => new Headers(jar.size ? { cookie: [...jar].map(([n, v]) => `${n}=${v}`).join("; ") } : {}),
}));

const { readSessionClaims } = await import("@/lib/auth/session");

const SECRET = "unit-test-secret-unit-test-secret-0123456789";
// next-auth's own reading of the cookie (its session request, with lib/auth/options.ts's session
// callback), to compare with: given the cookies directly, as next-auth's API-route form takes them.
const options: NextAuthOptions = {
  session: { strategy: "jwt" },
  providers: [],
  logger: { error: () => {}, warn: () => {}, debug: () => {} },
  callbacks: { session: async ({ session, token }) => ({ expires: session.expires, uid: token.uid, sid: token.sid }) as never },
};
async function nextAuthClaims() {
  const req = { headers: {}, cookies: Object.fromEntries(jar) };
  const res = { getHeader: () => undefined, setHeader: () => {} };
  const s = (await getServerSession(req as never, res as never, options)) as { uid?: string; sid?: string } | null;
  return s?.uid && s?.sid ? { uid: s.uid, sid: s.sid } : null;
}

/** The token with the first character of its ciphertext (the fourth part) changed: a whole 6 bits of it. */
function tamper(jwe: string) {
  const parts = jwe.split(".");
  parts[3] = (parts[3][0] === "A" ? "Q" : "A") + parts[3].slice(1);
  return parts.join(".");
}

describe("reading the session cookie", () => {
  const env = { ...process.env };
  beforeEach(() => {
    jar.clear();
    process.env.NEXTAUTH_SECRET = SECRET;
    process.env.NEXTAUTH_URL = "http://localhost:3000";
  });
  afterEach(() => {
    process.env = { ...env };
  });

  it("gives the user and session ids of a valid cookie, as next-auth does", async () => {
    jar.set("next-auth.session-token", await encode({ token: { uid: "u1", sid: "s1" }, secret: SECRET }));
    expect(await readSessionClaims()).toEqual({ uid: "u1", sid: "s1" });
    expect(await nextAuthClaims()).toEqual({ uid: "u1", sid: "s1" });
  });

  it("gives nothing for a missing, expired, foreign, tampered or incomplete cookie, as next-auth does", async () => {
    const cases: [string, string | null][] = [
      ["none", null],
      ["expired", await encode({ token: { uid: "u1", sid: "s1" }, secret: SECRET, maxAge: -3600 })],
      ["other secret", await encode({ token: { uid: "u1", sid: "s1" }, secret: "another-secret-another-secret-0123456789" })],
      ["tampered", tamper(await encode({ token: { uid: "u1", sid: "s1" }, secret: SECRET }))],
      ["no session id", await encode({ token: { uid: "u1" }, secret: SECRET })],
    ];
    for (const [name, token] of cases) {
      jar.clear();
      if (token) jar.set("next-auth.session-token", token);
      expect(await readSessionClaims(), name).toBeNull();
      expect(await nextAuthClaims(), name).toBeNull();
    }
  });

  it("reads the __Secure- cookie when the site is served over https, and only that one", async () => {
    process.env.NEXTAUTH_URL = "https://tracker.example.org";
    const token = await encode({ token: { uid: "u2", sid: "s2" }, secret: SECRET });
    jar.set("next-auth.session-token", token);
    expect(await readSessionClaims()).toBeNull();
    expect(await nextAuthClaims()).toBeNull();
    jar.set("__Secure-next-auth.session-token", token);
    expect(await readSessionClaims()).toEqual({ uid: "u2", sid: "s2" });
    expect(await nextAuthClaims()).toEqual({ uid: "u2", sid: "s2" });
  });
});
