package org.dispersal.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases the contract tests run against: a fresh DuckDB file, or a fresh schema in the real
 * PostgreSQL named by DISPERSAL_TEST_PG_URL. Without that variable the PostgreSQL tests are
 * skipped, unless DISPERSAL_REQUIRE_PG=1 (set in CI), where they fail, so CI cannot skip them
 * silently. The server's tests use them too (the store's test jar).
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** A URL to a new DuckDB file in the folder. */
  public static String duckDb(Path folder) {
    return "jdbc:duckdb:" + folder.resolve("store-" + UUID.randomUUID() + ".duckdb");
  }

  /** A URL to a new, empty schema of the test PostgreSQL database. */
  public static String postgres() {
    String base = System.getenv("DISPERSAL_TEST_PG_URL");
    if (base == null || base.isBlank()) {
      if ("1".equals(System.getenv("DISPERSAL_REQUIRE_PG"))) {
        fail(
            "DISPERSAL_REQUIRE_PG=1 but DISPERSAL_TEST_PG_URL is not set:"
                + " source .ci/postgres.sh first");
      }
      assumeTrue(false, "DISPERSAL_TEST_PG_URL not set: PostgreSQL tests skipped");
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      fail("cannot reach the test PostgreSQL at " + base + ": " + e.getMessage());
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
