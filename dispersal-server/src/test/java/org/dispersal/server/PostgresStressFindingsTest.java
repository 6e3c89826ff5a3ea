package org.dispersal.server;

import org.dispersal.store.TestDatabases;

/** Issue #18's findings on PostgreSQL (DISPERSAL_TEST_PG_URL). */
class PostgresStressFindingsTest extends StressFindingsContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
