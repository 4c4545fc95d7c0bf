import { listRoute } from "@/lib/api/v1/list-route";
import { eventsQuerySchema } from "@/lib/api/v1/schemas";
import { listEventsApi } from "@/lib/api/v1/queries";

export const dynamic = "force-dynamic";

/** The partner API's events (docs: /api/v1/openapi.json). */
export const GET = listRoute("events", eventsQuerySchema, listEventsApi);
