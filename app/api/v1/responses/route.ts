import { listRoute } from "@/lib/api/v1/list-route";
import { responsesQuerySchema } from "@/lib/api/v1/schemas";
import { listResponsesApi } from "@/lib/api/v1/queries";

export const dynamic = "force-dynamic";

/** The partner API's responses (docs: /api/v1/openapi.json). */
export const GET = listRoute("responses", responsesQuerySchema, listResponsesApi);
