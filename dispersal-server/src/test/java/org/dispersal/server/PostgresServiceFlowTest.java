package org.dispersal.server;

import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Tag;

/** The service flow on PostgreSQL (DISPERSAL_TEST_PG_URL). */
@Tag("postgresql")
class PostgresServiceFlowTest extends ServiceFlowContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
