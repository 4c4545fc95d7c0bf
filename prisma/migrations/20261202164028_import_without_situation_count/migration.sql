-- AlterTable
ALTER TABLE "EventImport" ADD COLUMN     "withoutSituationCount" INTEGER NOT NULL DEFAULT 0;

