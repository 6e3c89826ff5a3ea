package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's migrations without Flyway ({@link DuckDbMigrations}): a new store ends up
 * with the schema and the history Flyway gives it, which Flyway then validates; a current store is
 * left as it is; anything else goes to Flyway.
 */
class DuckDbMigrationsTest {

  private static final List<String> FOLDERS = List.of("db/migration/store", "db/migration/server");

  @TempDir Path folder;

  @Test
  void aNewStoreGetsTheSchemaAndHistoryFlywayGivesIt() throws Exception {
    String ours = TestDatabases.duckDb(Files.createDirectories(folder.resolve("ours")));
    String flyways = TestDatabases.duckDb(Files.createDirectories(folder.resolve("flyway")));
    try (Database db = Database.open(ours, 1)) {
      assertThat(DuckDbMigrations.bringUpToDate(db, loader(), FOLDERS)).isTrue();
    }
    try (Database db = Database.open(flyways, 1)) {
      Store.flyway(db);
    }
    for (String sql :
        List.of(
            "SELECT schema_name, table_name, sql FROM duckdb_tables() ORDER BY ALL",
            "SELECT sequence_name, start_value, increment_by FROM duckdb_sequences() ORDER BY ALL",
            "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints()"
                + " ORDER BY ALL",
            "SELECT index_name, table_name, sql FROM duckdb_indexes() ORDER BY ALL",
            "SELECT installed_rank, version, description, type, script, checksum, installed_by,"
                + " success FROM flyway_schema_history ORDER BY installed_rank")) {
      assertThat(rows(ours, sql)).as(sql).isEqualTo(rows(flyways, sql));
    }
    assertThat(rows(ours, "SELECT * FROM flyway_schema_history"))
        .hasSize(DuckDbMigrations.onClassPath(loader(), FOLDERS).size());
    // Flyway finds every migration applied, validates the checksums and has nothing to do.
    Flyway flyway = flyway(ours);
    flyway.validate();
    assertThat(flyway.info().all())
        .extracting(MigrationInfo::getState)
        .containsOnly(MigrationState.SUCCESS);
    assertThat(flyway.migrate().migrationsExecuted).isZero();
  }

  @Test
  void aCurrentStoreIsLeftAsItIsAndAnOlderOneGoesToFlyway() throws Exception {
    String url = TestDatabases.duckDb(folder);
    OldStores.migrateTo(url, "3");
    try (Database db = Database.open(url, 1)) {
      assertThat(DuckDbMigrations.bringUpToDate(db, loader(), FOLDERS)).isFalse();
      Store.flyway(db);
      List<List<String>> history = rows(db, "SELECT * FROM flyway_schema_history ORDER BY ALL");
      assertThat(DuckDbMigrations.bringUpToDate(db, loader(), FOLDERS)).isTrue();
      assertThat(rows(db, "SELECT * FROM flyway_schema_history ORDER BY ALL")).isEqualTo(history);
    }
  }

  @Test
  void aChangedMigrationIsLeftToFlywaysValidation() throws Exception {
    String url = TestDatabases.duckDb(folder);
    Store.open(url).close();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '2'");
    }
    assertThatThrownBy(() -> Store.open(url))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Validate failed");
  }

  @Test
  void readsMigrationsAsFlywayDoes() throws Exception {
    List<DuckDbMigrations.Migration> found = DuckDbMigrations.onClassPath(loader(), FOLDERS);
    assertThat(found).extracting(DuckDbMigrations.Migration::version).startsWith(1, 2).endsWith(50);
    assertThat(found.get(0).description()).isEqualTo("run store");
    // Flyway's checksum: line breaks of any kind do not count, a byte-order mark neither.
    String unix = "-- a\nCREATE TABLE t (i INTEGER);\n";
    int sum = DuckDbMigrations.checksum(unix);
    assertThat(DuckDbMigrations.migration("V1__t.sql", bytes("\uFEFF" + unix)).checksum())
        .isEqualTo(sum);
    assertThat(DuckDbMigrations.checksum(unix.replace("\n", "\r\n"))).isEqualTo(sum);
    // Left to Flyway: other kinds of files, placeholders.
    assertThat(DuckDbMigrations.migration("R__t.sql", bytes(unix))).isNull();
    assertThat(DuckDbMigrations.migration("V1_1__t.sql", bytes(unix))).isNull();
    assertThat(DuckDbMigrations.migration("V1__t.sql", bytes("SELECT '${x}';"))).isNull();
    Path extra = Files.createDirectories(folder.resolve("db/migration/store"));
    Files.writeString(extra.resolve("README.md"), "not a migration");
    ClassLoader withExtra =
        new java.net.URLClassLoader(new java.net.URL[] {folder.toUri().toURL()}, loader());
    assertThat(DuckDbMigrations.onClassPath(withExtra, FOLDERS)).isNull();
  }

  @Test
  void readsTheSameMigrationsFromAJar() throws Exception {
    List<DuckDbMigrations.Migration> fromFolders =
        DuckDbMigrations.onClassPath(loader(), List.of("db/migration/store"));
    Path jar = folder.resolve("migrations.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("db/migration/store/"));
      for (DuckDbMigrations.Migration m : fromFolders) {
        out.putNextEntry(new java.util.jar.JarEntry("db/migration/store/" + m.script()));
        out.write(bytes(m.sql()));
      }
    }
    try (var jarLoader =
        new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
      assertThat(DuckDbMigrations.onClassPath(jarLoader, List.of("db/migration/store")))
          .isEqualTo(fromFolders)
          .hasSizeGreaterThanOrEqualTo(9);
      // Nothing in the first location (here: not on that class path): left to Flyway.
      assertThat(DuckDbMigrations.onClassPath(jarLoader, List.of("db/migration/nowhere"))).isNull();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ClassLoader loader() {
    return Store.class.getClassLoader();
  }

  private static Flyway flyway(String url) {
    return Flyway.configure(loader())
        .dataSource(url, null, null)
        .locations(Store.STORE_MIGRATIONS, Store.SERVER_MIGRATIONS)
        .failOnMissingLocations(false)
        .group(true)
        .load();
  }

  private static List<List<String>> rows(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return rows(c, sql);
    }
  }

  private static List<List<String>> rows(Database db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      return rows(c, sql);
    }
  }

  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
