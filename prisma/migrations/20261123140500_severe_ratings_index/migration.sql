-- The SEVERE ratings of given rounds (dashboard escalations, alerts), read from the index alone
-- (hand-written: Prisma cannot model partial indexes).
CREATE INDEX "IndicatorRating_severe_idx" ON "IndicatorRating"("assessmentId", "indicatorId") WHERE "level" = 'SEVERE';
