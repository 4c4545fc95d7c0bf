import { describe, expect, it } from "vitest";
import { buildCsp, newNonce } from "@/lib/security/csp";

describe("the Content-Security-Policy", () => {
  it("allows scripts only with the nonce, forbids framing, and relaxes nothing for scripts in production", () => {
    const csp = buildCsp("abc123", { dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(buildCsp("x", { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });
  it("makes a new unpredictable nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
