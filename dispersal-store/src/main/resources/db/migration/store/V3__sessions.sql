-- Browser sessions of the web service, kept so that a restart of the server logs nobody out.
-- id_hash is the lower-case hex SHA-256 of the session id; the id itself (the cookie value) is never
-- stored, so a copy of the database does not let anyone act as a logged-in user.
-- csrf_token is kept as is: GET /api/session hands it back after a page reload or a restart, and it
-- is worth nothing without the session cookie.
-- user_id ties a session to one account, so a user deleted and created again under the same name
-- does not inherit the old account's sessions. No FOREIGN KEY (see V1).
-- expires is the earlier of the idle and the absolute end, as of last_seen; the server moves it on.
-- No index on expires or last_seen: both change when a session is used, and DuckDB rewrites an
-- update of an indexed column as delete + insert.
CREATE TABLE sessions (
  id_hash VARCHAR(64) PRIMARY KEY,
  user_id BIGINT NOT NULL,
  username VARCHAR(100) NOT NULL,
  csrf_token VARCHAR(100) NOT NULL,
  created TIMESTAMP NOT NULL,
  last_seen TIMESTAMP NOT NULL,
  expires TIMESTAMP NOT NULL
);
