-- AlterTable
ALTER TABLE "EventImport" ADD COLUMN     "delimiter" TEXT NOT NULL DEFAULT ',',
ADD COLUMN     "fileKey" TEXT,
ADD COLUMN     "fileSize" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "headers" TEXT[];

