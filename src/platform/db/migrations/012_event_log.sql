-- The order event log as readers outside the transaction follow it (modules issue): a position assigned at
-- insert and the writing transaction's id, so a reader resumes after (tx_id, position) and never misses an
-- event of a transaction that committed late (see platform/events/event-log.ts). Payloads carry a version.
ALTER TABLE ticket_events ADD COLUMN position bigserial;
ALTER TABLE ticket_events ADD COLUMN tx_id xid8 NOT NULL DEFAULT '1';
ALTER TABLE ticket_events ALTER COLUMN tx_id SET DEFAULT pg_current_xact_id();
ALTER TABLE ticket_events ADD COLUMN payload_version integer NOT NULL DEFAULT 1;
CREATE INDEX ticket_events_log_idx ON ticket_events (tx_id, position);

-- Each asynchronous reader's cursor (outbox feeders, aggregates, NATS, a province's copy).
CREATE TABLE event_readers (
  name       text PRIMARY KEY,
  tx_id      xid8 NOT NULL DEFAULT '0',
  position   bigint NOT NULL DEFAULT 0,
  updated_at timestamptz
);

-- Background jobs claimed per tick, so that of several nodes one runs each tick.
CREATE TABLE job_claims (
  name          text PRIMARY KEY,
  claimed_until timestamptz NOT NULL,
  node          text NOT NULL
);
