-- Scheduled retraining on several nodes: before a node trains a due version it claims this single row with a
-- compare-and-set (UPDATE ... WHERE the previous claim is released or expired), so one due retrain is trained by
-- one node. The claim expires, so a node that dies while training does not stop the schedule for good; the token
-- is checked again when the version is stored, so a node whose claim expired and was taken over drops its result.
CREATE TABLE intake_retrain_claim (
  id          integer PRIMARY KEY CHECK (id = 1),
  token       text,
  started_at  timestamptz,
  expires_at  timestamptz
);
INSERT INTO intake_retrain_claim (id) VALUES (1);
