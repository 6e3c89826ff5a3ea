package org.dispersal.store;

/** The session store contract on a real PostgreSQL server (DISPERSAL_TEST_PG_URL). */
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
