-- Test only: proves that Store.open also runs the server's migration location (V50 and up).
CREATE TABLE server_location_check (id BIGINT PRIMARY KEY);
