-- Hand-written (issue #27): the score summary also carries what method 2's scores rest on, so the
-- dashboard, heatmaps and trends can say "Not enough assessed (coverage 9%)" instead of a bare low
-- number without reading the full scores. Method 1's scores (no "method" key) keep the summary they
-- had, key for key. The trigger is the same; only its function changes.
CREATE OR REPLACE FUNCTION "assessment_score_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."scoreSummary" := CASE WHEN NEW.scores IS NULL OR NEW.scores = 'null'::jsonb THEN NULL ELSE jsonb_build_object(
    'overall', (NEW.scores->'overall'->>'score')::float8,
    'crime', NEW.scores->'overall'->>'crime',
    'crimes', coalesce((SELECT jsonb_object_agg(k, (v->>'score')::float8) FROM jsonb_each(NEW.scores->'crimes') AS c(k, v)), '{}'::jsonb),
    'factors', coalesce((SELECT jsonb_object_agg(k, (v->>'score')::float8) FROM jsonb_each(NEW.scores->'factors') AS f(k, v)), '{}'::jsonb)
  ) || CASE WHEN NEW.scores ? 'method' THEN jsonb_build_object(
    'method', (NEW.scores->>'method')::int,
    -- [rated, total, coverage percent, low-confidence] of the overall score, each crime, each factor and the imminence line.
    'coverage', jsonb_build_object(
      'overall', jsonb_build_array(NEW.scores->'overall'->'rated', NEW.scores->'overall'->'total', NEW.scores->'overall'->'coverage', NEW.scores->'overall'->'lowConfidence'),
      'crimes', coalesce((SELECT jsonb_object_agg(k, jsonb_build_array(v->'rated', v->'total', v->'coverage', v->'lowConfidence')) FROM jsonb_each(NEW.scores->'crimes') AS c(k, v)), '{}'::jsonb),
      'factors', coalesce((SELECT jsonb_object_agg(k, jsonb_build_array(v->'rated', v->'total', v->'coverage', v->'lowConfidence')) FROM jsonb_each(NEW.scores->'factors') AS f(k, v)), '{}'::jsonb)
    ),
    'imminence', NEW.scores->'imminence'->'score',
    'imminenceCoverage', jsonb_build_array(NEW.scores->'imminence'->'rated', NEW.scores->'imminence'->'total', NEW.scores->'imminence'->'coverage', NEW.scores->'imminence'->'lowConfidence')
  ) ELSE '{}'::jsonb END END;
  RETURN NEW;
END $$;
