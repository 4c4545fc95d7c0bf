// An invitation's single-use token: a random secret that only the link holds; the database keeps
// its SHA-256. Not server-only: the first-run script (npm run setup -- --no-demo) invites too.
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_DAYS = 7;
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
export const newInvitationToken = () => randomBytes(32).toString("base64url");
export const invitationExpiry = (from = Date.now()) => new Date(from + INVITATION_DAYS * 86400_000);
