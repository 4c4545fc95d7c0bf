import { listRoute } from "@/lib/api/v1/list-route";
import { roundsQuerySchema } from "@/lib/api/v1/schemas";
import { listRoundsApi } from "@/lib/api/v1/queries";

export const dynamic = "force-dynamic";

/** The partner API's rounds (docs: /api/v1/openapi.json). */
export const GET = listRoute("rounds", roundsQuerySchema, listRoundsApi);
