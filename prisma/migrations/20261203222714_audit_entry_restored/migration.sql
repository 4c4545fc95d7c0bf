-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "restored" JSONB;
