package org.dispersal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.flywaydb.core.Flyway;

/**
 * Stores left at an older migration, for the migration tests: the schema at one version and rows
 * written into it with plain JDBC, as that version of the product would have written them.
 */
final class OldStores {

  /** When every old row was written. */
  static final Timestamp WRITTEN = Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4, 5));

  private OldStores() {}

  /** Migrates the new, empty store at {@code url} up to and including {@code version}. */
  static void migrateTo(String url, String version) {
    Flyway.configure(Store.class.getClassLoader())
        .dataSource(url, null, null)
        .locations(Store.STORE_MIGRATIONS)
        .target(version)
        .load()
        .migrate();
  }

  /** Adds an analyst account named {@code name}; its id. */
  static long user(Connection c, String name) throws SQLException {
    return insert(
        c,
        "INSERT INTO users (username, password_hash, role, created)"
            + " VALUES (?, 'h', 'analyst', ?) RETURNING id",
        name,
        WRITTEN);
  }

  /** Runs an {@code INSERT ... RETURNING id} with {@code args} bound in order; the new row's id. */
  static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
