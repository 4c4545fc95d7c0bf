// A partner API token's secret: random, shown once when issued; the database keeps its SHA-256 only,
// so a copy of the database (or a backup) holds no usable token.
import { createHash, randomBytes } from "node:crypto";

/** The prefix makes a leaked token recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = "aew_";
export const newApiTokenSecret = () => API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
export const apiTokenHash = (secret: string) => createHash("sha256").update(secret).digest("hex");
