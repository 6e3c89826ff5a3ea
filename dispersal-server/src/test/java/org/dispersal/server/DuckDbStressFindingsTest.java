package org.dispersal.server;

import java.nio.file.Path;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** Issue #18's findings on the embedded DuckDB store. */
class DuckDbStressFindingsTest extends StressFindingsContract {

  @TempDir static Path folder;

  @Override
  String databaseUrl() {
    return TestDatabases.duckDb(folder);
  }
}
