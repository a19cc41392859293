-- Timer claims read the index, not the table. A claim asks for the earliest free timers
-- (status = 'WAITING' AND lease_until IS NULL AND wake_at <= ?) and, separately, for expired leases
-- (lease_until < now). With (status, wake_at) every claim walked past the timers already claimed by this or
-- another node (they stay WAITING until resumed: 20,000 held in memory meant 20,000 rows read per claim), and
-- ordering by (wake_at, id) made H2 read and sort every due row before its LIMIT (scanCount 100,001 for a claim
-- of 1,000 out of a burst of 100,000). With lease_until before wake_at, and id spelled out, the free timers are
-- one contiguous, index-ordered range and a claim reads just the rows it takes.
DROP INDEX ix_journey_instance_due ON journey_instance;
CREATE INDEX ix_journey_instance_due ON journey_instance (status, lease_until, wake_at, id);
