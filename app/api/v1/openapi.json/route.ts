import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/v1/openapi";

/**
 * The partner API's OpenAPI 3.1 document. Open to anyone, like the README: it describes the API
 * and holds no data; every endpoint it lists needs a token.
 */
export function GET() {
  return NextResponse.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
