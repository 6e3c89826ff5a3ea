-- The run store. One migration set for DuckDB (embedded default) and PostgreSQL 15: only types,
-- sequences and constraints that both accept. Times are UTC (TIMESTAMP without zone).
-- No index on runs.status: DuckDB rewrites an update of an indexed column as delete + insert.
-- No FOREIGN KEY clauses: DuckDB refuses to delete a parent row in the transaction that deleted
-- its children ("over-eager" constraint checks), which would make deleting a run non-atomic. The
-- store writes children and parents in one transaction instead (see docs/STORE.md).

CREATE SEQUENCE scenario_ids START 1;
CREATE TABLE scenarios (
  id BIGINT PRIMARY KEY DEFAULT nextval('scenario_ids'),
  name VARCHAR(200) NOT NULL UNIQUE,
  yaml TEXT NOT NULL,
  owner VARCHAR(100),
  built_in BOOLEAN NOT NULL,
  created TIMESTAMP NOT NULL,
  updated TIMESTAMP NOT NULL
);

CREATE SEQUENCE run_ids START 1;
CREATE TABLE runs (
  id BIGINT PRIMARY KEY DEFAULT nextval('run_ids'),
  kind VARCHAR(20) NOT NULL CHECK (kind IN ('forecast', 'calibration', 'hindcast', 'comparison')),
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
  process_key BIGINT NOT NULL
);

-- One row per row of the run's summary.csv, in file order (row_no).
CREATE TABLE summary_rows (
  run_id BIGINT NOT NULL,
  row_no INTEGER NOT NULL,
  month INTEGER NOT NULL,
  date VARCHAR(10) NOT NULL,
  scope VARCHAR(20) NOT NULL,
  scope_id VARCHAR(100) NOT NULL,
  demographic VARCHAR(20) NOT NULL,
  state VARCHAR(40) NOT NULL,
  destination VARCHAR(100) NOT NULL,
  mean DOUBLE PRECISION NOT NULL,
  p05 BIGINT NOT NULL,
  p25 BIGINT NOT NULL,
  p50 BIGINT NOT NULL,
  p75 BIGINT NOT NULL,
  p95 BIGINT NOT NULL,
  PRIMARY KEY (run_id, row_no)
);

-- Files of a run: report.html, summary.csv, manifest.json, ...
CREATE TABLE artifacts (
  run_id BIGINT NOT NULL,
  name VARCHAR(200) NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (run_id, name)
);

CREATE SEQUENCE user_ids START 1;
CREATE TABLE users (
  id BIGINT PRIMARY KEY DEFAULT nextval('user_ids'),
  username VARCHAR(100) NOT NULL UNIQUE,
  password_hash VARCHAR(500),
  role VARCHAR(10) NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
  team VARCHAR(100),
  created TIMESTAMP NOT NULL
);

-- API tokens for scripts: only the hash of each token.
CREATE TABLE api_tokens (
  user_id BIGINT NOT NULL,
  name VARCHAR(100) NOT NULL,
  token_hash VARCHAR(200) NOT NULL UNIQUE,
  created TIMESTAMP NOT NULL,
  PRIMARY KEY (user_id, name)
);

CREATE SEQUENCE audit_ids START 1;
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY DEFAULT nextval('audit_ids'),
  occurred TIMESTAMP NOT NULL,
  username VARCHAR(100),
  action VARCHAR(50) NOT NULL,
  target VARCHAR(300),
  detail TEXT
);
