package org.dispersal.server;

import org.dispersal.store.TestDatabases;

/**
 * Issue #18 findings 2 and 5 (run limits, failures, cancel rights) on PostgreSQL
 * (DISPERSAL_TEST_PG_URL).
 */
class PostgresRunLimitsTest extends RunLimitsContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
