package org.dispersal.server;

import org.dispersal.store.TestDatabases;

/** The service flow on PostgreSQL (DISPERSAL_TEST_PG_URL). */
class PostgresServiceFlowTest extends ServiceFlowContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
