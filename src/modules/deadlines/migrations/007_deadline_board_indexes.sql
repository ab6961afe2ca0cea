-- The supervision board (issue 4): the longest-overdue orders by an index on the running deadline, and the
-- counts by unit and colour from an index that covers the colour instants (index-only scan).
CREATE INDEX ticket_deadlines_overdue_idx ON ticket_deadlines (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX ticket_deadlines_board_idx ON ticket_deadlines (unit_id) INCLUDE (yellow_at, orange_at, red_at) WHERE due_at IS NOT NULL;
