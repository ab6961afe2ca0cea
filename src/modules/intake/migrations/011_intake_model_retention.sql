-- Model versions keep their weights only while they are among the newest (INTAKE_MODELS_KEPT) or active: a
-- version trained on a city's history is tens of MB, and a daily retrain would otherwise grow the table by that
-- every day. An older version stays listed (who trained it, on what, its metrics) with its weights removed.
ALTER TABLE intake_models ALTER COLUMN model DROP NOT NULL;
ALTER TABLE intake_models ADD COLUMN archived_at timestamptz;
ALTER TABLE intake_models ADD CONSTRAINT intake_models_archived_has_no_weights
  CHECK ((archived_at IS NULL) = (model IS NOT NULL));
ALTER TABLE intake_models ADD CONSTRAINT intake_models_active_has_weights CHECK (NOT active OR model IS NOT NULL);
