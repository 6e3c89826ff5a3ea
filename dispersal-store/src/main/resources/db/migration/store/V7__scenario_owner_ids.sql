-- A scenario's owner by user id (issue #18, finding 6): a user deleted and created again under the
-- same name must not own the old account's scenarios. scenarios.owner keeps the name for display;
-- owner_id decides who may change the scenario. Scenarios whose owner no longer exists get no
-- owner_id, so only admins may change them. No FOREIGN KEY (see V1).
ALTER TABLE scenarios ADD COLUMN owner_id BIGINT;
UPDATE scenarios SET owner_id = (SELECT u.id FROM users u WHERE u.username = scenarios.owner);
