-- Open311 GeoReport v2 (docs/open311.md): the client apps that may file requests, the service definitions the
-- admin edits per category, the submissions received (each becomes an ordinary work order on channel open311),
-- the request counters of the rate limits, and the module's settings.

-- A client app (FixMyStreet, a city app, a researcher's tool). Only the SHA-256 of its api_key is stored.
CREATE TABLE open311_clients (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  key_prefix   text NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  revoked_at   timestamptz,
  revoked_by   text,
  last_used_at timestamptz
);

-- What GET services and GET services/{code} say of one leaf category beyond its name. A category without a row
-- is offered with the defaults (its path as description, no attributes, public unless it is an inaction complaint).
CREATE TABLE open311_services (
  category_code  text PRIMARY KEY,
  description    text,
  keywords       text,
  service_notice text,
  private        boolean NOT NULL,
  version        integer NOT NULL,
  updated_at     timestamptz NOT NULL,
  updated_by     text NOT NULL
);

-- The attributes of a service definition (the extra questions a client app asks), in presentation order.
CREATE TABLE open311_attributes (
  category_code        text NOT NULL REFERENCES open311_services(category_code) ON DELETE CASCADE,
  code                 text NOT NULL,
  variable             boolean NOT NULL,
  datatype             text NOT NULL CHECK (datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required             boolean NOT NULL,
  datatype_description text,
  position             integer NOT NULL,
  description          text NOT NULL,
  "values"             jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (category_code, code)
);

-- Every POST requests that was accepted: registered as an order at once (realtime), or queued and registered
-- by the job `open311.register` (batch mode, or when registering failed for a passing reason). The token is
-- what GET tokens/{token} answers for. The same body from the same client within a window is one submission.
CREATE TABLE open311_submissions (
  id            text PRIMARY KEY,
  token         text NOT NULL UNIQUE,
  client_id     text NOT NULL REFERENCES open311_clients(id),
  body_hash     text NOT NULL,
  window_start  timestamptz NOT NULL,
  service_code  text NOT NULL,
  submission    jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('queued', 'registered', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  error         text,
  ticket_id     text UNIQUE,
  ticket_number text,
  created_at    timestamptz NOT NULL,
  registered_at timestamptz
);
CREATE UNIQUE INDEX open311_submissions_dedupe_idx ON open311_submissions (client_id, body_hash, window_start);
CREATE INDEX open311_submissions_queued_idx ON open311_submissions (created_at) WHERE status = 'queued';

-- Requests per subject (a client's posts, an address's reads) per minute, counted where every node sees them.
CREATE TABLE open311_rate_windows (
  subject      text NOT NULL,
  window_start timestamptz NOT NULL,
  n            integer NOT NULL,
  PRIMARY KEY (subject, window_start)
);
CREATE INDEX open311_rate_windows_start_idx ON open311_rate_windows (window_start);

-- One row: realtime (register at once) or batch (queue, register in the background).
CREATE TABLE open311_settings (
  id         integer PRIMARY KEY CHECK (id = 1),
  mode       text NOT NULL CHECK (mode IN ('realtime', 'batch')),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);
