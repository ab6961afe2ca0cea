-- Deadlines, three-colour warnings and automatic supervision (issue 4).

-- The deadline policy, versioned as a whole: every admin edit inserts a new version; orders record the version
-- that set their deadlines. No row = the built-in defaults (version 0).
CREATE TABLE sla_settings (
  version            integer PRIMARY KEY,
  rules              jsonb NOT NULL,
  thresholds         jsonb NOT NULL,
  working_hours      jsonb NOT NULL,
  calendar_overrides jsonb NOT NULL,
  supervision        jsonb NOT NULL,
  note               text,
  created_at         timestamptz NOT NULL,
  created_by         text
);

-- 一级响应: one row; while active, orders tagged `tag` come first and get the emergency policy.
CREATE TABLE emergency_mode (
  id         integer PRIMARY KEY CHECK (id = 1),
  active     boolean NOT NULL,
  tag        text,
  changed_at timestamptz NOT NULL,
  changed_by text
);

-- One row per order that has been dispatched: its deadlines and the precomputed instants of each colour,
-- recomputed on every deadline or status change, so the sweep and the queues are indexed range queries.
CREATE TABLE ticket_deadlines (
  ticket_id          text PRIMARY KEY REFERENCES tickets(id),
  unit_id            text,
  status             text NOT NULL,
  priority           smallint NOT NULL DEFAULT 0,
  urgency_rank       smallint NOT NULL DEFAULT 0,
  rounds             integer NOT NULL DEFAULT 0,
  deadlines          jsonb,
  sign_by            timestamptz,
  reply_by           timestamptz,
  original_reply_by  timestamptz,
  policy_version     integer,
  due_at             timestamptz,
  yellow_at          timestamptz,
  orange_at          timestamptz,
  red_at             timestamptz,
  level              text NOT NULL DEFAULT 'none' CHECK (level IN ('none', 'yellow', 'orange', 'red')),
  next_check_at      timestamptz,
  last_supervised_at timestamptz,
  supervision_count  integer NOT NULL DEFAULT 0,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX ticket_deadlines_sweep_idx ON ticket_deadlines (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX ticket_deadlines_queue_idx ON ticket_deadlines (unit_id, priority DESC, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX ticket_deadlines_due_idx ON ticket_deadlines (priority DESC, due_at) WHERE due_at IS NOT NULL;

-- Outbox of supervision notices to units (the unit, its parent, and higher on escalation).
CREATE TABLE notifications (
  id           text PRIMARY KEY,
  ticket_id    text NOT NULL REFERENCES tickets(id),
  unit_id      text NOT NULL REFERENCES units(id),
  kind         text NOT NULL CHECK (kind IN ('supervised', 'escalated')),
  round        integer NOT NULL,
  message      text NOT NULL,
  created_at   timestamptz NOT NULL,
  delivered_at timestamptz
);
CREATE INDEX notifications_unit_idx ON notifications (unit_id, created_at DESC);
CREATE INDEX notifications_ticket_idx ON notifications (ticket_id);
CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE delivered_at IS NULL;
