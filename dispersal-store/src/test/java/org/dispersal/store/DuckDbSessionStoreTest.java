package org.dispersal.store;

/** The session store contract on the embedded default, a DuckDB file. */
class DuckDbSessionStoreTest extends SessionStoreContractTest {
  @Override
  String newDatabase() {
    return TestDatabases.duckDb(temp);
  }

  @Override
  boolean shared() {
    return false;
  }
}
