-- The outbox sweep's due query reads the index, not the table (the same fix as V4 for timers): with
-- (status, next_attempt_at) and ORDER BY next_attempt_at, id, H2 read and sorted every due row before the LIMIT,
-- so a backlog of due sends (a rate-limited burst) was read whole by every sweep. With id spelled out, and the
-- ORDER BY naming the index's columns, a sweep reads the rows it claims.
DROP INDEX ix_outbox_due ON outbox;
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at, id);
