-- A run's owner by user id (issue #18, finding 5): only a run's owner or an admin may cancel it, and
-- the service's per-user share of its queue counts runs by owner. runs.owner keeps the name for
-- display; owner_id decides. Filled from users by name as V7 did for scenarios; runs whose owner no
-- longer exists (and command-line runs, owned by "cli") get no owner_id unless such a user exists,
-- so only admins may cancel them. No FOREIGN KEY (see V1).
ALTER TABLE runs ADD COLUMN owner_id BIGINT;
UPDATE runs SET owner_id = (SELECT u.id FROM users u WHERE u.username = runs.owner);
