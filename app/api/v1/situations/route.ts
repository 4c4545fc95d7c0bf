import { listRoute } from "@/lib/api/v1/list-route";
import { situationsQuerySchema } from "@/lib/api/v1/schemas";
import { listSituationsApi } from "@/lib/api/v1/queries";

export const dynamic = "force-dynamic";

/** The partner API's situations (docs: /api/v1/openapi.json). */
export const GET = listRoute("situations", situationsQuerySchema, listSituationsApi);
