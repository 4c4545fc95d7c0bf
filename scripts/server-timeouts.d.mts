// Types for scripts/server-timeouts.mjs (plain JavaScript: node loads it with --import, untranspiled).
import type { Server } from "node:http";
export declare const DEFAULT_REQUEST_TIMEOUT_SECONDS: number;
export declare const HEADERS_TIMEOUT_MS: number;
export declare function serverTimeouts(env?: Record<string, string | undefined>): { requestTimeout: number; headersTimeout: number };
export declare function applyServerTimeouts(server: Server, env?: Record<string, string | undefined>): void;
