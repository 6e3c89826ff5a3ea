package org.dispersal.server;

/** Threat-outlook and update runs on PostgreSQL (DISPERSAL_TEST_PG_URL). */
class PostgresAnalystRunsTest extends AnalystRunsContract {

  @Override
  String databaseUrl() {
    return TestServers.postgres();
  }
}
