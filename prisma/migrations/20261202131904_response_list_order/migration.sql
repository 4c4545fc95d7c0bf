-- CreateIndex
CREATE INDEX "Response_startDate_id_idx" ON "Response"("startDate" DESC, "id" DESC);


-- The responses list's total (the page count) counted from a small index of live responses by
-- situation, without reading the table (hand-written: Prisma cannot model partial indexes).
CREATE INDEX "Response_live_idx" ON "Response"("situationId") WHERE "deletedAt" IS NULL;
