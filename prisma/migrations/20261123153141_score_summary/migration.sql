-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "scoreSummary" JSONB;


-- Hand-written: the summary is derived from "scores" by the database, for every writer (publication,
-- backfill, seeds, restore), so it can never disagree with the full scores.
CREATE FUNCTION "assessment_score_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."scoreSummary" := CASE WHEN NEW.scores IS NULL OR NEW.scores = 'null'::jsonb THEN NULL ELSE jsonb_build_object(
    'overall', (NEW.scores->'overall'->>'score')::float8,
    'crime', NEW.scores->'overall'->>'crime',
    'crimes', coalesce((SELECT jsonb_object_agg(k, (v->>'score')::float8) FROM jsonb_each(NEW.scores->'crimes') AS c(k, v)), '{}'::jsonb),
    'factors', coalesce((SELECT jsonb_object_agg(k, (v->>'score')::float8) FROM jsonb_each(NEW.scores->'factors') AS f(k, v)), '{}'::jsonb)
  ) END;
  RETURN NEW;
END $$;

CREATE TRIGGER "Assessment_score_summary" BEFORE INSERT OR UPDATE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "assessment_score_summary"();

-- The rounds that already have scores.
UPDATE "Assessment" SET scores = scores WHERE scores IS NOT NULL;
