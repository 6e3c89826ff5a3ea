package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's DuckDB settings for a command-line forecast reach the store's connection, and
 * without them DuckDB keeps its defaults.
 */
class DuckDbSettingsTest {

  @TempDir Path dir;

  private static String setting(Database db, String name) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void systemPropertiesSetThreadsAndMemoryLimit() throws Exception {
    String url = "jdbc:duckdb:" + dir.resolve("a.duckdb");
    System.setProperty(Database.THREADS_PROPERTY, "1");
    System.setProperty(Database.MEMORY_LIMIT_PROPERTY, "64MB");
    try (Database db = Database.open(url, 1)) {
      assertThat(setting(db, "threads")).isEqualTo("1");
      // DuckDB reports the limit in its own units (64MB is about 61 MiB).
      assertThat(setting(db, "memory_limit")).matches("(61\\.0 MiB|64\\.0 MB|61 MiB|64 MB)");
    } finally {
      System.clearProperty(Database.THREADS_PROPERTY);
      System.clearProperty(Database.MEMORY_LIMIT_PROPERTY);
    }
    assertThat(Database.duckDbSettings()).isEmpty();
    try (Database db = Database.open("jdbc:duckdb:" + dir.resolve("b.duckdb"), 2)) {
      assertThat(setting(db, "memory_limit")).doesNotStartWith("61").doesNotStartWith("64");
    }
  }
}
