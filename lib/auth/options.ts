import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { signInWithPassword } from "./sign-in";
import { authRedirect } from "./callback-url";
import { requestClientAddress } from "./client-address";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

function header(req: { headers?: Record<string, unknown> } | undefined, name: string): string | null {
  const v = req?.headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : null;
}

export const authOptions: NextAuthOptions = {
  // JWT sessions carrying the user id and the AuthSession id only; roles are read per request.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Code", type: "text" } },
      async authorize(credentials, req) {
        // The connection's address, or the one trusted proxies saw (TRUSTED_PROXIES): never what
        // the client wrote in X-Forwarded-For, which once let it escape the per-address limit.
        const ip = requestClientAddress(header(req, "x-forwarded-for"));
        const outcome = await signInWithPassword(credentials, { ip, userAgent: header(req, "user-agent") });
        if (!outcome.ok) {
          // next-auth passes this text to the client as the error code.
          throw new Error(outcome.error === "LOCKED" ? `LOCKED:${outcome.minutes}` : outcome.error);
        }
        return { id: outcome.userId, sid: outcome.sessionId };
      },
    }),
  ],
  callbacks: {
    // Only a path on this site is followed after sign-in or sign-out (lib/auth/callback-url.ts).
    redirect: authRedirect,
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (user as { sid?: string }).sid;
        delete token.email;
        delete token.name;
        delete token.picture;
      }
      return token;
    },
    async session({ session, token }) {
      return { expires: session.expires, uid: token.uid as string, sid: token.sid as string } as unknown as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      const sid = token?.sid as string | undefined;
      const uid = token?.uid as string | undefined;
      if (!sid || !uid) return;
      await db.authSession.updateMany({ where: { id: sid, userId: uid, revokedAt: null }, data: { revokedAt: new Date() } });
      await writeAudit(db, { userId: uid, organisationId: null, action: "auth.sign_out", entityType: "User", entityId: uid });
    },
  },
};
