package org.dispersal.server;

import java.nio.file.Path;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** Threat-outlook and update runs on the embedded DuckDB store. */
class DuckDbAnalystRunsTest extends AnalystRunsContract {

  @TempDir static Path folder;

  @Override
  String databaseUrl() {
    return TestDatabases.duckDb(folder);
  }
}
