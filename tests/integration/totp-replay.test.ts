// A two-factor code signs in once (issue #26: one 6-digit code signed in twice). The last time
// step accepted is kept per user, and a code of that step or an earlier one is refused.
import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { encryptSecret, newSecret } from "@/lib/auth/totp";
import { PASSWORD, createUser } from "../support/fixtures";

async function userWithTwoFactor() {
  const secret = newSecret();
  const user = await createUser();
  await db.user.update({ where: { id: user.id }, data: { totpSecret: encryptSecret(secret), totpEnabledAt: new Date() } });
  return { user, secret };
}
/** The code an authenticator app shows `offset` seconds from now. */
const codeAt = (secret: string, offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });

describe("two-factor codes", () => {
  it("sign in once: the same code, or an older one, is refused afterwards", async () => {
    const { user, secret } = await userWithTwoFactor();
    const code = await codeAt(secret, 0);
    const older = await codeAt(secret, -30);
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code })).toEqual({ ok: false, error: "CODE_INVALID" });
    if (older !== code) expect(await signInWithPassword({ email: user.email, password: PASSWORD, code: older })).toEqual({ ok: false, error: "CODE_INVALID" });
    const failures = await db.auditEntry.findMany({ where: { userId: user.id, action: "auth.sign_in_failed" } });
    expect(failures.map((f) => (f.meta as { reason: string }).reason)).toContain("wrong two-factor code");
    // The next code the app shows still works.
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code: await codeAt(secret, 30) })).toMatchObject({ ok: true });
  });

  it("sign in once even when the same code is sent twice at the same moment", async () => {
    const { user, secret } = await userWithTwoFactor();
    const code = await codeAt(secret, 0);
    const outcomes = await Promise.all([1, 2, 3].map(() => signInWithPassword({ email: user.email, password: PASSWORD, code })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(1);
  });
});
