// Cross-site request refusal for state-changing API routes, as Next does for server actions
// (next/dist/server/app-render/action-handler.js): the Origin header's host must be the host the
// request was sent to (the first X-Forwarded-Host when a proxy sets it, else Host), or one the
// operator allows in ALLOWED_ORIGINS (comma-separated hosts, "*.example.org" for subdomains, as
// `experimental.serverActions.allowedOrigins`). Without Origin, the Referer's host is compared.
// A request with neither is let through, as Next does: browsers send Origin with every POST, so
// such a request is not a browser's and cannot carry a victim's cookies against their will.
import { NextResponse } from "next/server";

export const CROSS_SITE_REFUSED = "This request came from another site and was refused.";

type HeaderSource = { headers: Headers };

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** "*.example.org" matches sub.example.org (one or more labels), never example.org itself or a bare "*". */
function matchesAllowed(host: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (!p || p === "*" || p === "**") return false;
  if (!p.includes("*")) return host === p;
  const [hostName, hostPort = ""] = host.split(":");
  const [patName, patPort = ""] = p.split(":");
  if (hostPort !== patPort) return false;
  const h = hostName.split(".");
  const parts = patName.split(".");
  if (parts.length === 1) return false;
  while (parts.length) {
    const part = parts.pop()!;
    if (part === "**") return h.length > 0;
    const label = h.pop();
    if (label === undefined) return false;
    if (part !== "*" && part !== label) return false;
  }
  return h.length === 0;
}

export function allowedOrigins(env: string | undefined = process.env.ALLOWED_ORIGINS): string[] {
  return (env ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** True when the request comes from the app's own pages (or from no browser page at all). */
export function sameOrigin(req: HeaderSource, allowed: string[] = allowedOrigins()): boolean {
  const origin = req.headers.get("origin");
  const referer = req.headers.get("referer");
  if (origin === null && !referer) return true;
  // "null" (a sandboxed frame, a file, a redirect across sites) or an unreadable address is foreign.
  const from = origin !== null ? hostOf(origin) : hostOf(referer!);
  if (!from) return false;
  const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim().toLowerCase();
  const host = req.headers.get("host")?.trim().toLowerCase();
  if (from === forwarded || from === host) return true;
  return allowed.some((a) => matchesAllowed(from, a));
}

/** The 403 answer for a cross-site request, or null when it may go on. */
export function crossSiteRefusal(req: HeaderSource): Response | null {
  // The shape of apiError (lib/api/caller.ts), written here so this module stays free of the session code.
  return sameOrigin(req) ? null : NextResponse.json({ ok: false, message: CROSS_SITE_REFUSED }, { status: 403 });
}
