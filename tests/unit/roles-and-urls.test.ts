import { describe, expect, it } from "vitest";
import { hasRole } from "@/lib/auth/roles";
import { databaseUrl, embeddedDatabaseUrl, withDatabase } from "@/lib/database-url";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInSchema } from "@/lib/auth/schemas";

describe("roles", () => {
  it("rank VIEWER < ANALYST < ADMIN", () => {
    expect(hasRole("ADMIN", "ANALYST")).toBe(true);
    expect(hasRole("ANALYST", "ANALYST")).toBe(true);
    expect(hasRole("VIEWER", "ANALYST")).toBe(false);
    expect(hasRole("ANALYST", "ADMIN")).toBe(false);
  });
});

describe("database URL", () => {
  it("prefers DATABASE_URL, else the embedded server on 127.0.0.1", () => {
    expect(databaseUrl({ DATABASE_URL: "postgresql://u:p@db:5432/x" } as unknown as NodeJS.ProcessEnv)).toBe("postgresql://u:p@db:5432/x");
    expect(embeddedDatabaseUrl({ EMBEDDED_DB_PASSWORD: "a/b", EMBEDDED_DB_PORT: "5555" } as unknown as NodeJS.ProcessEnv)).toBe("postgresql://postgres:a%2Fb@127.0.0.1:5555/tracker");
    expect(() => databaseUrl({} as unknown as NodeJS.ProcessEnv)).toThrow(/npm run setup/);
    expect(withDatabase("postgresql://u:p@h:1/a?sslmode=require", "b")).toBe("postgresql://u:p@h:1/b?sslmode=require");
  });
});

describe("after sign-in", () => {
  it("only same-site paths are followed", () => {
    expect(safeCallbackUrl("/situations?risk=CURRENT_CRISIS")).toBe("/situations?risk=CURRENT_CRISIS");
    expect(safeCallbackUrl("https://evil.example/")).toBe("/");
    expect(safeCallbackUrl("//evil.example/")).toBe("/");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });
});

describe("sign-in form validation", () => {
  it("says what is wrong with each field", () => {
    const r = signInSchema.safeParse({ email: "not-an-email", password: "" });
    expect(r.success).toBe(false);
    if (r.success) return;
    const msgs = r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(msgs).toContain("email: Enter a valid e-mail address.");
    expect(msgs).toContain("password: Enter your password.");
  });
});
