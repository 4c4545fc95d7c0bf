// The proxy (proxy.ts) in front of the partner API: /api/v1 is called with a token, never a
// session cookie, so it must reach its routes (which answer 401 themselves) instead of being sent
// to the sign-in page; the security headers are still added. Pages without a session still are.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { config, proxy } from "@/proxy";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-enough-length-for-next-auth";
});

const matched = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe("the proxy and the partner API", () => {
  it.each(["/api/v1/situations", "/api/v1/events?from=2026-01-01", "/api/v1/events.csv", "/api/v1/openapi.json"])("%s: let through without a session, with the security headers", async (path) => {
    expect(matched(path.split("?")[0])).toBe(true);
    const res = await proxy(new NextRequest(`http://localhost${path}`, { headers: { authorization: "Bearer aew_x" } }));
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.get("content-security-policy")).toContain("default-src");
  });

  it("a page without a session is still sent to sign-in (also with a Bearer header)", async () => {
    const res = await proxy(new NextRequest("http://localhost/situations", { headers: { authorization: "Bearer aew_x" } }));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location")!).pathname).toBe("/signin");
  });

  it("a path that only starts like the API is not let through", async () => {
    const res = await proxy(new NextRequest("http://localhost/api/v1x/situations"));
    expect(res.status).toBe(307);
  });
});
