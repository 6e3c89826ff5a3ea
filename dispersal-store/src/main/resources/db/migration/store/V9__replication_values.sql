-- Per-replication values of a forecast (issue #17): the world's and each region's total of every
-- state and composite state, for all people, one row per run and month. Two forecasts with the same
-- seed share common random numbers replication by replication, so /api/compare can give the
-- interval of the paired differences (a_i - b_i) instead of two intervals side by side.
-- bytes: the month's cells in ReplicationValues' compact form (varints, deflated; cells that are
-- zero in every replication are left out). layout names how replications map to scenarios
-- ("single", or a mixture's replications per hypothesis): runs pair only when it is equal.
-- No FOREIGN KEY (see V1); deleting a run deletes its rows in the same transaction.
CREATE TABLE replication_values (
  run_id BIGINT NOT NULL,
  month INTEGER NOT NULL,
  replications INTEGER NOT NULL CHECK (replications >= 1),
  layout VARCHAR(400) NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (run_id, month)
);
