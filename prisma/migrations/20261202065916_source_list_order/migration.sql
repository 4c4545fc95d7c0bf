-- DropIndex
DROP INDEX "Source_organisationId_deletedAt_createdAt_idx";

-- CreateIndex
CREATE INDEX "Source_organisationId_createdAt_id_idx" ON "Source"("organisationId", "createdAt" DESC, "id" DESC);

