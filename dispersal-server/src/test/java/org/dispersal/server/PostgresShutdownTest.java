package org.dispersal.server;

import org.dispersal.store.TestDatabases;

/** Stopping the server on PostgreSQL (DISPERSAL_TEST_PG_URL). */
class PostgresShutdownTest extends ShutdownContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
