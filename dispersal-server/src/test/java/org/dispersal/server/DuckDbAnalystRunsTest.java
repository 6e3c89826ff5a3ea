package org.dispersal.server;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Threat-outlook and update runs on the embedded DuckDB store. */
class DuckDbAnalystRunsTest extends AnalystRunsContract {

  @TempDir static Path folder;

  @Override
  String databaseUrl() {
    return TestServers.duckDb(folder);
  }
}
