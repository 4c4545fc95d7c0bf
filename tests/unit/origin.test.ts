import { describe, expect, it } from "vitest";
import { allowedOrigins, crossSiteRefusal, sameOrigin } from "@/lib/api/origin";

const req = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

describe("the same-origin check of state-changing API routes", () => {
  it("lets through a request from the app's own pages, by Host or by the proxy's X-Forwarded-Host", () => {
    expect(sameOrigin(req({ host: "tracker.example.org", origin: "https://tracker.example.org" }))).toBe(true);
    expect(sameOrigin(req({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(sameOrigin(req({ host: "127.0.0.1:3000", "x-forwarded-host": "Tracker.Example.org, proxy.internal", origin: "https://tracker.example.org" }))).toBe(true);
    // Without Origin, the Referer's host is compared.
    expect(sameOrigin(req({ host: "tracker.example.org", referer: "https://tracker.example.org/exports" }))).toBe(true);
  });

  it("lets through a request with neither Origin nor Referer (not a browser page's: it carries no victim's cookies unasked)", () => {
    expect(sameOrigin(req({ host: "tracker.example.org" }))).toBe(true);
  });

  it("refuses another site, another port, a null origin and an unreadable one", () => {
    expect(sameOrigin(req({ host: "tracker.example.org", origin: "https://evil.example" }))).toBe(false);
    expect(sameOrigin(req({ host: "tracker.example.org", origin: "https://tracker.example.org.evil.example" }))).toBe(false);
    expect(sameOrigin(req({ host: "localhost:3000", origin: "http://localhost:4000" }))).toBe(false);
    expect(sameOrigin(req({ host: "tracker.example.org", origin: "null" }))).toBe(false);
    expect(sameOrigin(req({ host: "tracker.example.org", origin: "not a url" }))).toBe(false);
    expect(sameOrigin(req({ host: "tracker.example.org", referer: "https://evil.example/page" }))).toBe(false);
    // Origin wins over a matching Referer.
    expect(sameOrigin(req({ host: "tracker.example.org", origin: "https://evil.example", referer: "https://tracker.example.org/" }))).toBe(false);
    // Without Host or X-Forwarded-Host nothing can match.
    expect(sameOrigin(req({ origin: "https://tracker.example.org" }))).toBe(false);
  });

  it("lets through the origins the operator allows in ALLOWED_ORIGINS, subdomain patterns included", () => {
    const allowed = allowedOrigins(" admin.example.org , *.partners.example.org,*");
    expect(allowed).toEqual(["admin.example.org", "*.partners.example.org", "*"]);
    const from = (origin: string) => sameOrigin(req({ host: "tracker.example.org", origin }), allowed);
    expect(from("https://admin.example.org")).toBe(true);
    expect(from("https://a.partners.example.org")).toBe(true);
    expect(from("https://partners.example.org")).toBe(false);
    expect(from("https://a.b.partners.example.org")).toBe(false);
    // A bare "*" allows nothing.
    expect(from("https://evil.example")).toBe(false);
    expect(allowedOrigins(undefined)).toEqual([]);
  });

  it("answers a cross-site request 403 with a plain sentence", async () => {
    const res = crossSiteRefusal(req({ host: "tracker.example.org", origin: "https://evil.example" }));
    expect(res?.status).toBe(403);
    expect(await res?.json()).toEqual({ ok: false, message: "This request came from another site and was refused." });
    expect(crossSiteRefusal(req({ host: "tracker.example.org", origin: "https://tracker.example.org" }))).toBeNull();
  });
});
