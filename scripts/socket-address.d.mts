// Types for scripts/socket-address.mjs (plain JavaScript: node loads it with --import, untranspiled).
export declare const SOCKET_ADDRESS_APPENDED: unique symbol;
export declare function appendSocketAddress(req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } }): void;
