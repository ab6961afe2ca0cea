-- The foundation: organisation, categories, accounts, work orders with their event history, audit.
CREATE TABLE units (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  name_en       text,
  kind          text NOT NULL CHECK (kind IN ('centre', 'district', 'street', 'department', 'company')),
  parent_id     text REFERENCES units(id),
  division_code text,
  created_at    timestamptz NOT NULL
);
CREATE INDEX units_parent_idx ON units (parent_id);
CREATE INDEX units_division_idx ON units (division_code);

CREATE TABLE categories (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  name_en     text NOT NULL,
  level       integer NOT NULL CHECK (level BETWEEN 1 AND 3),
  parent_code text REFERENCES categories(code),
  unit_hint   text
);

CREATE TABLE users (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  roles         text[] NOT NULL,
  unit_id       text REFERENCES units(id),
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_attempts (
  id       bigserial PRIMARY KEY,
  username text NOT NULL,
  ip       text NOT NULL,
  at       timestamptz NOT NULL,
  success  boolean NOT NULL
);
CREATE INDEX login_attempts_user_idx ON login_attempts (username, at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);

-- Order numbers: the day of registration plus a city-wide sequence (no hot counter row under load).
CREATE SEQUENCE ticket_number_seq;

CREATE TABLE tickets (
  id                 text PRIMARY KEY,
  number             text NOT NULL UNIQUE,
  status             text NOT NULL CHECK (status IN ('registered', 'dispatched', 'in_progress', 'replied', 'awaiting_callback', 'closed')),
  version            integer NOT NULL,
  channel            text NOT NULL,
  title              text NOT NULL,
  content            text NOT NULL,
  caller_name        text,
  caller_phone       text,
  address            text,
  lat                double precision,
  lng                double precision,
  category_code      text REFERENCES categories(code),
  urgency            text NOT NULL CHECK (urgency IN ('normal', 'urgent', 'emergency')),
  tags               text[] NOT NULL DEFAULT '{}',
  received_at        timestamptz NOT NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  external_ref       text,
  created_by         text,
  citizen_user_id    text,
  lead_unit_id       text REFERENCES units(id),
  co_unit_ids        text[] NOT NULL DEFAULT '{}',
  closure            text,
  merged_into        text,
  answer             text,
  reply              jsonb,
  satisfaction       text,
  pending_extension  jsonb,
  redispatch_count   integer NOT NULL DEFAULT 0,
  return_count       integer NOT NULL DEFAULT 0,
  attachment_ids     text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX tickets_status_idx ON tickets (status, received_at DESC);
CREATE INDEX tickets_lead_unit_idx ON tickets (lead_unit_id, status);
CREATE INDEX tickets_co_units_idx ON tickets USING gin (co_unit_ids);
CREATE INDEX tickets_tags_idx ON tickets USING gin (tags);
CREATE INDEX tickets_received_idx ON tickets (received_at DESC);
CREATE INDEX tickets_caller_phone_idx ON tickets (caller_phone);
CREATE INDEX tickets_category_idx ON tickets (category_code text_pattern_ops);
CREATE INDEX tickets_citizen_idx ON tickets (citizen_user_id);
CREATE UNIQUE INDEX tickets_external_ref_idx ON tickets (channel, external_ref) WHERE external_ref IS NOT NULL;

-- Append-only: every step of every order (who, what, when, from which status to which).
CREATE TABLE ticket_events (
  id            text PRIMARY KEY,
  ticket_id     text NOT NULL REFERENCES tickets(id),
  seq           integer NOT NULL,
  type          text NOT NULL,
  at            timestamptz NOT NULL,
  actor_id      text NOT NULL,
  actor_name    text NOT NULL,
  actor_roles   text[] NOT NULL,
  actor_unit_id text,
  actor_kind    text NOT NULL,
  from_status   text,
  to_status     text NOT NULL,
  payload       jsonb NOT NULL,
  UNIQUE (ticket_id, seq)
);

CREATE TABLE idempotency_keys (
  scope        text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  ticket_id    text NOT NULL,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);

CREATE TABLE attachments (
  id           text PRIMARY KEY,
  filename     text NOT NULL,
  content_type text NOT NULL,
  size         integer NOT NULL,
  data         bytea NOT NULL,
  created_by   text,
  created_at   timestamptz NOT NULL
);

-- Everything done outside a work order's own history (accounts, units, logins).
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    text,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  from_state  jsonb,
  to_state    jsonb,
  ip          text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
