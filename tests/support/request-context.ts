// Stand-ins for the parts of a Next.js request that server code reads.
import type { SessionClaims } from "@/lib/auth/session";

export const testSession: { claims: SessionClaims | null } = { claims: null };

class CookieJar {
  private values = new Map<string, string>();
  get(name: string) {
    const value = this.values.get(name);
    return value === undefined ? undefined : { name, value };
  }
  set(name: string, value: string) {
    this.values.set(name, value);
    return this;
  }
  delete(name: string) {
    this.values.delete(name);
    return this;
  }
  has(name: string) {
    return this.values.has(name);
  }
  clear() {
    this.values.clear();
  }
}

export const testCookies = new CookieJar();
