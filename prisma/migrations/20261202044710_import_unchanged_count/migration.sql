-- AlterTable
ALTER TABLE "EventImport" ADD COLUMN     "unchangedCount" INTEGER NOT NULL DEFAULT 0;

