-- The sources list's total ("50,000 sources", the page count) counted from a small index of the
-- organisation's live sources, without reading the table (hand-written: Prisma cannot model
-- partial indexes).
CREATE INDEX "Source_live_idx" ON "Source"("organisationId") WHERE "deletedAt" IS NULL;
