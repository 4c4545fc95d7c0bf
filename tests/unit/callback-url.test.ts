import { describe, expect, it } from "vitest";
import { authRedirect, safeCallbackUrl } from "@/lib/auth/callback-url";

const ORIGIN = "https://tracker.example.org";

describe("where to go after sign-in", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackUrl("/situations?x=1#y", ORIGIN)).toBe("/situations?x=1#y");
    expect(safeCallbackUrl("/situations?risk=CURRENT_CRISIS")).toBe("/situations?risk=CURRENT_CRISIS");
    expect(safeCallbackUrl("/", ORIGIN)).toBe("/");
    expect(safeCallbackUrl("/admin/audit", ORIGIN)).toBe("/admin/audit");
  });

  it("reduces an absolute address on this site to its path", () => {
    expect(safeCallbackUrl(`${ORIGIN}/situations?x=1`, ORIGIN)).toBe("/situations?x=1");
  });

  it("sends anything else to the home page", () => {
    const attacks = [
      // Next has already decoded the query string, so `%09` arrives as a tab, `%0a` as a newline.
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/\r/evil.example/",
      "/\r\n/evil.example/",
      "\t//evil.example/",
      " //evil.example/",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t\\evil.example",
      "//evil.example",
      "//evil.example/situations",
      "///evil.example",
      "/.//evil.example",
      "/./\t/evil.example",
      "https://evil.example",
      "https://evil.example/situations",
      "HTTPS://evil.example",
      "http:evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      `${ORIGIN}.evil.example/`,
      `${ORIGIN}@evil.example/`,
      "http://tracker.example.org/", // other scheme, so another origin
    ];
    for (const url of attacks) expect(safeCallbackUrl(url, ORIGIN), JSON.stringify(url)).toBe("/");
  });

  it("never returns anything a browser could read as another site", () => {
    // Encoded forms stay encoded, and `https:/x` is relative to an https site: each is a path here.
    for (const url of ["/%2F/evil.example", "/%2f%2fevil.example", "/%09/evil.example/", "/%0a/evil.example/", "/%5Cevil.example", "https:/evil.example"]) {
      const out = safeCallbackUrl(url, ORIGIN);
      expect(out.startsWith("/"), url).toBe(true);
      expect(new URL(out, ORIGIN).origin, url).toBe(ORIGIN);
      expect(/^\/[\/\\]/.test(out), url).toBe(false);
    }
  });

  it("sends an empty or missing callback to the home page", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl("")).toBe("/");
    expect(safeCallbackUrl("situations")).toBe("/situations");
  });
});

describe("a repeated callback", () => {
  it("goes home", () => {
    expect(safeCallbackUrl(["/situations", "//evil.example"], ORIGIN)).toBe("/");
  });
});

describe("where next-auth sends the browser", () => {
  it("follows only paths on the app's own origin", () => {
    expect(authRedirect({ url: "/signin", baseUrl: ORIGIN })).toBe(`${ORIGIN}/signin`);
    expect(authRedirect({ url: `${ORIGIN}/situations?x=1#y`, baseUrl: ORIGIN })).toBe(`${ORIGIN}/situations?x=1#y`);
    expect(authRedirect({ url: "/\t/evil.example/", baseUrl: ORIGIN })).toBe(`${ORIGIN}/`);
    expect(authRedirect({ url: "/\\evil.example", baseUrl: ORIGIN })).toBe(`${ORIGIN}/`);
    expect(authRedirect({ url: "https://evil.example/", baseUrl: ORIGIN })).toBe(`${ORIGIN}/`);
    expect(authRedirect({ url: "JaVaScRiPt:alert(1)", baseUrl: ORIGIN })).toBe(`${ORIGIN}/`);
  });
});
