import { describe, expect, it } from "vitest";
import { clientAddressFrom, parseTrustedProxies } from "@/lib/auth/client-address";
// The launcher's preload: Next only sets X-Forwarded-For when the client did not (`??=`), so the
// connection's address is appended here, as a proxy would (scripts/socket-address.mjs).
import { appendSocketAddress } from "@/scripts/socket-address.mjs";

const NONE = parseTrustedProxies(undefined);

describe("the client's address", () => {
  it("is the connection's address when no proxy is trusted: left-most entries are ignored", () => {
    expect(clientAddressFrom("203.0.113.7", NONE)).toBe("203.0.113.7");
    expect(clientAddressFrom("6.6.6.6, 203.0.113.7", NONE)).toBe("203.0.113.7");
    expect(clientAddressFrom("1.1.1.1,2.2.2.2 , 3.3.3.3,203.0.113.7", NONE)).toBe("203.0.113.7");
    expect(clientAddressFrom("6.6.6.6, ::ffff:203.0.113.7", NONE)).toBe("203.0.113.7");
    expect(clientAddressFrom("6.6.6.6, 2001:db8::1", NONE)).toBe("2001:db8::1");
    expect(clientAddressFrom(null, NONE)).toBeNull();
    expect(clientAddressFrom("", NONE)).toBeNull();
    expect(clientAddressFrom("6.6.6.6, not-an-address", NONE)).toBeNull();
  });

  it("with one trusted hop, is the entry the proxy added before its own", () => {
    const one = parseTrustedProxies("1");
    expect(clientAddressFrom("198.51.100.9, 10.0.0.2", one)).toBe("198.51.100.9");
    expect(clientAddressFrom("6.6.6.6, 7.7.7.7, 198.51.100.9, 10.0.0.2", one)).toBe("198.51.100.9");
    // Fewer entries than hops: the request did not come through the proxy; the farthest is all we know.
    expect(clientAddressFrom("10.0.0.2", one)).toBe("10.0.0.2");
    const two = parseTrustedProxies(" 2 ");
    expect(clientAddressFrom("6.6.6.6, 198.51.100.9, 10.0.0.3, 10.0.0.2", two)).toBe("198.51.100.9");
  });

  it("with trusted addresses and ranges, is the right-most entry that is not one of them", () => {
    const list = parseTrustedProxies("10.0.0.0/8, 192.168.1.5,fd00::/8, ::1");
    expect(clientAddressFrom("6.6.6.6, 198.51.100.9, 10.1.2.3", list)).toBe("198.51.100.9");
    expect(clientAddressFrom("6.6.6.6, 198.51.100.9, 192.168.1.5, 10.1.2.3", list)).toBe("198.51.100.9");
    expect(clientAddressFrom("6.6.6.6, 198.51.100.9, ::ffff:10.1.2.3", list)).toBe("198.51.100.9");
    expect(clientAddressFrom("6.6.6.6, 2001:db8::5, fd00::1, ::1", list)).toBe("2001:db8::5");
    // Not from a trusted proxy: the connection's own address, whatever the header says.
    expect(clientAddressFrom("10.1.2.3, 198.51.100.9", list)).toBe("198.51.100.9");
    expect(clientAddressFrom("192.168.1.6", list)).toBe("192.168.1.6");
    // Only trusted addresses: the farthest one.
    expect(clientAddressFrom("10.0.0.9, 10.1.2.3", list)).toBe("10.0.0.9");
  });

  it("reads proxies' usual spellings of an entry", () => {
    const one = parseTrustedProxies("1");
    expect(clientAddressFrom("198.51.100.9:51234, 10.0.0.2", one)).toBe("198.51.100.9");
    expect(clientAddressFrom("[2001:db8::5]:443, 10.0.0.2", one)).toBe("2001:db8::5");
    expect(clientAddressFrom("\"[2001:db8::5]\", 10.0.0.2", one)).toBe("2001:db8::5");
  });

  it("refuses a setting it cannot read, rather than trusting anything", () => {
    expect(parseTrustedProxies("")).toEqual(NONE);
    expect(() => parseTrustedProxies("-1")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("1.5")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("the launcher's preload", () => {
  it("appends the connection's address to what the client sent", () => {
    const req = (xff?: string | string[]) => ({ headers: xff === undefined ? {} : { "x-forwarded-for": xff }, socket: { remoteAddress: "203.0.113.7" } }) as never;
    const spoofed = req("6.6.6.6");
    appendSocketAddress(spoofed);
    expect((spoofed as { headers: Record<string, string> }).headers["x-forwarded-for"]).toBe("6.6.6.6, 203.0.113.7");
    const plain = req();
    appendSocketAddress(plain);
    expect((plain as { headers: Record<string, string> }).headers["x-forwarded-for"]).toBe("203.0.113.7");
    const twice = req(["6.6.6.6", "7.7.7.7"]);
    appendSocketAddress(twice);
    expect((twice as { headers: Record<string, string> }).headers["x-forwarded-for"]).toBe("6.6.6.6, 7.7.7.7, 203.0.113.7");
    expect(clientAddressFrom((spoofed as { headers: Record<string, string> }).headers["x-forwarded-for"], NONE)).toBe("203.0.113.7");
  });
});
