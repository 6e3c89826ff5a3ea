package org.dispersal.server;

import java.nio.file.Path;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18 findings 2 and 5 (run limits, failures, cancel rights) on the embedded DuckDB store.
 */
class DuckDbRunLimitsTest extends RunLimitsContract {

  @TempDir static Path folder;

  @Override
  String databaseUrl() {
    return TestDatabases.duckDb(folder);
  }
}
