-- Failed portal look-ups (order number + phone) per client address, kept in the database so that the limit
-- holds across every application node and survives restarts. A row is a failed look-up, or one still being
-- checked: each look-up registers itself before it is checked, so concurrent guesses are counted too.
-- Rows older than the window are deleted as new ones arrive, so the table stays small.
CREATE TABLE portal_lookup_failures (
  id bigserial PRIMARY KEY,
  ip text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX portal_lookup_failures_ip_idx ON portal_lookup_failures (ip, at);
CREATE INDEX portal_lookup_failures_at_idx ON portal_lookup_failures (at);
