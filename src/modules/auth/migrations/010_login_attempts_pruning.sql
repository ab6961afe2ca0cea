-- Sign-in attempts are now registered before the password is checked (as failures until they succeed) and rows
-- older than the window are deleted as new attempts arrive, so the table only holds the last window of attempts.
-- The pruning finds expired rows by time alone (any account, any address): this index keeps that cheap.
CREATE INDEX login_attempts_at_idx ON login_attempts (at);
