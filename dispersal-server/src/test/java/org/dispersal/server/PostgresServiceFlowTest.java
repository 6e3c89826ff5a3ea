package org.dispersal.server;

/** The service flow on PostgreSQL (DISPERSAL_TEST_PG_URL). */
class PostgresServiceFlowTest extends ServiceFlowContract {

  @Override
  String databaseUrl() {
    return TestServers.postgres();
  }
}
