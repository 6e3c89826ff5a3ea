package org.dispersal.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The runs, their summary rows and artifacts in SQL. It is long because every run operation is one
 * SQL statement with its checks for both databases (DuckDB's appender and PostgreSQL's COPY for the
 * rows), kept together so the two stay alike.
 */
final class JdbcRunStore implements RunStore {

  private static final String COLUMNS =
      "id, kind, status, scenario_name, owner, team, replications, seed, done, created, started,"
          + " finished, error, manifest_json";

  private static final String SUMMARY_COLUMNS =
      "month, date, scope, scope_id, demographic, state, destination, mean, p05, p25, p50, p75, p95";

  /** The message of a run whose process died before it finished. */
  static final String INTERRUPTED = "interrupted";

  private final Database db;

  JdbcRunStore(Database db) {
    this.db = db;
  }

  @Override
  public StoredRun create(
      RunKind kind,
      String scenarioName,
      String scenarioYaml,
      String owner,
      int replications,
      long seed,
      String parametersJson,
      String team) {
    if (kind == null) {
      throw new StoreException("a run needs a kind: " + RunKind.ids());
    }
    if (scenarioName == null || scenarioName.isBlank()) {
      throw new StoreException("a run needs a scenario name");
    }
    if (replications < 0) {
      throw new StoreException("replications must be zero or more, not " + replications);
    }
    Json.requireObjectOrNull(parametersJson, "run parameters");
    if (team != null && team.isBlank()) {
      throw new StoreException("a run's team is a name or null, not blank");
    }
    Instant now = Database.now();
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO runs (kind, status, scenario_name, scenario_yaml, owner, team,"
                      + " replications, seed, done, created, parameters_json, process_key,"
                      + " owner_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?,"
                      + " (SELECT u.id FROM users u WHERE u.username = ?)) RETURNING id")) {
            p.setString(1, kind.id());
            p.setString(2, RunStatus.QUEUED.id());
            p.setString(3, scenarioName);
            p.setString(4, scenarioYaml);
            p.setString(5, owner);
            p.setString(6, team);
            p.setInt(7, replications);
            p.setLong(8, seed);
            Database.setTime(p, 9, now);
            p.setString(10, parametersJson);
            p.setLong(11, db.processKey());
            p.setString(12, owner);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              return new StoredRun(
                  rs.getLong(1),
                  kind,
                  RunStatus.QUEUED,
                  scenarioName,
                  owner,
                  team,
                  replications,
                  seed,
                  0,
                  now,
                  null,
                  null,
                  null,
                  null);
            }
          }
        });
  }

  @Override
  public Optional<Long> ownerId(long id) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement("SELECT owner_id FROM runs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Long>empty();
              }
              long owner = rs.getLong(1);
              return rs.wasNull() ? Optional.<Long>empty() : Optional.of(owner);
            }
          }
        });
  }

  @Override
  public void started(long id) {
    db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = 'running', started = ?, process_key = ?"
                      + " WHERE id = ? AND status = 'queued'")) {
            Database.setTime(p, 1, Database.now());
            p.setLong(2, db.processKey());
            p.setLong(3, id);
            if (p.executeUpdate() == 0) {
              throw new StoreException("run " + id + " is not queued: " + describe(c, id));
            }
            return null;
          }
        });
  }

  @Override
  public void progress(long id, int done) {
    db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET done = ? WHERE id = ? AND status IN ('queued', 'running')")) {
            p.setInt(1, done);
            p.setLong(2, id);
            return p.executeUpdate();
          }
        });
  }

  @Override
  public void succeeded(
      long id, String manifestJson, List<SummaryRow> rows, Map<String, byte[]> artifacts) {
    succeeded(id, manifestJson, rows, artifacts, null);
  }

  @Override
  public void succeeded(
      long id,
      String manifestJson,
      List<SummaryRow> rows,
      Map<String, byte[]> artifacts,
      ReplicationValues values) {
    artifacts.keySet().forEach(JdbcRunStore::checkArtifactName);
    succeededWhenReady(id, manifestJson, rows, () -> values, () -> artifacts);
  }

  @Override
  public void succeededWhenReady(
      long id,
      String manifestJson,
      List<SummaryRow> rows,
      Supplier<ReplicationValues> valuesWhenReady,
      Supplier<Map<String, byte[]>> artifactsWhenReady) {
    Json.requireObjectOrNull(manifestJson, "manifest of run " + id);
    // The files are compressed (ArtifactBytes) on a thread of their own as soon as they are given,
    // while this one appends the rows and the values (docs/PERFORMANCE.md, "Session 14: the
    // tail"); a retried transaction takes the same result. The summary's rendered file, the
    // largest, is compressed first, while the other files are still being made, and stands for any
    // file given with the same bytes ("Session 17").
    RenderedSummaryRows rendered =
        rows instanceof RenderedSummaryRows r && r.file() != null ? r : null;
    FutureTask<Map<String, byte[]>> files =
        new FutureTask<>(
            () -> {
              byte[] renderedStored =
                  rendered == null ? null : ArtifactBytes.stored(rendered.file());
              Map<String, byte[]> artifacts = artifactsWhenReady.get();
              artifacts.keySet().forEach(JdbcRunStore::checkArtifactName);
              Map<String, byte[]> stored = new LinkedHashMap<>();
              artifacts.forEach(
                  (name, bytes) ->
                      stored.put(
                          name,
                          rendered != null && rendered.isFile(bytes)
                              ? renderedStored
                              : ArtifactBytes.stored(bytes)));
              return stored;
            });
    Thread compressing = new Thread(files, "dispersal-store-files");
    compressing.setDaemon(true);
    compressing.start();
    db.transaction(
        c -> {
          // The status change comes first: on PostgreSQL it locks the run against a concurrent
          // cancel; the rows follow in the same transaction, so both commit or neither does.
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = 'succeeded', finished = ?, manifest_json = ?,"
                      + " done = replications, error = NULL"
                      + " WHERE id = ? AND status IN ('queued', 'running')")) {
            Database.setTime(p, 1, Database.now());
            p.setString(2, manifestJson);
            p.setLong(3, id);
            if (p.executeUpdate() == 0) {
              throw new StoreException(
                  "cannot store results of run " + id + ": " + describe(c, id));
            }
          }
          if (db.engine() == Database.Engine.DUCKDB) {
            appendRows(c.unwrap(DuckDBConnection.class), id, rows);
          } else {
            copyRows(c.unwrap(PGConnection.class), id, rows);
          }
          // The values, then the files: asked for only now, as the caller may still be making
          // them (the values are usually ready first).
          ReplicationValues values = valuesWhenReady.get();
          if (values != null) {
            insertValues(c, id, values);
          }
          try (PreparedStatement p =
              c.prepareStatement("INSERT INTO artifacts (run_id, name, bytes) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, byte[]> a : compressed(files).entrySet()) {
              p.setLong(1, id);
              p.setString(2, a.getKey());
              p.setBytes(3, a.getValue());
              p.executeUpdate();
            }
          }
          return null;
        });
  }

  /** The files as stored, waiting for them; what giving or compressing them threw, as it was. */
  private static Map<String, byte[]> compressed(FutureTask<Map<String, byte[]>> files) {
    try {
      return files.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while the run's files were compressed", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new StoreException("the run's files could not be compressed", e.getCause());
    }
  }

  private static void insertValues(Connection c, long id, ReplicationValues values)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO replication_values (run_id, month, replications, layout, bytes)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (int m = 0; m < values.months().size(); m++) {
        p.setLong(1, id);
        p.setInt(2, m);
        p.setInt(3, values.replications());
        p.setString(4, values.layout());
        p.setBytes(5, values.months().get(m));
        p.executeUpdate();
      }
    }
  }

  @Override
  public Optional<ReplicationValues.Header> replicationHeader(long id) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT layout, replications FROM replication_values WHERE run_id = ?"
                      + " ORDER BY month LIMIT 1")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next()
                  ? Optional.of(new ReplicationValues.Header(rs.getString(1), rs.getInt(2)))
                  : Optional.<ReplicationValues.Header>empty();
            }
          }
        });
  }

  @Override
  public List<ReplicationValues.Cell> replicationValues(long id, int month) {
    byte[] bytes =
        db.read(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT bytes FROM replication_values WHERE run_id = ? AND month = ?")) {
                p.setLong(1, id);
                p.setInt(2, month);
                try (ResultSet rs = p.executeQuery()) {
                  return rs.next() ? rs.getBytes(1) : null;
                }
              }
            });
    return bytes == null ? List.of() : ReplicationValues.decode(bytes);
  }

  private static void appendRows(DuckDBConnection c, long id, List<SummaryRow> rows)
      throws SQLException {
    if (rows instanceof RenderedSummaryRows rendered
        && readsAsFile(rendered)
        && insertFromFile(c, id, rendered)) {
      return;
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "summary_rows")) {
      int n = 0;
      for (SummaryRow r : rows) {
        a.beginRow();
        a.append(id);
        a.append(n++);
        appendColumns(a, r);
        a.endRow();
      }
    }
  }

  /**
   * The statement that loads summary.csv's rows into a run: DuckDB's CSV reader with the file's
   * columns and types given (nothing sniffed), RFC 4180 quoting as the file writes it, no field
   * read as NULL (an empty field is an empty string, as the rows hold it), and the row number in
   * file order ({@code row_number() OVER ()}, which DuckDB documents as keeping the order in which
   * a single file's rows are read).
   */
  private static final String INSERT_FROM_FILE =
      "INSERT INTO summary_rows (run_id, row_no, "
          + SUMMARY_COLUMNS
          + ") SELECT ?, row_number() OVER () - 1, * FROM read_csv(?, header = true,"
          + " auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
          + " force_not_null = ['date', 'scope', 'scope_id', 'demographic', 'state', 'destination'],"
          + " columns = {'month': 'INTEGER', 'date': 'VARCHAR', 'scope': 'VARCHAR',"
          + " 'scope_id': 'VARCHAR', 'demographic': 'VARCHAR', 'state': 'VARCHAR',"
          + " 'destination': 'VARCHAR', 'mean': 'DOUBLE', 'p05': 'BIGINT', 'p25': 'BIGINT',"
          + " 'p50': 'BIGINT', 'p75': 'BIGINT', 'p95': 'BIGINT'})";

  /** Whether the rendered file starts with summary.csv's header, so its columns are as expected. */
  private static boolean readsAsFile(RenderedSummaryRows rows) {
    byte[][] file = rows.file();
    return file != null
        && file.length > 0
        && Arrays.equals(file[0], (Csv.HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Loads the rows from their file (written to a temporary file, which DuckDB reads, then deleted):
   * about a third of the appender's time for the default forecast's 175,820 rows. The rows read
   * must number as many as the list holds, or the transaction fails.
   *
   * @return false, having stored nothing, when the temporary file cannot be written (the caller
   *     then appends the rows)
   */
  private static boolean insertFromFile(DuckDBConnection c, long id, RenderedSummaryRows rows)
      throws SQLException {
    Path file = null;
    try {
      try {
        file = Files.createTempFile("dispersal-summary-", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
          rows.writeFile(out);
        }
      } catch (IOException e) {
        return false;
      }
      try (PreparedStatement p = c.prepareStatement(INSERT_FROM_FILE)) {
        p.setLong(1, id);
        p.setString(2, file.toString());
        long inserted = p.executeLargeUpdate();
        if (inserted != rows.size()) {
          throw new StoreException(
              "summary.csv of run " + id + " held " + inserted + " rows, not " + rows.size());
        }
      }
      return true;
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // A temporary file left behind is harmless; the rows are stored either way.
        }
      }
    }
  }

  /** Appends a summary row's columns, in summary.csv order, to the current appender row. */
  static void appendColumns(DuckDBAppender a, SummaryRow r) throws SQLException {
    a.append(r.month());
    a.append(r.date());
    a.append(r.scope());
    a.append(r.scopeId());
    a.append(r.demographic());
    a.append(r.state());
    a.append(r.destination());
    a.append(r.mean());
    a.append(r.p05());
    a.append(r.p25());
    a.append(r.p50());
    a.append(r.p75());
    a.append(r.p95());
  }

  /** Streams the rows to PostgreSQL with COPY, in chunks, inside the caller's transaction. */
  private static void copyRows(PGConnection c, long id, List<SummaryRow> rows) throws SQLException {
    CopyIn copy =
        c.getCopyAPI()
            .copyIn(
                "COPY summary_rows (run_id, row_no, "
                    + SUMMARY_COLUMNS
                    + ") FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL"
                    + " (date, scope, scope_id, demographic, state, destination))");
    try {
      StringBuilder chunk = new StringBuilder(1 << 16);
      int n = 0;
      for (SummaryRow r : rows) {
        chunk.append(id).append(',').append(n++).append(',');
        Csv.appendRow(chunk, r, false);
        if (chunk.length() > 60_000) {
          byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(b, 0, b.length);
          chunk.setLength(0);
        }
      }
      byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(b, 0, b.length);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  @Override
  public void failed(long id, String message) {
    finish(id, RunStatus.FAILED, message == null ? "failed" : message);
  }

  @Override
  public void cancelled(long id) {
    finish(id, RunStatus.CANCELLED, null);
  }

  private void finish(long id, RunStatus status, String error) {
    db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = ?, finished = ?, error = ?"
                      + " WHERE id = ? AND status IN ('queued', 'running')")) {
            p.setString(1, status.id());
            Database.setTime(p, 2, Database.now());
            p.setString(3, error);
            p.setLong(4, id);
            return p.executeUpdate();
          }
        });
  }

  @Override
  public int markInterrupted() {
    return db.read(
        c -> {
          List<Long> keys = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT DISTINCT process_key FROM runs"
                          + " WHERE status IN ('queued', 'running')");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              keys.add(rs.getLong(1));
            }
          }
          int marked = 0;
          for (long key : keys) {
            if (!db.processEnded(c, key)) {
              continue;
            }
            try (PreparedStatement p =
                c.prepareStatement(
                    "UPDATE runs SET status = 'failed', finished = ?, error = ?"
                        + " WHERE process_key = ? AND status IN ('queued', 'running')")) {
              Database.setTime(p, 1, Database.now());
              p.setString(2, INTERRUPTED);
              p.setLong(3, key);
              marked += p.executeUpdate();
            }
          }
          return marked;
        });
  }

  @Override
  public int failUnfinished(String message) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = 'failed', finished = ?, error = ?"
                      + " WHERE process_key = ? AND status IN ('queued', 'running')")) {
            Database.setTime(p, 1, Database.now());
            p.setString(2, message);
            p.setLong(3, db.processKey());
            return p.executeUpdate();
          }
        });
  }

  @Override
  public List<StoredRun> list() {
    String columns = COLUMNS.replace("manifest_json", "NULL AS manifest_json");
    return db.read(c -> runs(c, "SELECT " + columns + " FROM runs ORDER BY id DESC", null));
  }

  @Override
  public Optional<StoredRun> find(long id) {
    return db.read(c -> runs(c, "SELECT " + COLUMNS + " FROM runs WHERE id = ?", id)).stream()
        .findFirst();
  }

  @Override
  public Optional<String> scenarioYaml(long id) {
    return text(id, "scenario_yaml");
  }

  @Override
  public Optional<String> parametersJson(long id) {
    return text(id, "parameters_json");
  }

  private Optional<String> text(long id, String column) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT " + column + " FROM runs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<SummaryRow> summary(long id, SummaryFilter f) {
    SummaryFilter filter = f == null ? SummaryFilter.all() : f;
    StringBuilder sql =
        new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM summary_rows WHERE run_id = ?");
    List<Object> args = new ArrayList<>();
    args.add(id);
    condition(sql, args, "scope", filter.scope());
    condition(sql, args, "scope_id", filter.scopeId());
    condition(sql, args, "state", filter.state());
    condition(sql, args, "month", filter.month());
    condition(sql, args, "demographic", filter.demographic());
    sql.append(" ORDER BY row_no");
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              p.setObject(i + 1, args.get(i));
            }
            p.setFetchSize(10_000);
            List<SummaryRow> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new SummaryRow(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getDouble(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getLong(13)));
              }
            }
            return out;
          }
        });
  }

  private static void condition(StringBuilder sql, List<Object> args, String column, Object value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  @Override
  public Optional<byte[]> artifact(long id, String name) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT bytes FROM artifacts WHERE run_id = ? AND name = ?")) {
            p.setLong(1, id);
            p.setString(2, name);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.of(ArtifactBytes.read(rs.getBytes(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<String> artifactNames(long id) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT name FROM artifacts WHERE run_id = ? ORDER BY name")) {
            p.setLong(1, id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void export(long id, String format, Path out) {
    ExportFormat f = ExportFormat.of(format);
    StoredRun run = find(id).orElseThrow(() -> new UnknownRunException(id));
    if (run.status() != RunStatus.SUCCEEDED) {
      throw new StoreException(
          "run " + id + " has no results to export: it is " + run.status().id());
    }
    String name = run.kind().exportTable();
    if (name != null) {
      Exporter.writeTable(f, run, name, artifact(id, name).orElse(null), out);
      return;
    }
    Exporter.write(f, run, summary(id, SummaryFilter.all()), out);
  }

  @Override
  public boolean delete(long id) {
    return db.transaction(
        c -> {
          for (String table : List.of("summary_rows", "artifacts", "replication_values")) {
            try (PreparedStatement p =
                c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
              p.setLong(1, id);
              p.executeUpdate();
            }
          }
          try (PreparedStatement p = c.prepareStatement("DELETE FROM runs WHERE id = ?")) {
            p.setLong(1, id);
            return p.executeUpdate() > 0;
          }
        });
  }

  /** Artifact names are file names: letters, digits, dot, dash and underscore, no leading dot. */
  static void checkArtifactName(String name) {
    if (!ExportFormat.isSafeFileName(name)) {
      throw new StoreException(
          "artifact name '" + name + "' is not a plain file name (letters, digits, . - _)");
    }
  }

  private static String describe(Connection c, long id) throws SQLException {
    List<StoredRun> r = runs(c, "SELECT " + COLUMNS + " FROM runs WHERE id = ?", id);
    return r.isEmpty() ? "there is no such run" : "it is " + r.get(0).status().id();
  }

  private static List<StoredRun> runs(Connection c, String sql, Object key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (key != null) {
        p.setObject(1, key);
      }
      List<StoredRun> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredRun(
                  rs.getLong("id"),
                  RunKind.of(rs.getString("kind")),
                  RunStatus.of(rs.getString("status")),
                  rs.getString("scenario_name"),
                  rs.getString("owner"),
                  rs.getString("team"),
                  rs.getInt("replications"),
                  rs.getLong("seed"),
                  rs.getInt("done"),
                  Database.time(rs, "created"),
                  Database.time(rs, "started"),
                  Database.time(rs, "finished"),
                  rs.getString("error"),
                  rs.getString("manifest_json")));
        }
      }
      return out;
    }
  }
}
