package org.dispersal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * Connections to one store database and the few places where DuckDB and PostgreSQL differ: how
 * connections are made (duplicates of one DuckDB connection; a small pool for PostgreSQL) and how a
 * process proves it is alive (a PostgreSQL advisory lock held for the life of the store).
 */
final class Database implements AutoCloseable {

  /** The database engines the store runs on. */
  enum Engine {
    DUCKDB,
    POSTGRESQL
  }

  /** A unit of work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Reads one row of a result set into a value. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** How often a unit of work is tried when DuckDB reports a write-write conflict. */
  private static final int MAX_TRIES = 50;

  private final Engine engine;
  private final DuckDBConnection duck;
  private final HikariDataSource pool;
  private final Connection lifeLock;
  private final long processKey;

  private Database(
      Engine engine,
      DuckDBConnection duck,
      HikariDataSource pool,
      Connection lifeLock,
      long processKey) {
    this.engine = engine;
    this.duck = duck;
    this.pool = pool;
    this.lifeLock = lifeLock;
    this.processKey = processKey;
  }

  /**
   * System properties that, when set, pass DuckDB's own settings of the same name to the store's
   * connection (e.g. {@code -Ddispersal.duckdb.threads=1 -Ddispersal.duckdb.memory_limit=256MB}).
   * The launcher sets the threads for a command-line forecast, whose store writes one run and exits
   * (docs/PERFORMANCE.md, "Session 8"); unset, DuckDB's defaults hold (all cores, 80 % of the
   * machine's memory), as for the server. A memory limit is the user's choice: 64 MB made DuckDB
   * fail to checkpoint a store that already held runs.
   */
  static final String THREADS_PROPERTY = "dispersal.duckdb.threads";

  /** See {@link #THREADS_PROPERTY}. */
  static final String MEMORY_LIMIT_PROPERTY = "dispersal.duckdb.memory_limit";

  /**
   * No vacuum at DuckDB's checkpoints. DuckDB (2.0) merges a table's row groups at every checkpoint
   * while the table has fewer than 2,048 rows, and a merge rewrites every value of the merged rows:
   * the artifacts and the replication values are such tables (a few rows a run, megabytes each), so
   * storing one more forecast rewrote every earlier run's files, and the forecast's memory and time
   * grew with the store (a store of 136 runs, 544 MB: 869 MB resident and 0.6-1.1 s more for a
   * forecast of 10 replications; docs/STORE.md, "Checkpoints without vacuum"). Without vacuum each
   * commit's rows stay in row groups of their own; deleting a run still drops the row groups that
   * held only its rows, while space freed inside a shared row group is not reclaimed.
   */
  static final int DUCKDB_VACUUM_TASKS = 0;

  /** DuckDB's settings from the system properties above (empty when none is set). */
  static java.util.Properties duckDbSettings() {
    java.util.Properties settings = new java.util.Properties();
    String threads = System.getProperty(THREADS_PROPERTY);
    if (threads != null && !threads.isBlank()) {
      settings.setProperty("threads", threads.strip());
    }
    String memory = System.getProperty(MEMORY_LIMIT_PROPERTY);
    if (memory != null && !memory.isBlank()) {
      settings.setProperty("memory_limit", memory.strip());
    }
    return settings;
  }

  static Database open(String url, long processKey) throws SQLException {
    if (url.startsWith("jdbc:duckdb:")) {
      DuckDbLibrary.require();
      Connection c = DriverManager.getConnection(url, duckDbSettings());
      try (Statement s = c.createStatement()) {
        s.execute("SET max_vacuum_tasks = " + DUCKDB_VACUUM_TASKS);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return new Database(Engine.DUCKDB, c.unwrap(DuckDBConnection.class), null, null, processKey);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      HikariConfig cfg = new HikariConfig();
      cfg.setJdbcUrl(url);
      cfg.setMaximumPoolSize(8);
      cfg.setMinimumIdle(1);
      cfg.setPoolName("dispersal-store");
      cfg.setInitializationFailTimeout(-1);
      cfg.setConnectionTimeout(10_000);
      HikariDataSource pool = new HikariDataSource(cfg);
      Connection lock = null;
      try {
        lock = DriverManager.getConnection(url);
        try (PreparedStatement p = lock.prepareStatement("SELECT pg_advisory_lock(?)")) {
          p.setLong(1, processKey);
          p.execute();
        }
        return new Database(Engine.POSTGRESQL, null, pool, lock, processKey);
      } catch (SQLException | RuntimeException e) {
        pool.close();
        if (lock != null) {
          lock.close();
        }
        throw e;
      }
    }
    throw new StoreException(
        "unsupported database URL '"
            + url
            + "': use jdbc:duckdb:FILE or jdbc:postgresql://HOST:PORT/DATABASE");
  }

  Engine engine() {
    return engine;
  }

  /** The random key of this process, stored with every run it creates. */
  long processKey() {
    return processKey;
  }

  Connection connect() throws SQLException {
    return engine == Engine.DUCKDB ? duck.duplicate() : pool.getConnection();
  }

  /** A data source over {@link #connect()}, for Flyway. */
  DataSource dataSource() {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return connect();
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return connect();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getLogger("org.dispersal.store");
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }

  /** Runs work with auto-commit (one statement at a time). */
  <T> T read(Work<T> work) {
    return retryingConflicts(
        () -> {
          try (Connection c = connect()) {
            return work.run(c);
          }
        });
  }

  /** Runs work in one transaction: all of it is committed, or none of it. */
  <T> T transaction(Work<T> work) {
    return retryingConflicts(
        () -> {
          try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
              T result = work.run(c);
              c.commit();
              return result;
            } catch (SQLException | RuntimeException e) {
              c.rollback();
              throw e;
            } finally {
              c.setAutoCommit(true);
            }
          }
        });
  }

  /** Work that opens its own connection. */
  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws SQLException;
  }

  /**
   * Runs an attempt again when DuckDB reports a write-write conflict with a concurrent transaction
   * (DuckDB's optimistic concurrency control aborts one of two transactions that change the same
   * row, where PostgreSQL would make the second wait). Every attempt is a whole transaction, so a
   * retry never repeats half of one.
   */
  private <T> T retryingConflicts(Attempt<T> attempt) {
    for (int tries = 1; ; tries++) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        if (engine != Engine.DUCKDB || tries >= MAX_TRIES || !isConflict(e)) {
          throw failure(e);
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + 2 * tries));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw failure(e);
        }
      }
    }
  }

  private static boolean isConflict(SQLException e) {
    String m = e.getMessage();
    return m != null && m.contains("Conflict");
  }

  /**
   * True when the process that owns the key has ended. On DuckDB only one process opens the file,
   * so every other key is dead; on PostgreSQL a live process holds its key as an advisory lock.
   */
  boolean processEnded(Connection c, long key) throws SQLException {
    if (key == processKey) {
      return false;
    }
    if (engine == Engine.DUCKDB) {
      return true;
    }
    try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      p.setLong(1, key);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return false;
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      p.setLong(1, key);
      p.execute();
    }
    return true;
  }

  /**
   * A statement for {@code sql} with {@code args} bound in order: an {@link Instant} as a UTC
   * timestamp, a {@link Long}, {@link Integer} or {@link Boolean} as itself, anything else
   * (including null) as text.
   */
  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement p = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        bind(p, i + 1, args[i]);
      }
      return p;
    } catch (SQLException | RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement p, int index, Object arg) throws SQLException {
    if (arg instanceof Instant t) {
      setTime(p, index, t);
    } else if (arg instanceof Long n) {
      p.setLong(index, n);
    } else if (arg instanceof Integer n) {
      p.setInt(index, n);
    } else if (arg instanceof Boolean b) {
      p.setBoolean(index, b);
    } else {
      p.setString(index, (String) arg);
    }
  }

  /** Runs an insert, update or delete with its arguments; the number of rows it changed. */
  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = prepare(c, sql, args)) {
      return p.executeUpdate();
    }
  }

  /** Every row a query with its arguments returns, in the database's order. */
  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement p = prepare(c, sql, args);
        ResultSet rs = p.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.read(rs));
      }
      return out;
    }
  }

  static StoreException failure(SQLException e) {
    return new StoreException("database error: " + e.getMessage(), e);
  }

  static void setTime(PreparedStatement p, int index, Instant t) throws SQLException {
    if (t == null) {
      p.setNull(index, java.sql.Types.TIMESTAMP);
    } else {
      p.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }
  }

  static Instant time(ResultSet rs, String column) throws SQLException {
    Object v = rs.getObject(column);
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (v instanceof Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    throw new SQLException("unexpected time value " + v.getClass().getName() + " in " + column);
  }

  /** Now, to the microsecond (the precision both databases keep). */
  static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  @Override
  public void close() {
    try {
      if (duck != null) {
        duck.close();
      }
      if (lifeLock != null) {
        // Unlock before closing: the server ends the session (and frees the lock) asynchronously.
        try (PreparedStatement p = lifeLock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          p.setLong(1, processKey);
          p.execute();
        } finally {
          lifeLock.close();
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      if (pool != null) {
        pool.close();
      }
    }
  }
}
