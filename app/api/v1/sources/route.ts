import { listRoute } from "@/lib/api/v1/list-route";
import { sourcesQuerySchema } from "@/lib/api/v1/schemas";
import { listSourcesApi } from "@/lib/api/v1/queries";

export const dynamic = "force-dynamic";

/** The partner API's sources (docs: /api/v1/openapi.json). */
export const GET = listRoute("sources", sourcesQuerySchema, listSourcesApi);
