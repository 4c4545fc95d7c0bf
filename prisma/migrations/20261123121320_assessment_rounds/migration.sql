-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;


-- At most one open draft round per situation (hand-written: Prisma cannot model partial
-- unique indexes). Analysts share the draft; a second "start a round" opens the existing one.
CREATE UNIQUE INDEX "Assessment_one_draft_per_situation" ON "Assessment"("situationId")
  WHERE "status" = 'DRAFT' AND "deletedAt" IS NULL;
