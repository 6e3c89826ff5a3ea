package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dispersal.store.RunKind;
import org.dispersal.store.Store;
import org.dispersal.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dispersal runs} and {@code dispersal export} on a real forecast the command kept in a
 * DuckDB store: the exported CSV is the forecast's summary.csv byte for byte; bad input gives one
 * line.
 */
class StoreCommandsTest {

  @TempDir Path tmp;

  @Test
  void aRecordedForecastIsListedAndExportsToItsOwnSummaryCsv() throws Exception {
    Path out = tmp.resolve("forecast");
    String db = "jdbc:duckdb:" + tmp.resolve("store/dispersal.duckdb");
    CliTest.Result f = forecast(db, 8, 6, out);
    assertThat(f.code()).as(f.err()).isZero();
    long id = 1;

    CliTest.Result list = CliTest.run("runs", "--db", db);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out())
        .contains("scenario")
        .containsPattern("\\s" + id + "\\s+forecast\\s+succeeded\\s+isis-2017\\s+cli\\s+8\\s");

    Path csv = tmp.resolve("export.csv");
    CliTest.Result export = export(db, id, "csv", csv);
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).contains("exported to " + csv);
    assertThat(Files.readAllBytes(csv)).isEqualTo(Files.readAllBytes(out.resolve("summary.csv")));

    Path parquet = tmp.resolve("export.parquet");
    CliTest.Result p = export(db, id, "parquet", parquet);
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(Files.readAllBytes(parquet)).startsWith('P', 'A', 'R', '1');
  }

  /**
   * The store's transaction runs beside the writing of the folder (docs/PERFORMANCE.md, "Session
   * 14: the tail"): a folder that cannot be written stops the command, and the transaction, which
   * had its rows already, stores nothing; the run is marked failed and the folder stays marked.
   */
  @Test
  void aForecastWhoseFolderCannotBeWrittenStoresNothingOfIt() throws Exception {
    Path out = tmp.resolve("blocked");
    Files.createDirectories(out.resolve("summary.csv"));
    String db = "jdbc:duckdb:" + tmp.resolve("blocked-store/dispersal.duckdb");
    CliTest.Result f = forecast(db, 6, 4, out);
    assertThat(f.code()).isNotZero();
    assertThat(f.out()).doesNotContain("Stored as run");
    assertThat(out.resolve("INCOMPLETE")).exists();
    try (Store store = Store.open(db)) {
      StoredRun run = store.runs().find(1).orElseThrow();
      assertThat(run.status()).isEqualTo(org.dispersal.store.RunStatus.FAILED);
      assertThat(run.manifestJson()).isNull();
      assertThat(store.runs().summary(1, org.dispersal.store.SummaryFilter.all())).isEmpty();
      assertThat(store.runs().artifactNames(1)).isEmpty();
      assertThat(store.runs().replicationHeader(1)).isEmpty();
    }
  }

  @Test
  void forecastsAndComparisonsKeepThemselvesUnlessToldNot() throws Exception {
    String db = "jdbc:duckdb:" + tmp.resolve("kept/dispersal.duckdb");
    CliTest.Result f = forecast(db, 6, 4, tmp.resolve("f"));
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(f.out()).contains("Stored as run 1 in " + db);
    CliTest.Result c =
        CliTest.run(
            CliTest.comparison(6, "isis-2017", "isis-2017-prosecution-doubled"),
            "--out",
            tmp.resolve("c").toString(),
            "--db",
            db);
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(Files.readString(tmp.resolve("c/manifest.json")))
        .contains("\"kind\" : \"comparison\"");
    // Issue #16, finding 5: a stored comparison exports its rows, one per month (6, 12, 24 and 36
    // by default), variant and state, not a header-only file.
    Path exported = tmp.resolve("compare-export.csv");
    CliTest.Result export = export(db, 2, "csv", exported);
    assertThat(export.code()).as(export.err()).isZero();
    List<String> rows = Files.readAllLines(exported);
    assertThat(rows).hasSize(1 + 4 * 2 * 13);
    assertThat(rows.get(0)).startsWith("variant,base,month,runs,state,");
    CliTest.Result skipped = forecast(db, 6, 4, tmp.resolve("g"), "--no-store");
    assertThat(skipped.out()).doesNotContain("Stored as run");
    CliTest.Result list = CliTest.run("runs", "--db", db);
    assertThat(list.out())
        .containsPattern("\\s1\\s+forecast\\s+succeeded\\s+isis-2017\\s")
        .containsPattern("\\s2\\s+comparison\\s+succeeded\\s+isis-2017\\s")
        .doesNotContain(" 3 ");
    try (Store store = Store.open(db)) {
      assertThat(store.runs().scenarioYaml(2))
          .as("a comparison keeps the text of its base scenario")
          .hasValueSatisfying(yaml -> assertThat(yaml).contains("name: isis-2017"));
    }
  }

  @Test
  void threatOutlooksAndUpdatesKeepTheFilesTheServiceShows() throws Exception {
    String db = "jdbc:duckdb:" + tmp.resolve("analyst/dispersal.duckdb");
    CliTest.Result t =
        CliTest.run("threat", "--runs", "6", "--out", tmp.resolve("t").toString(), "--db", db);
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.out()).contains("Stored as run 1 in " + db);
    String events =
        java.nio.file.Path.of(StoreCommandsTest.class.getResource("events-2017.csv").toURI())
            .toString();
    CliTest.Result u =
        CliTest.run(
            "update",
            "--events",
            events,
            "--as-of",
            "2017-09-30",
            "--out",
            tmp.resolve("u").toString(),
            "--db",
            db);
    assertThat(u.code()).as(u.err()).isZero();
    assertThat(u.out()).contains("Stored as run 2 in " + db);
    try (Store store = Store.open(db)) {
      StoredRun threat = store.runs().find(1).orElseThrow();
      assertThat(threat.kind()).isEqualTo(RunKind.THREAT);
      assertThat(threat.replications()).isEqualTo(6);
      assertThat(store.runs().artifact(1, "threat.json"))
          .hasValueSatisfying(
              b -> assertThat(b).isEqualTo(readBytes(tmp.resolve("t/threat.json"))));
      StoredRun update = store.runs().find(2).orElseThrow();
      assertThat(update.kind()).isEqualTo(RunKind.UPDATE);
      assertThat(update.replications()).isZero();
      assertThat(store.runs().artifactNames(2))
          .contains("update.json", "update.html", "update.csv", "manifest.json");
      assertThat(store.runs().scenarioYaml(2))
          .hasValueSatisfying(yaml -> assertThat(yaml).contains("hypotheses:"));
    }
    Path csv = tmp.resolve("threat-export.csv");
    CliTest.Result e = export(db, 1, "csv", csv);
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(readBytes(csv)).isEqualTo(readBytes(tmp.resolve("t/threat.csv")));
    CliTest.Result json = export(db, 2, "json", tmp.resolve("u.json"));
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(readBytes(tmp.resolve("u.json")).length).isGreaterThan(100);
  }

  /** A short forecast of the built-in scenario kept in the store at {@code db}. */
  private static CliTest.Result forecast(
      String db, int runs, int months, Path out, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "forecast",
            "--runs",
            String.valueOf(runs),
            "--months",
            String.valueOf(months),
            "--out",
            out.toString(),
            "--db",
            db));
    args.addAll(List.of(more));
    return CliTest.run(args.toArray(String[]::new));
  }

  /** Exports run {@code id} of the store at {@code db} to the file {@code out}. */
  private static CliTest.Result export(String db, long id, String format, Path out) {
    return CliTest.run(
        "export", String.valueOf(id), "--format", format, "--out", out.toString(), "--db", db);
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void badRunsFormatsAndFilesGiveOneLine() {
    String db = "jdbc:duckdb:" + tmp.resolve("empty.duckdb");
    CliTest.Result empty = CliTest.run("runs", "--db", db);
    assertThat(empty.code()).isZero();
    assertThat(empty.out()).contains("No runs stored");

    CliTest.Result unknown = CliTest.run("export", "42", "--format", "csv", "--db", db);
    assertThat(unknown.code()).isEqualTo(UserErrors.USER);
    assertThat(unknown.err().strip())
        .isEqualTo("dispersal: no run with id 42 in the store (dispersal runs lists them)");

    CliTest.Result format = CliTest.run("export", "42", "--format", "xlsx", "--db", db);
    assertThat(format.err().strip())
        .isEqualTo("dispersal: unknown export format 'xlsx': use csv, parquet, json");

    CliTest.Result url = CliTest.run("runs", "--db", "jdbc:mysql://localhost/x");
    assertThat(url.code()).isEqualTo(UserErrors.USER);
    assertThat(url.err().strip())
        .startsWith("dispersal: unsupported database URL")
        .doesNotContain("\n");
  }

  /**
   * Issue #16, finding 5: exporting a comparison gave a header-only file with success. A run whose
   * table is empty now says so and exits 2 (a comparison's rows: {@link
   * #forecastsAndComparisonsKeepThemselvesUnlessToldNot}).
   */
  @Test
  void aRunWithAnEmptyTableHasNothingToExport() throws Exception {
    String db = "jdbc:duckdb:" + tmp.resolve("empty/dispersal.duckdb");
    try (Store store = Store.open(db)) {
      StoredRun empty =
          store.runs().create(RunKind.COMPARISON, "isis-2017", "name: x\n", "ana", 2, 7, null);
      store.runs().started(empty.id());
      store
          .runs()
          .succeeded(
              empty.id(),
              "{\"kind\":\"comparison\"}",
              List.of(),
              Map.of("compare.csv", "variant,base,month,state\n".getBytes(StandardCharsets.UTF_8)));
    }
    CliTest.Result nothing = export(db, 1, "csv", tmp.resolve("e.csv"));
    assertThat(nothing.code()).isEqualTo(UserErrors.USER);
    assertThat(nothing.err().strip())
        .startsWith("dispersal: run 1 (comparison) has nothing to export")
        .doesNotContain("\n");
  }
}
