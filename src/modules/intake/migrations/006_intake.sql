-- Smart intake (issue 5): versions of the text model, the admin's settings, and the record of automatic dispatch.

-- One row per trained model. The model itself is JSON text (TF-IDF vocabulary + base64 float32 weights),
-- read whole when a version is activated; exactly one version is active at a time.
CREATE TABLE intake_models (
  id          text PRIMARY KEY,
  version     integer NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  created_by  text,
  source      text NOT NULL CHECK (source IN ('demo', 'history', 'history+demo')),
  trained_on  integer NOT NULL,
  metrics     jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT false,
  model       text NOT NULL
);
CREATE UNIQUE INDEX intake_models_one_active_idx ON intake_models (active) WHERE active;

-- A single row: automatic dispatch switch and threshold, retraining interval.
CREATE TABLE intake_settings (
  id                      integer PRIMARY KEY CHECK (id = 1),
  auto_dispatch_enabled   boolean NOT NULL DEFAULT false,
  auto_dispatch_threshold double precision NOT NULL DEFAULT 0.9 CHECK (auto_dispatch_threshold > 0 AND auto_dispatch_threshold <= 1),
  retrain_interval_hours  integer NOT NULL DEFAULT 168 CHECK (retrain_interval_hours >= 0),
  updated_at              timestamptz,
  updated_by              text
);
INSERT INTO intake_settings (id) VALUES (1);

-- Every order the system dispatched by itself, and whether the unit sent it back (an error of the model).
CREATE TABLE auto_dispatches (
  ticket_id     text PRIMARY KEY REFERENCES tickets(id),
  unit_id       text NOT NULL REFERENCES units(id),
  score         double precision NOT NULL,
  threshold     double precision NOT NULL,
  model_version integer NOT NULL,
  at            timestamptz NOT NULL,
  returned_at   timestamptz
);
CREATE INDEX auto_dispatches_at_idx ON auto_dispatches (at DESC);
