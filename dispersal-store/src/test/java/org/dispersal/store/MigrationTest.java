package org.dispersal.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration test: an old store ({@link OldStores}) brought up to date by {@link Store#open}, once
 * on DuckDB and once on PostgreSQL (when DISPERSAL_TEST_PG_URL is set, see {@link TestDatabases}).
 * A subclass writes the old store and checks what the new one keeps.
 */
abstract class MigrationTest {

  @TempDir Path folder;

  /** Leaves a new store at {@code url} at an old version with rows, opens it and checks it. */
  abstract void migrate(String url) throws SQLException;

  @Test
  void onDuckDb() throws SQLException {
    migrate(TestDatabases.duckDb(folder));
  }

  @Tag("postgresql")
  @Test
  void onPostgres() throws SQLException {
    migrate(TestDatabases.postgres());
  }
}
