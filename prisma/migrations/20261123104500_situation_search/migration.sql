-- Full-text search over a situation's title, summary and notes (hand-written: Prisma cannot
-- model expression indexes). Used by lib/situations/queries.ts; the 'english' configuration
-- ships with every PostgreSQL build.
CREATE INDEX "Situation_search_idx" ON "Situation"
  USING gin (to_tsvector('english', "title" || ' ' || "summary" || ' ' || "notes"));
