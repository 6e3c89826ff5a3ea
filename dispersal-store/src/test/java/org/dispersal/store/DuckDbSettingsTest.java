package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's DuckDB settings for a command-line forecast reach the store's connection, and
 * without them DuckDB keeps its defaults; checkpoints never vacuum, so storing a run leaves the
 * earlier runs' files where they are.
 */
class DuckDbSettingsTest {

  @TempDir Path dir;

  private static String setting(Database db, String name) throws Exception {
    return single(db, "SELECT current_setting('" + name + "')");
  }

  /** The one value a query gives. */
  private static String single(Database db, String sql) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
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

  /**
   * Each stored run's files stay in row groups of their own: with DuckDB's vacuum, the checkpoint
   * at every close merged the artifacts table (fewer than 2,048 rows) into one row group, rewriting
   * every earlier run's bytes. Deleting a run drops its row group, and the others still read back.
   */
  @Test
  void storingARunDoesNotRewriteTheEarlierRunsFiles() throws Exception {
    String url = "jdbc:duckdb:" + dir.resolve("c.duckdb");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try (Store store = Store.open(url)) {
        RunStore runs = store.runs();
        StoredRun run = runs.create(RunKind.FORECAST, "isis-2017", "name: x\n", "ana", 3, 7, null);
        runs.succeeded(run.id(), Fixtures.MANIFEST, Fixtures.rows(2, i), Fixtures.artifacts(i));
        ids.add(run.id());
      }
    }
    try (Database db = Database.open(url, 3)) {
      assertThat(rowGroups(db, "artifacts")).isEqualTo(3);
      assertThat(setting(db, "max_vacuum_tasks")).isEqualTo("0");
    }
    try (Store store = Store.open(url)) {
      assertThat(store.runs().delete(ids.get(0))).isTrue();
    }
    try (Database db = Database.open(url, 3)) {
      assertThat(rowGroups(db, "artifacts")).isEqualTo(2);
    }
    try (Store store = Store.open(url)) {
      assertThat(store.runs().artifact(ids.get(2), "report.html"))
          .hasValue(Fixtures.artifacts(2).get("report.html"));
      assertThat(store.runs().artifact(ids.get(0), "report.html")).isEmpty();
    }
  }

  private static int rowGroups(Database db, String table) throws Exception {
    return Integer.parseInt(
        single(
            db, "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('" + table + "')"));
  }
}
