package org.dispersal.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a run's summary to a file in one of the {@link ExportFormat}s. The file is written next to
 * its destination under a temporary name and moved into place, so it appears whole or not at all.
 * Parquet is written by an in-memory DuckDB, whatever database the store uses.
 */
final class Exporter {

  private Exporter() {}

  static void write(ExportFormat format, StoredRun run, List<SummaryRow> rows, Path out) {
    if (rows.isEmpty()) {
      throw nothing(run, "it has no summary rows");
    }
    writeWith(
        format,
        out,
        temp -> {
          switch (format) {
            case CSV -> csv(rows, temp);
            case JSON -> json(run, rows, temp);
            case PARQUET -> parquet(rows, temp);
          }
        });
  }

  /**
   * Writes a run's own table (its kind's {@link RunKind#exportTable()}, a CSV file it wrote): as is
   * for csv, as {@code rows} of objects keyed by column for json (numbers as numbers), and through
   * DuckDB's CSV reader for parquet.
   *
   * @param name the table's file name
   * @param table the file's bytes, or null if the run kept no such file
   * @throws StoreException when the run has no such file or the table has no rows
   */
  static void writeTable(ExportFormat format, StoredRun run, String name, byte[] table, Path out) {
    if (table == null) {
      throw nothing(run, "it kept no " + name);
    }
    String text = new String(table, StandardCharsets.UTF_8);
    List<List<String>> records = parse(text);
    if (records.size() < 2) {
      throw nothing(run, "its " + name + " has no rows");
    }
    writeWith(
        format,
        out,
        temp -> {
          switch (format) {
            case CSV -> Files.write(temp, table);
            case JSON -> tableJson(run, name, records, temp);
            case PARQUET -> tableParquet(text, temp);
          }
        });
  }

  private static StoreException nothing(StoredRun run, String why) {
    return new StoreException(
        "run " + run.id() + " (" + run.kind().id() + ") has nothing to export: " + why);
  }

  /** Writes one file. */
  private interface Body {
    void write(Path temp) throws IOException, SQLException;
  }

  private static void writeWith(ExportFormat format, Path out, Body body) {
    Path target = out.toAbsolutePath().normalize();
    Path folder = target.getParent();
    if (Files.isDirectory(target)) {
      throw new StoreException("cannot write " + target + ": it is a folder");
    }
    if (folder == null || !Files.isDirectory(folder)) {
      throw new StoreException("cannot write " + target + ": folder " + folder + " does not exist");
    }
    Path temp;
    try {
      temp = Files.createTempFile(folder, ".export-", ".part");
    } catch (IOException e) {
      throw new StoreException("cannot write in folder " + folder + ": " + reason(e));
    }
    try {
      body.write(temp);
      move(temp, target);
    } catch (IOException e) {
      throw new StoreException("cannot write " + target + ": " + reason(e));
    } catch (SQLException e) {
      throw new StoreException("cannot write parquet file " + target + ": " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // the temporary file stays behind; the export itself has succeeded or failed already
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void csv(List<SummaryRow> rows, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(Csv.HEADER);
      w.write('\n');
      StringBuilder line = new StringBuilder(128);
      for (SummaryRow r : rows) {
        line.setLength(0);
        Csv.appendRow(line, r, true);
        w.append(line);
      }
    }
  }

  private static void json(StoredRun run, List<SummaryRow> rows, Path file) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
      startRun(g, run);
      g.writeStringField("owner", run.owner());
      g.writeNumberField("replications", run.replications());
      g.writeNumberField("seed", run.seed());
      g.writeNumberField("done", run.done());
      time(g, "created", run.created());
      time(g, "started", run.started());
      time(g, "finished", run.finished());
      g.writeEndObject();
      g.writeFieldName("manifest");
      if (run.manifestJson() == null) {
        g.writeNull();
      } else {
        g.writeTree(Json.MAPPER.readTree(run.manifestJson()));
      }
      g.writeArrayFieldStart("rows");
      for (SummaryRow r : rows) {
        g.writeStartObject();
        g.writeNumberField("month", r.month());
        g.writeStringField("date", r.date());
        g.writeStringField("scope", r.scope());
        g.writeStringField("scopeId", r.scopeId());
        g.writeStringField("demographic", r.demographic());
        g.writeStringField("state", r.state());
        g.writeStringField("destination", r.destination());
        g.writeNumberField("mean", r.mean());
        g.writeNumberField("p05", r.p05());
        g.writeNumberField("p25", r.p25());
        g.writeNumberField("p50", r.p50());
        g.writeNumberField("p75", r.p75());
        g.writeNumberField("p95", r.p95());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void time(JsonGenerator g, String field, Instant t) throws IOException {
    if (t == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, t.toString());
    }
  }

  private static void parquet(List<SummaryRow> rows, Path file) throws SQLException {
    DuckDbLibrary.require();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE summary (month INTEGER, date VARCHAR, scope VARCHAR, scope_id VARCHAR,"
              + " demographic VARCHAR, state VARCHAR, destination VARCHAR, mean DOUBLE,"
              + " p05 BIGINT, p25 BIGINT, p50 BIGINT, p75 BIGINT, p95 BIGINT)");
      DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
      try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "summary")) {
        for (SummaryRow r : rows) {
          a.beginRow();
          JdbcRunStore.appendColumns(a, r);
          a.endRow();
        }
      }
      String path = file.toString().replace("'", "''");
      s.execute("COPY summary TO '" + path + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
    }
  }

  /** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
  static List<List<String>> parse(String text) {
    List<List<String>> out = new java.util.ArrayList<>();
    List<String> record = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          record.add(field.toString());
          out.add(record);
        }
        record = new java.util.ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      record.add(field.toString());
      out.add(record);
    }
    return out;
  }

  /**
   * Opens an export's JSON object and, inside it, the {@code run} object with what names the run
   * (id, kind, status, scenario), left open for more fields.
   */
  private static void startRun(JsonGenerator g, StoredRun run) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("run");
    g.writeNumberField("id", run.id());
    g.writeStringField("kind", run.kind().id());
    g.writeStringField("status", run.status().id());
    g.writeStringField("scenarioName", run.scenarioName());
  }

  private static void tableJson(StoredRun run, String name, List<List<String>> records, Path file)
      throws IOException {
    List<String> header = records.get(0);
    try (OutputStream os = Files.newOutputStream(file);
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
      startRun(g, run);
      g.writeEndObject();
      g.writeStringField("table", name);
      g.writeArrayFieldStart("rows");
      for (List<String> r : records.subList(1, records.size())) {
        g.writeStartObject();
        for (int i = 0; i < header.size(); i++) {
          String v = i < r.size() ? r.get(i) : "";
          g.writeFieldName(header.get(i));
          if (v.isEmpty()) {
            g.writeNull();
          } else if (v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            g.writeNumber(new java.math.BigDecimal(v));
          } else {
            g.writeString(v);
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void tableParquet(String text, Path file) throws IOException, SQLException {
    DuckDbLibrary.require();
    Path csv = Files.createTempFile(file.getParent(), ".export-", ".csv");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      Files.writeString(csv, text, StandardCharsets.UTF_8);
      String in = csv.toString().replace("'", "''");
      String path = file.toString().replace("'", "''");
      s.execute(
          "COPY (SELECT * FROM read_csv('"
              + in
              + "', header = true, auto_detect = true)) TO '"
              + path
              + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
  }
}
