package org.dispersal.server;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Team-private scenarios and runs on the embedded DuckDB store. */
class DuckDbTeamScenariosTest extends TeamScenariosContract {

  @TempDir static Path folder;

  @Override
  String databaseUrl() {
    return TestServers.duckDb(folder);
  }
}
