package org.dispersal.server;

import org.dispersal.store.TestDatabases;

/** Threat-outlook and update runs on PostgreSQL (DISPERSAL_TEST_PG_URL). */
class PostgresAnalystRunsTest extends AnalystRunsContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
