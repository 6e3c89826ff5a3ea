-- Sensitivity-analysis and indicator-screening runs: runs.kind may also be 'sensitivity' or
-- 'screening'. As in V2, DuckDB cannot drop or change a CHECK constraint, so the table is rebuilt
-- the same way on both databases: copy the rows aside, drop runs, create it again with the wider
-- CHECK and the team column of V4, copy the rows back, drop the copy. Every row keeps its id; the
-- id sequence run_ids is left alone, so new runs go on from where they were. No other table refers
-- to runs by constraint (no FOREIGN KEY, see V1).

CREATE TABLE runs_before_v5 AS SELECT * FROM runs;

DROP TABLE runs;

CREATE TABLE runs (
  id BIGINT PRIMARY KEY DEFAULT nextval('run_ids'),
  kind VARCHAR(20) NOT NULL
    CHECK (kind IN ('forecast', 'calibration', 'hindcast', 'comparison', 'sensitivity', 'threat',
                    'update', 'screening')),
  status VARCHAR(12) NOT NULL
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  scenario_name VARCHAR(200) NOT NULL,
  scenario_yaml TEXT,
  owner VARCHAR(100),
  replications INTEGER NOT NULL CHECK (replications >= 0),
  seed BIGINT NOT NULL,
  done INTEGER NOT NULL,
  created TIMESTAMP NOT NULL,
  started TIMESTAMP,
  finished TIMESTAMP,
  error TEXT,
  parameters_json TEXT,
  manifest_json TEXT,
  -- which process runs it: a random key, held as a PostgreSQL advisory lock while the process lives
  process_key BIGINT NOT NULL,
  team VARCHAR(100)
);

INSERT INTO runs (id, kind, status, scenario_name, scenario_yaml, owner, replications, seed, done,
                  created, started, finished, error, parameters_json, manifest_json, process_key,
                  team)
  SELECT id, kind, status, scenario_name, scenario_yaml, owner, replications, seed, done,
         created, started, finished, error, parameters_json, manifest_json, process_key, team
  FROM runs_before_v5;

DROP TABLE runs_before_v5;
