-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AlertRule" ADD VALUE 'EVENT_SPIKE';
ALTER TYPE "AlertRule" ADD VALUE 'KILLING_THRESHOLD';
ALTER TYPE "AlertRule" ADD VALUE 'NEW_IN_EVENTS';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "minScoreCoverage" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "signalSensitivity" DOUBLE PRECISION NOT NULL DEFAULT 0.001;

-- AlterTable
ALTER TABLE "ExternalRating" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "note" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "organisationId" TEXT,
ADD COLUMN     "rank" INTEGER,
ADD COLUMN     "rankOf" INTEGER,
ADD COLUMN     "stage" INTEGER,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "year" INTEGER;

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "methodVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "RatingSuggestion" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "fromLevel" TEXT,
    "suggestedLevel" TEXT NOT NULL,
    "evidence" JSONB,
    "decision" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RatingSuggestion_assessmentId_indicatorId_key" ON "RatingSuggestion"("assessmentId", "indicatorId");

-- AddForeignKey
ALTER TABLE "RatingSuggestion" ADD CONSTRAINT "RatingSuggestion_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

