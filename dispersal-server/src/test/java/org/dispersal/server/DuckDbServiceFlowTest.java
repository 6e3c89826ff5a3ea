package org.dispersal.server;

import java.nio.file.Path;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** The service flow on the embedded DuckDB store. */
class DuckDbServiceFlowTest extends ServiceFlowContract {

  @TempDir static Path folder;

  @Override
  String databaseUrl() {
    return TestDatabases.duckDb(folder);
  }
}
