package org.dispersal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The run store: scenarios, runs with their summaries and reports, users, API tokens and the audit
 * log, in an embedded DuckDB file by default or in a PostgreSQL database for a team. Opening a
 * store brings its schema up to date with the Flyway migrations in {@code db/migration/store} (and
 * {@code db/migration/server}, if the server adds any); a DuckDB store that is new or already
 * current is handled without starting Flyway ({@link DuckDbMigrations}). Safe for use from many
 * threads.
 */
public final class Store implements AutoCloseable {

  /** Where the store's own migrations live (versions 1 to 49). */
  public static final String STORE_MIGRATIONS = "classpath:db/migration/store";

  /** Where the server may add migrations (versions 50 and up). */
  public static final String SERVER_MIGRATIONS = "classpath:db/migration/server";

  private final Database db;
  private final JdbcScenarioStore scenarios;
  private final JdbcRunStore runs;
  private final JdbcUserStore users;
  private final JdbcAuditLog audit;
  private final JdbcSessionStore sessions;
  private final JdbcLoginFailureStore loginFailures;

  private Store(Database db) {
    this.db = db;
    this.scenarios = new JdbcScenarioStore(db);
    this.runs = new JdbcRunStore(db);
    this.users = new JdbcUserStore(db);
    this.audit = new JdbcAuditLog(db);
    this.sessions = new JdbcSessionStore(db);
    this.loginFailures = new JdbcLoginFailureStore(db);
  }

  /**
   * Opens (and creates or migrates) the store at a JDBC URL: {@code jdbc:duckdb:FILE} or {@code
   * jdbc:postgresql://HOST:PORT/DATABASE?user=...}. Throws {@link StoreException} with a one-line
   * message when the database cannot be opened.
   */
  public static Store open(String jdbcUrl) {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new StoreException("no database URL given");
    }
    createDuckDbFolder(jdbcUrl);
    Database db;
    try {
      db = Database.open(jdbcUrl, new SecureRandom().nextLong());
    } catch (SQLException e) {
      String hint =
          e.getMessage() != null && e.getMessage().contains("lock")
              ? " (another process, such as dispersal serve, has the file open;"
                  + " one process at a time may open a DuckDB store)"
              : "";
      throw new StoreException(
          "cannot open the store " + redact(jdbcUrl) + ": " + firstLine(e) + hint);
    }
    try {
      migrate(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new Store(db);
  }

  /** The same locations as class-path folders, for {@link DuckDbMigrations}. */
  private static final List<String> MIGRATION_FOLDERS =
      List.of(STORE_MIGRATIONS, SERVER_MIGRATIONS).stream()
          .map(location -> location.substring("classpath:".length()))
          .toList();

  private static void migrate(Database db) {
    // An embedded store that is new or already current needs nothing Flyway decides, and Flyway's
    // start costs 0.4 s of CPU: DuckDbMigrations does those two cases, Flyway everything else.
    if (db.engine() == Database.Engine.DUCKDB
        && DuckDbMigrations.bringUpToDate(db, Store.class.getClassLoader(), MIGRATION_FOLDERS)) {
      return;
    }
    flyway(db);
  }

  /** Brings the store's tables up to date with Flyway (every case on PostgreSQL). */
  static void flyway(Database db) {
    try {
      Flyway.configure(Store.class.getClassLoader())
          .dataSource(db.dataSource())
          .locations(STORE_MIGRATIONS, SERVER_MIGRATIONS)
          .failOnMissingLocations(false)
          // All pending migrations in one transaction: a new store takes one lock and one read of
          // the history instead of one per migration (docs/PERFORMANCE.md, "Session 12").
          .group(true)
          .loggers(FlywayWarningsOnly.class.getName())
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot bring the store's tables up to date: " + firstLine(e), e);
    }
  }

  /**
   * The default store: {@code jdbc:duckdb:$DISPERSAL_HOME/dispersal.duckdb}, where DISPERSAL_HOME
   * defaults to {@code ~/.dispersal}.
   */
  public static String defaultUrl() {
    return "jdbc:duckdb:" + home().resolve("dispersal.duckdb");
  }

  /** The folder of the default store: $DISPERSAL_HOME, else ~/.dispersal. */
  public static Path home() {
    String env = System.getenv("DISPERSAL_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".dispersal");
  }

  /** True when the store is a PostgreSQL database, false for the embedded DuckDB file. */
  public boolean isPostgreSql() {
    return db.engine() == Database.Engine.POSTGRESQL;
  }

  public ScenarioStore scenarios() {
    return scenarios;
  }

  public RunStore runs() {
    return runs;
  }

  public UserStore users() {
    return users;
  }

  public AuditLog audit() {
    return audit;
  }

  /** The web service's browser sessions (hashes of their ids only). */
  public SessionStore sessions() {
    return sessions;
  }

  /** The web service's failed logins by user name and address (since migration V6). */
  public LoginFailureStore loginFailures() {
    return loginFailures;
  }

  @Override
  public void close() {
    db.close();
  }

  private static void createDuckDbFolder(String url) {
    if (!url.startsWith("jdbc:duckdb:")) {
      return;
    }
    String file = url.substring("jdbc:duckdb:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.isEmpty() || file.startsWith(":memory:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new StoreException(
          "cannot create the store's folder " + parent + ": " + e.getMessage());
    }
  }

  /** The URL without a password parameter, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
