-- AlterTable
ALTER TABLE "AlertReceipt" ADD COLUMN     "emailAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "emailDueAt" TIMESTAMP(3),
ADD COLUMN     "emailError" TEXT;


-- The receipts whose alert e-mail is still to be sent or retried, soonest first (hand-written:
-- Prisma cannot model partial indexes). Nearly every receipt has none, so the index stays tiny.
CREATE INDEX "AlertReceipt_emailDueAt_due_idx" ON "AlertReceipt"("emailDueAt") WHERE "emailDueAt" IS NOT NULL;
