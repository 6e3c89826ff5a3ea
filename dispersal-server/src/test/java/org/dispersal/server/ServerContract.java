package org.dispersal.server;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A contract the service must keep on every store: one service per test class on a new, empty store
 * ({@link #databaseUrl}), with its admin logged in; a subclass adds the users it needs. DuckDB and
 * PostgreSQL subclasses of each contract name their store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerContract {

  DispersalServer server;
  String url;
  Api admin;

  /** A new, empty store on each call. */
  abstract String databaseUrl();

  /** The service's settings for this contract: as shipped unless a contract needs otherwise. */
  UnaryOperator<ServerConfig> config() {
    return c -> c;
  }

  /** Creates the contract's users and fixtures once the service and its admin are up. */
  abstract void setUp();

  @BeforeAll
  void start() {
    url = databaseUrl();
    server = TestServers.start(url, config());
    admin = TestServers.admin(server);
    setUp();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }
}
