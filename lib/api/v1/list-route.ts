import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { CurrentMembership } from "@/lib/access/session";
import type { ApiScope } from "@/lib/api-tokens/schemas";
import { apiError } from "@/lib/api/caller";
import { partnerCaller } from "@/lib/api/partner";

/**
 * The GET handler of a partner API list: the token first (401, 403 out of scope, 429), then the
 * query parsed by the list's schema (400 with the first problem), then one page as JSON.
 */
export function listRoute<S extends z.ZodType, T>(scope: ApiScope, schema: S, read: (membership: CurrentMembership, query: z.output<S>) => Promise<T>) {
  return async function GET(req: NextRequest): Promise<Response> {
    const partner = await partnerCaller(req, scope);
    if (partner.error) return partner.error;
    const parsed = schema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
    if (!parsed.success) return apiError(parsed.error.issues[0]?.message ?? "The query could not be read.", 400);
    return NextResponse.json(await read(partner.caller.membership, parsed.data), { headers: { "Cache-Control": "private, no-store" } });
  };
}
