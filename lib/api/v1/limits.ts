/** Requests per partner API token per minute (lib/api/partner.ts counts them in the database). */
export const API_RATE_LIMIT_PER_MINUTE = 120;
