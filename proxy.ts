import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { buildCsp, newNonce } from "@/lib/security/csp";

// First line of defence only: every page, action and route checks the session itself
// (lib/auth/current-user.ts, lib/auth/action.ts). Here: a per-request CSP nonce and security
// headers on every response, and signed-out visitors sent to the sign-in page. The partner API
// (/api/v1) is called with a token, never a session cookie: its routes check the token themselves
// (lib/api/partner.ts) and answer 401, so it is let through here (headers still added).
const PUBLIC = [/^\/signin(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/v1(\/|$)/, /^\/no-organisation(\/|$)/, /^\/invite\/[\w-]+$/, /^\/maps\/(world|mercator)\.svg$/];

function withSecurityHeaders(req: NextRequest) {
  const nonce = newNonce();
  const https = req.headers.get("x-forwarded-proto") === "https" || req.nextUrl.protocol === "https:";
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV !== "production", https });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp); // Next.js reads the nonce for its own scripts from here
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  if (https) res.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return res;
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (!PUBLIC.some((p) => p.test(pathname))) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const url = new URL("/signin", req.url);
      url.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(url);
    }
  }
  return withSecurityHeaders(req);
}

// Left out: static files, and the routes that take files as request bodies (an event import, a
// source's attachment, a backup to restore). A request the proxy runs for is buffered by Next.js
// and silently cut at 10 MB; those routes stream their bodies themselves, check the session
// themselves (lib/api/caller.ts), and a file download keeps its own Content-Security-Policy.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/imports$|api/backup$|api/sources/[^/]+/file$).*)"],
};
