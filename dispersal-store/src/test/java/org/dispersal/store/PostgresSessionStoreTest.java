package org.dispersal.store;

import org.junit.jupiter.api.Tag;

/** The session store contract on a real PostgreSQL server (DISPERSAL_TEST_PG_URL). */
@Tag("postgresql")
class PostgresSessionStoreTest extends SessionStoreContractTest {
  @Override
  String newDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  boolean shared() {
    return true;
  }
}
