-- The latest published rounds of each situation (dashboards, trends, alerts) straight from the
-- index, already in order (hand-written: Prisma cannot model partial indexes).
CREATE INDEX "Assessment_published_latest_idx" ON "Assessment"("situationId", "assessedOn" DESC, "publishedAt" DESC)
  WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL AND "overallScore" IS NOT NULL;
