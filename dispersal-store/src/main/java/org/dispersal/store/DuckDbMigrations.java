package org.dispersal.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Brings an embedded DuckDB store up to date without Flyway when Flyway would have nothing to
 * decide, which is every start of the command line but the first after an upgrade: Flyway's own
 * start (its classes, plugins, class-path scan, a dozen catalog queries per migration) cost the
 * store's thread about 0.4 s of CPU against 0.05 s for the SQL (docs/STORE.md, "Opening a store").
 * Two cases are handled here, both in one transaction:
 *
 * <ul>
 *   <li>a new, empty database: the migrations run in version order and Flyway's history table is
 *       written as Flyway writes it (its DuckDB table, one row per migration with Flyway's
 *       checksum), so Flyway later finds every migration applied and validates them;
 *   <li>a database whose history lists exactly the migrations on the class path, all successful,
 *       with the same descriptions, scripts and checksums: nothing to do.
 * </ul>
 *
 * Anything else (an older store, a failed or changed migration, a location holding something other
 * than {@code V<n>__<description>.sql} files, a placeholder, SQL that DuckDB refuses) is left to
 * Flyway, which migrates it or reports the problem as before.
 */
final class DuckDbMigrations {

  /** One versioned SQL migration as Flyway resolves it. */
  record Migration(int version, String description, String script, String sql, int checksum) {}

  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,8})__(\\w+)\\.sql");

  /** Flyway's history table on DuckDB (flyway-database-duckdb's create script). */
  private static final String HISTORY_TABLE =
      """
      CREATE TABLE "main"."flyway_schema_history" (
          installed_rank INTEGER NOT NULL,
          version        VARCHAR,
          description    VARCHAR NOT NULL,
          type           VARCHAR NOT NULL,
          script         VARCHAR NOT NULL,
          checksum       INTEGER,
          installed_by   VARCHAR NOT NULL,
          installed_on   TIMESTAMP NOT NULL DEFAULT now(),
          execution_time INTEGER NOT NULL,
          success        BOOLEAN NOT NULL
      )""";

  private DuckDbMigrations() {}

  /**
   * True when the store at {@code db} (DuckDB) is now up to date with the migrations in {@code
   * locations} (class-path folders such as {@code db/migration/store}); false when Flyway must
   * decide.
   */
  static boolean bringUpToDate(Database db, ClassLoader loader, List<String> locations) {
    List<Migration> migrations = onClassPath(loader, locations);
    if (migrations == null) {
      return false;
    }
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        boolean done = isEmpty(c) ? create(c, migrations) : isCurrent(c, migrations);
        c.commit();
        return done;
      } catch (SQLException e) {
        c.rollback();
        return false;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * The migrations in the locations in version order, or null when Flyway must resolve them. The
   * first location must list some (a jar without folder entries lists none, and a new store must
   * never get only the later locations' migrations); the others may be absent.
   */
  static List<Migration> onClassPath(ClassLoader loader, List<String> locations) {
    List<Migration> all = new ArrayList<>();
    try {
      for (String location : locations) {
        Enumeration<URL> folders = loader.getResources(location);
        while (folders.hasMoreElements()) {
          if (!read(folders.nextElement(), location, all)) {
            return null;
          }
        }
        if (all.isEmpty()) {
          return null;
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return null;
    }
    all.sort(Comparator.comparingInt(Migration::version));
    for (int i = 1; i < all.size(); i++) {
      if (all.get(i).version() == all.get(i - 1).version()) {
        return null;
      }
    }
    return all;
  }

  /** Adds the migrations of one class-path folder; false if it holds anything else. */
  private static boolean read(URL folder, String location, List<Migration> into)
      throws IOException, URISyntaxException {
    switch (folder.getProtocol()) {
      case "file" -> {
        try (var files = Files.list(Path.of(folder.toURI()))) {
          for (Path file : (Iterable<Path>) files::iterator) {
            if (!Files.isRegularFile(file)) {
              return false;
            }
            Migration m = migration(file.getFileName().toString(), Files.readAllBytes(file));
            if (m == null) {
              return false;
            }
            into.add(m);
          }
        }
        return true;
      }
      case "jar" -> {
        JarFile jar = ((JarURLConnection) folder.openConnection()).getJarFile();
        String prefix = location + "/";
        for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
          String name = e.getName();
          if (!name.startsWith(prefix) || name.equals(prefix)) {
            continue;
          }
          byte[] bytes;
          try (InputStream in = jar.getInputStream(e)) {
            bytes = in.readAllBytes();
          }
          Migration m = e.isDirectory() ? null : migration(name.substring(prefix.length()), bytes);
          if (m == null) {
            return false;
          }
          into.add(m);
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** A file of a migration folder as Flyway reads it, or null if not a plain versioned script. */
  static Migration migration(String fileName, byte[] bytes) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    String sql = new String(bytes, StandardCharsets.UTF_8);
    if (sql.startsWith("\uFEFF")) {
      sql = sql.substring(1);
    }
    if (sql.contains("${")) {
      return null;
    }
    return new Migration(
        Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName, sql, checksum(sql));
  }

  /** Flyway's checksum of a script: CRC-32 of its lines without their line breaks, as UTF-8. */
  static int checksum(String sql) {
    CRC32 crc = new CRC32();
    sql.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
    return (int) crc.getValue();
  }

  private static boolean isEmpty(Connection c) throws SQLException {
    return count(c, "SELECT count(*) FROM duckdb_tables()") == 0
        && count(c, "SELECT count(*) FROM duckdb_views() WHERE NOT internal") == 0
        && count(c, "SELECT count(*) FROM duckdb_sequences()") == 0;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean create(Connection c, List<Migration> migrations) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(HISTORY_TABLE);
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO \"main\".\"flyway_schema_history\" (installed_rank, version, description,"
                + " type, script, checksum, installed_by, execution_time, success)"
                + " VALUES (?, ?, ?, 'SQL', ?, ?, '', ?, true)")) {
      int rank = 0;
      for (Migration m : migrations) {
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
          s.execute(m.sql());
        }
        insert.setInt(1, ++rank);
        insert.setString(2, Integer.toString(m.version()));
        insert.setString(3, m.description());
        insert.setString(4, m.script());
        insert.setInt(5, m.checksum());
        insert.setInt(6, (int) ((System.nanoTime() - start) / 1_000_000));
        insert.executeUpdate();
      }
    }
    return true;
  }

  private static boolean isCurrent(Connection c, List<Migration> migrations) throws SQLException {
    if (count(
            c,
            "SELECT count(*) FROM duckdb_tables()"
                + " WHERE schema_name = 'main' AND table_name = 'flyway_schema_history'")
        != 1) {
      return false;
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, description, type, script, checksum, success"
                    + " FROM \"main\".\"flyway_schema_history\" ORDER BY installed_rank")) {
      int i = 0;
      while (rs.next()) {
        if (i == migrations.size()) {
          return false;
        }
        Migration m = migrations.get(i++);
        if (!Integer.toString(m.version()).equals(rs.getString(1))
            || !m.description().equals(rs.getString(2))
            || !"SQL".equals(rs.getString(3))
            || !m.script().equals(rs.getString(4))
            || rs.getObject(5) == null
            || rs.getInt(5) != m.checksum()
            || !rs.getBoolean(6)) {
          return false;
        }
      }
      return i == migrations.size();
    }
  }
}
