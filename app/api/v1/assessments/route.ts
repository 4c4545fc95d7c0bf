import { listRoute } from "@/lib/api/v1/list-route";
import { assessmentsQuerySchema } from "@/lib/api/v1/schemas";
import { listCrimeAssessmentsApi } from "@/lib/api/v1/queries";

export const dynamic = "force-dynamic";

/** The partner API's assessments (docs: /api/v1/openapi.json). */
export const GET = listRoute("assessments", assessmentsQuerySchema, listCrimeAssessmentsApi);
