-- Failed logins of the web service, kept so that a restart does not forget them (issue #18,
-- finding 4). One row per pair of a user name (lower case, at most 100 characters) and a client
-- address: how many failures in a row, and the last one. A successful login from that address
-- removes the pair; the server forgets a pair a day after its last failure. Keying on the pair
-- means that guesses from one address never lock the user out of another address.
CREATE TABLE login_failures (
  username VARCHAR(100) NOT NULL,
  address VARCHAR(64) NOT NULL,
  failures INTEGER NOT NULL,
  last_failure TIMESTAMP NOT NULL,
  PRIMARY KEY (username, address)
);
