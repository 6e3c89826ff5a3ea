package org.dispersal.server;

import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Tag;

/** Threat-outlook and update runs on PostgreSQL (DISPERSAL_TEST_PG_URL). */
@Tag("postgresql")
class PostgresAnalystRunsTest extends AnalystRunsContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
