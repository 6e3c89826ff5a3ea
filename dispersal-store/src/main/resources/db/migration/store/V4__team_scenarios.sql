-- Team-private scenarios and their runs. scenarios.visibility is 'shared' (every signed-in user
-- reads it; what every scenario stored before V4 becomes) or 'team' (only the members of
-- scenarios.team, and admins, see it). runs.team is the team of the scenario when the run was
-- submitted, null for a run every user may see. DuckDB adds a column with NOT NULL and a DEFAULT
-- but no CHECK, so the store checks the values in Java (Visibility, JdbcScenarioStore). Adding
-- columns keeps every row and its id on both databases; no table is rebuilt.

ALTER TABLE scenarios ADD COLUMN visibility VARCHAR(10) NOT NULL DEFAULT 'shared';
ALTER TABLE scenarios ADD COLUMN team VARCHAR(100);
ALTER TABLE runs ADD COLUMN team VARCHAR(100);
