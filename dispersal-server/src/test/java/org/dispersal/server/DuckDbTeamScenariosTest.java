package org.dispersal.server;

import java.nio.file.Path;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** Team-private scenarios and runs on the embedded DuckDB store. */
class DuckDbTeamScenariosTest extends TeamScenariosContract {

  @TempDir static Path folder;

  @Override
  String databaseUrl() {
    return TestDatabases.duckDb(folder);
  }
}
