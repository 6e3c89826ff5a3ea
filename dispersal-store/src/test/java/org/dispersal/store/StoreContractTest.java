package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One contract for every database the store runs on: each subclass names a fresh database, and the
 * same tests run against it (DuckDB always, PostgreSQL when available).
 */
abstract class StoreContractTest {

  @TempDir Path temp;

  String url;
  Store store;

  /** A URL to a new, empty database. */
  abstract String newDatabase();

  @BeforeEach
  void open() {
    url = newDatabase();
    store = Store.open(url);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private Store reopen() {
    store.close();
    store = Store.open(url);
    return store;
  }

  private StoredRun succeededRun(List<SummaryRow> rows, Map<String, byte[]> artifacts) {
    RunStore runs = store.runs();
    StoredRun run =
        runs.create(
            RunKind.FORECAST, "isis-2017", "name: isis-2017\n", "ana", 40, 7, "{\"months\":36}");
    runs.started(run.id());
    runs.succeeded(run.id(), Fixtures.MANIFEST, rows, artifacts);
    return run;
  }

  @Test
  void aLargeFileIsKeptCompressedAndReadBackByteForByteAfterReopening() {
    StringBuilder csv = new StringBuilder("month,scope,value\n");
    for (int i = 0; csv.length() <= (3 << 19); i++) {
      csv.append(i % 37).append(",world,").append(i * 7919 % 100_003).append('\n');
    }
    byte[] large = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] small = "<!doctype html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StoredRun run =
        succeededRun(Fixtures.rows(10, 1), Map.of("summary.csv", large, "report.html", small));
    assertThat(store.runs().artifact(run.id(), "summary.csv")).hasValue(large);
    RunStore again = reopen().runs();
    assertThat(again.artifact(run.id(), "summary.csv")).hasValue(large);
    assertThat(again.artifact(run.id(), "report.html")).hasValue(small);
  }

  /**
   * Rows given with their summary.csv (as a forecast renders them) are stored exactly as the same
   * rows given alone: same values, same order; DuckDB loads them from the file, PostgreSQL copies
   * the rows. A file whose header is not summary.csv's is not read.
   */
  @Test
  void rowsGivenWithTheirFileAreStoredAsTheRowsAlone() {
    List<SummaryRow> rows = new ArrayList<>(Fixtures.rows(25_000, 11));
    // Line breaks inside a quoted field, a lone quote, non-ASCII text and a large mean.
    rows.add(lastMonth("all", "Sahel,\r\n\"north\"\nzone", 1.5));
    rows.add(lastMonth("men", "Côte d’Ivoire \"", 123456789.01));
    StoredRun alone = succeededRun(rows, Map.of());
    byte[][] file = Fixtures.file(rows);
    byte[] joined = join(file);
    assertThat(joined.length).isGreaterThan(ArtifactBytes.COMPRESS_FROM);
    // The file given among the run's files is stored from the rendered parts (compressed while the
    // other files are made); a file of the same name with other bytes keeps its own.
    StoredRun withFile =
        succeededRun(new RenderedSummaryRows(rows, file), Map.of("summary.csv", joined.clone()));
    byte[] otherBytes = joined.clone();
    otherBytes[otherBytes.length - 2] ^= 1;
    StoredRun otherFile =
        succeededRun(new RenderedSummaryRows(rows, file), Map.of("summary.csv", otherBytes));
    // Other rows under another header: were the file read, the run would hold them.
    byte[][] otherHeader = Fixtures.file(Fixtures.rows(rows.size(), 12));
    otherHeader[0] = "month,date,scope,scope_id\n".getBytes(StandardCharsets.UTF_8);
    StoredRun notRead = succeededRun(new RenderedSummaryRows(rows, otherHeader), Map.of());
    RunStore again = reopen().runs();
    assertThat(again.summary(alone.id(), SummaryFilter.all())).isEqualTo(rows);
    assertThat(again.summary(withFile.id(), SummaryFilter.all())).isEqualTo(rows);
    assertThat(again.summary(notRead.id(), SummaryFilter.all())).isEqualTo(rows);
    assertThat(again.artifact(withFile.id(), "summary.csv")).contains(joined);
    assertThat(again.artifact(otherFile.id(), "summary.csv")).contains(otherBytes);
  }

  private static byte[] join(byte[][] parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A row of month 36 for Côte d'Ivoire's relocated people with a given destination and mean. */
  private static SummaryRow lastMonth(String demographic, String destination, double mean) {
    return new SummaryRow(
        36, "2020-02", "origin", "CIV", demographic, "relocated", destination, mean, 0, 1, 2, 3, 4);
  }

  @Test
  void keepsReplicationValuesMonthByMonthAndDeletesThemWithTheRun() {
    RunStore runs = store.runs();
    StoredRun run = runs.create(RunKind.FORECAST, "isis-2017", "name: x\n", "ana", 3, 7, null);
    runs.started(run.id());
    List<ReplicationValues.Cell> month0 =
        List.of(
            new ReplicationValues.Cell("world", "", "killed", new int[] {0, 0, 0}),
            new ReplicationValues.Cell("world", "", "in_theatre", new int[] {41_000, 40_990, 7}),
            new ReplicationValues.Cell("region", "Maghreb", "returned_total", new int[] {1, 0, 2}));
    List<ReplicationValues.Cell> month1 =
        List.of(new ReplicationValues.Cell("world", "", "killed", new int[] {300, 0, 1 << 30}));
    ReplicationValues values =
        new ReplicationValues(
            "single",
            3,
            List.of(ReplicationValues.encode(3, month0), ReplicationValues.encode(3, month1)));
    runs.succeeded(run.id(), Fixtures.MANIFEST, Fixtures.rows(2, 1), Map.of(), values);
    StoredRun plain = succeededRun(Fixtures.rows(2, 1), Map.of());

    RunStore again = reopen().runs();
    assertThat(again.replicationHeader(run.id()))
        .contains(new ReplicationValues.Header("single", 3));
    assertThat(again.replicationHeader(plain.id())).isEmpty();
    assertThat(again.replicationValues(plain.id(), 0)).isEmpty();
    List<ReplicationValues.Cell> read = again.replicationValues(run.id(), 0);
    // The cell that is zero in every replication is left out.
    assertThat(read)
        .extracting(ReplicationValues.Cell::state)
        .containsExactly("in_theatre", "returned_total");
    assertThat(read.get(0).values()).containsExactly(41_000, 40_990, 7);
    assertThat(read.get(1).scopeId()).isEqualTo("Maghreb");
    assertThat(read.get(1).values()).containsExactly(1, 0, 2);
    assertThat(again.replicationValues(run.id(), 1).get(0).values())
        .containsExactly(300, 0, 1 << 30);
    assertThat(again.replicationValues(run.id(), 2)).isEmpty();

    assertThat(again.delete(run.id())).isTrue();
    assertThat(again.replicationHeader(run.id())).isEmpty();
    assertThat(again.replicationValues(run.id(), 0)).isEmpty();
  }

  @Test
  void refusesReplicationValuesThatDoNotFit() {
    assertThatThrownBy(
            () ->
                ReplicationValues.encode(
                    2, List.of(new ReplicationValues.Cell("world", "", "killed", new int[] {1}))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("1 values for 2 replications");
    assertThatThrownBy(
            () ->
                ReplicationValues.encode(
                    1, List.of(new ReplicationValues.Cell("world", "", "killed", new int[] {-1}))))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> ReplicationValues.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> new ReplicationValues("", 1, List.of()))
        .isInstanceOf(StoreException.class);
  }

  /** A succeeded run of {@code kind} whose one file is the table {@code name}. */
  private StoredRun succeededWithTable(RunKind kind, String name, String table) {
    RunStore runs = store.runs();
    StoredRun run = runs.create(kind, "isis-2017", "name: x\n", "ana", 4, 7, null);
    runs.started(run.id());
    runs.succeeded(
        run.id(),
        Fixtures.MANIFEST,
        List.of(),
        Map.of(name, table.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return run;
  }

  @Test
  void scenariosAreCreatedFoundRenamedAndDeleted() {
    ScenarioStore s = store.scenarios();
    StoredScenario a = s.create("my-scenario", "name: a\n", "ana");
    StoredScenario b = s.createBuiltIn("isis-2017", "name: isis-2017\n");
    assertThat(s.find(a.id())).contains(a);
    assertThat(s.findByName("isis-2017")).contains(b);
    assertThat(s.list())
        .extracting(StoredScenario::name)
        .containsExactly("isis-2017", "my-scenario");
    assertThat(b.builtIn()).isTrue();
    assertThat(s.createBuiltIn("isis-2017", "name: isis-2017\n")).isEqualTo(b);
    assertThatThrownBy(() -> s.create("isis-2017", "x: 1\n", "ana"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> s.update(a.id(), "isis-2017", "x: 1\n"))
        .isInstanceOf(StoreException.class);
    StoredScenario renamed = s.update(a.id(), "renamed", "name: renamed\n");
    assertThat(s.find(a.id())).contains(renamed);
    assertThat(renamed.updated()).isAfterOrEqualTo(a.updated());
    assertThat(renamed.created()).isEqualTo(a.created());
    assertThat(s.delete(a.id())).isTrue();
    assertThat(s.delete(a.id())).isFalse();
    assertThat(s.find(a.id())).isEmpty();
    assertThatThrownBy(() -> s.update(12345, "x", "y")).hasMessageContaining("12345");
  }

  @Test
  void teamScenariosKeepTheirTeamAndSharedOnesHaveNone() {
    ScenarioStore s = store.scenarios();
    StoredScenario mine = s.create("alpha-plan", "name: a\n", "ana", Visibility.TEAM, "alpha");
    StoredScenario open = s.create("open-plan", "name: o\n", "ana");
    assertThat(mine.visibility()).isEqualTo(Visibility.TEAM);
    assertThat(mine.team()).isEqualTo("alpha");
    assertThat(open.visibility()).isEqualTo(Visibility.SHARED);
    assertThat(open.team()).isNull();
    assertThat(s.find(mine.id())).contains(mine);
    assertThat(s.list()).contains(mine, open);
    assertThat(s.createBuiltIn("isis-2017", "name: isis-2017\n").visibility())
        .isEqualTo(Visibility.SHARED);

    StoredScenario renamed = s.update(mine.id(), "alpha-plan-2", "name: b\n");
    assertThat(renamed.visibility()).isEqualTo(Visibility.TEAM);
    assertThat(renamed.team()).isEqualTo("alpha");
    assertThat(s.find(mine.id())).contains(renamed);
    StoredScenario shared =
        s.update(mine.id(), "alpha-plan-2", "name: b\n", Visibility.SHARED, null);
    assertThat(s.find(mine.id())).contains(shared);
    assertThat(shared.team()).isNull();
    StoredScenario back = s.update(open.id(), "open-plan", "name: o\n", Visibility.TEAM, "beta");
    assertThat(s.findByName("open-plan")).contains(back);
    assertThat(back.team()).isEqualTo("beta");

    assertThatThrownBy(() -> s.create("x", "y", "ana", Visibility.TEAM, null))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("team");
    assertThatThrownBy(() -> s.create("x", "y", "ana", Visibility.SHARED, "alpha"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("team");
    assertThatThrownBy(() -> s.update(open.id(), "open-plan", "y", Visibility.TEAM, " "))
        .isInstanceOf(StoreException.class);
    assertThat(s.findByName("x")).isEmpty();
    assertThat(Visibility.of("team")).isEqualTo(Visibility.TEAM);
    assertThat(Visibility.named("Team")).isEmpty();
    assertThatThrownBy(() -> Visibility.of("private")).isInstanceOf(StoreException.class);
  }

  @Test
  void aRunKeepsTheTeamItWasSubmittedFor() {
    RunStore runs = store.runs();
    StoredRun team = runs.create(RunKind.FORECAST, "alpha-plan", "y", "ana", 5, 7, null, "alpha");
    StoredRun open = runs.create(RunKind.FORECAST, "isis-2017", "y", "ana", 5, 7, null);
    assertThat(team.team()).isEqualTo("alpha");
    assertThat(open.team()).isNull();
    assertThat(runs.find(team.id())).contains(team);
    assertThat(runs.list()).extracting(StoredRun::team).containsExactly(null, "alpha");
    runs.started(team.id());
    runs.succeeded(team.id(), Fixtures.MANIFEST, Fixtures.rows(3, 1), Map.of());
    assertThat(runs.find(team.id()).orElseThrow().team()).isEqualTo("alpha");
  }

  @Test
  void aRunGoesFromQueuedToSucceededWithAllItsRowsAndFiles() {
    RunStore runs = store.runs();
    Instant before = Instant.now().minusSeconds(1);
    StoredRun run =
        runs.create(RunKind.FORECAST, "isis-2017", "name: isis-2017\n", "ana", 40, 7, null);
    assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(runs.find(run.id())).contains(run);
    assertThat(run.created()).isAfter(before);
    runs.started(run.id());
    runs.progress(run.id(), 17);
    StoredRun running = runs.find(run.id()).orElseThrow();
    assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(running.done()).isEqualTo(17);
    assertThat(running.started()).isNotNull();

    List<SummaryRow> rows = Fixtures.rows(5000, 1);
    Map<String, byte[]> files = Fixtures.artifacts(1);
    runs.succeeded(run.id(), Fixtures.MANIFEST, rows, files);

    StoredRun done = runs.find(run.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.done()).isEqualTo(40);
    assertThat(done.finished()).isAfterOrEqualTo(done.started());
    assertThat(done.duration()).isNotNull();
    assertThat(done.manifestJson()).isEqualTo(Fixtures.MANIFEST);
    assertThat(runs.summary(run.id(), SummaryFilter.all())).isEqualTo(rows);
    assertThat(runs.summary(run.id(), null)).hasSize(rows.size());
    assertThat(runs.artifactNames(run.id())).containsExactly("manifest.json", "report.html");
    assertThat(runs.artifact(run.id(), "report.html")).hasValue(files.get("report.html"));
    assertThat(runs.artifact(run.id(), "nothing.html")).isEmpty();
    assertThat(runs.scenarioYaml(run.id())).hasValue("name: isis-2017\n");
    assertThat(runs.list()).extracting(StoredRun::id).containsExactly(run.id());
    assertThat(runs.list().get(0).manifestJson()).as("listing leaves manifests out").isNull();
  }

  @Test
  void summaryFiltersMatchTheSameRowsAsFilteringInMemory() {
    List<SummaryRow> rows = Fixtures.rows(3000, 2);
    StoredRun run = succeededRun(rows, Map.of());
    List<SummaryFilter> filters =
        List.of(
            new SummaryFilter("region", null, null, null, null),
            new SummaryFilter("region", "Western Europe", "returned", null, null),
            new SummaryFilter(null, null, null, 12, null),
            new SummaryFilter("world", "", "killed", 3, "all"),
            new SummaryFilter(null, null, "no_such_state", null, null));
    for (SummaryFilter f : filters) {
      List<SummaryRow> expected =
          rows.stream()
              .filter(r -> f.scope() == null || r.scope().equals(f.scope()))
              .filter(r -> f.scopeId() == null || r.scopeId().equals(f.scopeId()))
              .filter(r -> f.state() == null || r.state().equals(f.state()))
              .filter(r -> f.month() == null || r.month() == f.month())
              .filter(r -> f.demographic() == null || r.demographic().equals(f.demographic()))
              .toList();
      assertThat(store.runs().summary(run.id(), f)).as(f.toString()).isEqualTo(expected);
    }
    assertThat(store.runs().summary(run.id() + 1000, SummaryFilter.all())).isEmpty();
  }

  @Test
  void resultsOfACancelledRunAreRefusedAndNothingIsStored() {
    RunStore runs = store.runs();
    StoredRun run = runs.create(RunKind.FORECAST, "isis-2017", "y", null, 10, 1, null);
    runs.started(run.id());
    runs.cancelled(run.id());
    assertThatThrownBy(
            () -> runs.succeeded(run.id(), null, Fixtures.rows(100, 3), Fixtures.artifacts(3)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cancelled");
    assertThat(runs.summary(run.id(), SummaryFilter.all())).isEmpty();
    assertThat(runs.artifactNames(run.id())).isEmpty();
    assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    runs.failed(run.id(), "too late");
    assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    assertThatThrownBy(() -> runs.started(run.id())).isInstanceOf(StoreException.class);
  }

  @Test
  void aFailureInTheMiddleOfStoringResultsLeavesTheRunUnfinishedWithNoRows() {
    RunStore runs = store.runs();
    StoredRun run = runs.create(RunKind.FORECAST, "isis-2017", "y", null, 10, 1, null);
    runs.started(run.id());
    List<SummaryRow> rows = new ArrayList<>(Fixtures.rows(2000, 4));
    rows.set(1500, null); // breaks the write after 1,500 rows
    assertThatThrownBy(() -> runs.succeeded(run.id(), Fixtures.MANIFEST, rows, Map.of()))
        .isInstanceOf(NullPointerException.class);
    StoredRun after = runs.find(run.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(after.manifestJson()).isNull();
    assertThat(runs.summary(run.id(), SummaryFilter.all())).isEmpty();
    runs.succeeded(run.id(), Fixtures.MANIFEST, Fixtures.rows(10, 4), Map.of());
    assertThat(runs.summary(run.id(), SummaryFilter.all())).hasSize(10);
  }

  @Test
  void filesGivenLateAreKeptWithTheRowsAndFilesNeverGivenLeaveNothingStored() {
    RunStore runs = store.runs();
    StoredRun run = runs.create(RunKind.FORECAST, "isis-2017", "y", null, 10, 1, null);
    runs.started(run.id());
    List<SummaryRow> rows = Fixtures.rows(2000, 4);
    ReplicationValues values =
        new ReplicationValues(
            "single",
            2,
            List.of(
                ReplicationValues.encode(
                    2,
                    List.of(
                        new ReplicationValues.Cell("world", "", "insurgent", new int[] {1, 2})))));
    assertThatThrownBy(
            () ->
                runs.succeededWhenReady(
                    run.id(),
                    Fixtures.MANIFEST,
                    rows,
                    () -> values,
                    () -> {
                      throw new IllegalStateException("the run's files were not written");
                    }))
        .hasMessageContaining("not written");
    StoredRun after = runs.find(run.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(after.manifestJson()).isNull();
    assertThat(runs.summary(run.id(), SummaryFilter.all())).isEmpty();
    assertThat(runs.artifactNames(run.id())).isEmpty();
    assertThat(runs.replicationHeader(run.id())).isEmpty();

    Map<String, byte[]> files = Fixtures.artifacts(2);
    runs.succeededWhenReady(run.id(), Fixtures.MANIFEST, rows, () -> values, () -> files);
    assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(runs.summary(run.id(), SummaryFilter.all())).isEqualTo(rows);
    assertThat(runs.artifactNames(run.id())).containsExactlyInAnyOrderElementsOf(files.keySet());
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      assertThat(runs.artifact(run.id(), f.getKey())).hasValue(f.getValue());
    }
    assertThat(runs.replicationValues(run.id(), 0))
        .singleElement()
        .satisfies(c -> assertThat(c.values()).containsExactly(1, 2));
  }

  @Test
  void badInputIsRefusedWithOneLine() {
    RunStore runs = store.runs();
    assertThatThrownBy(() -> RunKind.of("guess")).hasMessageContaining("unknown run kind 'guess'");
    assertThatThrownBy(() -> runs.create(RunKind.FORECAST, "s", "y", null, 1, 1, "[1,2]"))
        .hasMessageContaining("JSON object");
    StoredRun run = runs.create(RunKind.FORECAST, "s", "y", null, 1, 1, null);
    assertThatThrownBy(() -> runs.succeeded(run.id(), "{not json", List.of(), Map.of()))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () ->
                runs.succeeded(run.id(), null, List.of(), Map.of("../../etc/passwd", new byte[1])))
        .hasMessageContaining("not a plain file name");
    assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
  }

  @Test
  void exportsWriteCsvIdenticalToTheRowsParquetAndJson() throws Exception {
    List<SummaryRow> rows = Fixtures.rows(2000, 5);
    StoredRun run = succeededRun(rows, Fixtures.artifacts(5));
    RunStore runs = store.runs();
    Path folder = Files.createDirectory(temp.resolve("exports"));

    Path csv = folder.resolve("out.csv");
    runs.export(run.id(), "csv", csv);
    StringBuilder expected = new StringBuilder(Csv.HEADER).append('\n');
    rows.forEach(r -> Csv.appendRow(expected, r, true));
    assertThat(Files.readString(csv)).isEqualTo(expected.toString());
    assertThat(SummaryCsvReader.read(csv)).isEqualTo(rows);

    Path parquet = folder.resolve("out's.parquet");
    runs.export(run.id(), "PARQUET", parquet);
    double[] read = parquet(parquet, "count(*), sum(p95), count(DISTINCT destination), sum(mean)");
    assertThat((long) read[0]).isEqualTo(rows.size());
    assertThat((long) read[1]).isEqualTo(rows.stream().mapToLong(SummaryRow::p95).sum());
    assertThat((long) read[2])
        .isEqualTo(rows.stream().map(SummaryRow::destination).distinct().count());
    assertThat(read[3])
        .isCloseTo(
            rows.stream().mapToDouble(SummaryRow::mean).sum(),
            org.assertj.core.data.Offset.offset(1e-6));

    Path json = folder.resolve("out.json");
    runs.export(run.id(), "json", json);
    JsonNode tree = Json.MAPPER.readTree(json.toFile());
    assertThat(tree.path("run").path("id").asLong()).isEqualTo(run.id());
    assertThat(tree.path("run").path("status").asText()).isEqualTo("succeeded");
    assertThat(tree.path("manifest").path("seed").asInt()).isEqualTo(7);
    assertThat(tree.path("rows")).hasSize(rows.size());
    JsonNode first = tree.path("rows").get(0);
    assertThat(first.path("scopeId").asText()).isEqualTo(rows.get(0).scopeId());
    assertThat(first.path("p50").asLong()).isEqualTo(rows.get(0).p50());
    assertThat(folder.toFile().list())
        .containsExactlyInAnyOrder("out.csv", "out's.parquet", "out.json");
  }

  @Test
  void everyRunKindExportsItsOwnTableAndARunWithNothingSaysSo() throws Exception {
    RunStore runs = store.runs();
    String compare =
        "variant,base,month,state,difference_mean\n"
            + "isis-2017-merger,isis-2017,6,killed,-1.5\n"
            + "\"a, b\",isis-2017,12,joined,2\n";
    StoredRun cmp = succeededWithTable(RunKind.COMPARISON, "compare.csv", compare);
    Path folder = Files.createDirectory(temp.resolve("tables"));
    runs.export(cmp.id(), "csv", folder.resolve("c.csv"));
    assertThat(Files.readString(folder.resolve("c.csv"))).isEqualTo(compare);
    runs.export(cmp.id(), "json", folder.resolve("c.json"));
    JsonNode tree = Json.MAPPER.readTree(folder.resolve("c.json").toFile());
    assertThat(tree.path("table").asText()).isEqualTo("compare.csv");
    assertThat(tree.path("rows")).hasSize(2);
    assertThat(tree.path("rows").get(0).path("difference_mean").asDouble()).isEqualTo(-1.5);
    assertThat(tree.path("rows").get(1).path("variant").asText()).isEqualTo("a, b");
    Path parquet = folder.resolve("c.parquet");
    runs.export(cmp.id(), "parquet", parquet);
    assertThat(parquet(parquet, "count(*), sum(difference_mean)")).containsExactly(2, 0.5);
    StoredRun hind = succeededWithTable(RunKind.HINDCAST, "hindcast.csv", "month,state,mean\n");
    assertThatThrownBy(() -> runs.export(hind.id(), "csv", folder.resolve("h.csv")))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "run " + hind.id() + " (hindcast) has nothing to export: its hindcast.csv has no rows");
    StoredRun empty = succeededRun(List.of(), Map.of());
    assertThatThrownBy(() -> runs.export(empty.id(), "parquet", folder.resolve("e.parquet")))
        .hasMessageContaining("has nothing to export: it has no summary rows");
    assertThat(folder.toFile().list()).containsExactlyInAnyOrder("c.csv", "c.json", "c.parquet");
  }

  @Test
  void exportRefusesUnknownRunsFormatsAndUnwritableFiles() throws Exception {
    StoredRun run = succeededRun(Fixtures.rows(10, 6), Map.of());
    RunStore runs = store.runs();
    Path folder = Files.createDirectory(temp.resolve("exports"));
    assertThatThrownBy(() -> runs.export(run.id() + 99, "csv", folder.resolve("a.csv")))
        .isInstanceOf(UnknownRunException.class)
        .hasMessageContaining("no run with id " + (run.id() + 99));
    assertThatThrownBy(() -> runs.export(run.id(), "xlsx", folder.resolve("a.xlsx")))
        .isInstanceOf(StoreException.class)
        .hasMessage("unknown export format 'xlsx': use csv, parquet, json");
    assertThatThrownBy(() -> runs.export(run.id(), "csv", folder.resolve("missing/a.csv")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> runs.export(run.id(), "csv", folder))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is a folder");
    StoredRun queued = runs.create(RunKind.FORECAST, "s", "y", null, 1, 1, null);
    assertThatThrownBy(() -> runs.export(queued.id(), "csv", folder.resolve("q.csv")))
        .hasMessageContaining("it is queued");
    assertThat(folder.toFile().list()).isEmpty();
  }

  @Test
  void deletingARunRemovesItsRowsAndFilesAndNothingElse() {
    List<SummaryRow> keptRows = Fixtures.rows(500, 7);
    StoredRun kept = succeededRun(keptRows, Fixtures.artifacts(7));
    StoredRun gone = succeededRun(Fixtures.rows(300, 8), Fixtures.artifacts(8));
    assertThat(store.runs().delete(gone.id())).isTrue();
    assertThat(store.runs().delete(gone.id())).isFalse();
    assertThat(store.runs().find(gone.id())).isEmpty();
    assertThat(store.runs().summary(gone.id(), SummaryFilter.all())).isEmpty();
    assertThat(store.runs().artifactNames(gone.id())).isEmpty();
    assertThat(store.runs().summary(kept.id(), SummaryFilter.all())).isEqualTo(keptRows);
    assertThat(store.runs().artifactNames(kept.id())).hasSize(2);
  }

  @Test
  void runsLeftRunningByAClosedStoreAreMarkedInterruptedOnTheNextStart() {
    RunStore runs = store.runs();
    StoredRun queued = runs.create(RunKind.FORECAST, "s", "y", null, 1, 1, null);
    StoredRun running = runs.create(RunKind.HINDCAST, "s", "y", null, 1, 1, null);
    runs.started(running.id());
    StoredRun finished = succeededRun(Fixtures.rows(20, 9), Map.of());
    assertThat(runs.markInterrupted()).as("runs of this live store are not touched").isZero();

    RunStore after = reopen().runs();
    assertThat(after.markInterrupted()).isEqualTo(2);
    for (StoredRun r : List.of(queued, running)) {
      StoredRun now = after.find(r.id()).orElseThrow();
      assertThat(now.status()).isEqualTo(RunStatus.FAILED);
      assertThat(now.error()).isEqualTo("interrupted");
    }
    assertThat(after.find(finished.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(after.markInterrupted()).isZero();
  }

  @Test
  void usersTokensAndRoles() {
    UserStore users = store.users();
    User ana = users.create("ana", "hash-a", Role.ANALYST, "blue");
    users.create("vic", "hash-v", Role.VIEWER, null);
    assertThatThrownBy(() -> users.create("ana", "x", Role.ADMIN, null))
        .hasMessageContaining("already exists");
    assertThat(users.find("ana")).contains(ana);
    assertThat(users.find("nobody")).isEmpty();
    assertThat(users.passwordHash("ana")).hasValue("hash-a");
    assertThat(users.setPasswordHash("ana", "hash-a2")).isTrue();
    assertThat(users.passwordHash("ana")).hasValue("hash-a2");
    assertThat(users.setRole("vic", Role.ADMIN)).isTrue();
    assertThat(users.setRole("nobody", Role.ADMIN)).isFalse();
    assertThat(users.list())
        .extracting(User::username, User::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ana", Role.ANALYST),
            org.assertj.core.groups.Tuple.tuple("vic", Role.ADMIN));

    users.saveToken("ana", "laptop", "th-1");
    // issue #18: a name in use is refused, never silently replaced
    assertThatThrownBy(() -> users.saveToken("ana", "laptop", "th-2"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("laptop");
    users.saveToken("vic", "laptop", "th-2");
    users.saveToken("vic", "ci", "th-3");
    assertThat(users.userForToken("th-1")).contains(ana);
    assertThat(users.revokeToken("vic", "laptop")).isTrue();
    assertThat(users.userForToken("th-2")).isEmpty();
    assertThat(users.revokeToken("ana", "laptop")).isTrue();
    assertThat(users.userForToken("th-1")).isEmpty();
    assertThat(users.setTeam("ana", "alpha")).isTrue();
    assertThat(users.find("ana").orElseThrow().team()).isEqualTo("alpha");
    assertThat(users.setTeam("ana", null)).isTrue();
    assertThat(users.find("ana").orElseThrow().team()).isNull();
    assertThat(users.setTeam("nobody", "alpha")).isFalse();
    assertThatThrownBy(() -> users.saveToken("nobody", "t", "h")).hasMessageContaining("nobody");

    assertThat(users.delete("vic")).isTrue();
    assertThat(users.userForToken("th-3")).isEmpty();
    assertThat(users.delete("vic")).isFalse();
  }

  @Test
  void theAuditLogKeepsTheNewestFirst() {
    AuditLog audit = store.audit();
    audit.record("ana", "run.create", "run 1", "40 replications");
    audit.record("ana", "scenario.update", "scenario 3", null);
    audit.record(null, "setup", null, null);
    List<AuditEntry> latest = audit.latest(2);
    assertThat(latest).extracting(AuditEntry::action).containsExactly("setup", "scenario.update");
    assertThat(latest.get(1).username()).isEqualTo("ana");
    assertThat(latest.get(1).at()).isBeforeOrEqualTo(Instant.now());
    assertThat(audit.latest(10)).hasSize(3);
  }

  @Test
  void theServersMigrationLocationRunsAfterTheStores() throws Exception {
    store.close();
    store = null;
    // Both locations ran when the store was opened: the test classpath holds a V50 in
    // db/migration/server.
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, success FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) {
        assertThat(rs.getBoolean(2)).isTrue();
        versions.add(rs.getString(1));
      }
      assertThat(versions).startsWith("1").endsWith("50").doesNotHaveDuplicates();
      s.execute("INSERT INTO server_location_check VALUES (1)");
    }
  }

  @Test
  void auditFieldsAreCutAndTheLogPagesBackwards() {
    AuditLog audit = store.audit();
    for (int i = 0; i < 5; i++) {
      audit.record("ana", "login.failed", "address:10.0.0." + i, null);
    }
    audit.record("u".repeat(900_000), "a".repeat(99), "t".repeat(999), "d".repeat(99_999));
    AuditEntry big = audit.latest(1).get(0);
    assertThat(big.username()).hasSize(AuditLog.MAX_USERNAME);
    assertThat(big.action()).hasSize(AuditLog.MAX_ACTION);
    assertThat(big.target()).hasSize(AuditLog.MAX_TARGET);
    assertThat(big.detail()).hasSize(AuditLog.MAX_DETAIL);
    List<AuditEntry> first = audit.latest(3);
    List<AuditEntry> second = audit.before(first.get(2).id(), 3);
    assertThat(second).hasSize(3);
    assertThat(second.get(0).id()).isLessThan(first.get(2).id());
    assertThat(audit.before(second.get(2).id(), 3)).isEmpty();
  }

  @Test
  void loginFailuresCountPerNameAndAddressAndSurviveReopening() {
    LoginFailureStore f = store.loginFailures();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(f.find("ana", "10.0.0.1")).isEmpty();
    f.failed("Ana", "10.0.0.1", t0);
    LoginFailureStore.Failures two = f.failed("ana", "10.0.0.1", t0.plusSeconds(60));
    assertThat(two.failures()).isEqualTo(2);
    f.failed("bob", "10.0.0.1", t0.plusSeconds(120));
    f.failed("ana", "10.0.0.2", t0.plusSeconds(120));
    f.failed("x".repeat(10_000), "10.0.0.3", t0);
    assertThat(f.find("ANA", "10.0.0.1")).hasValue(two);
    assertThat(f.fromAddressSince("10.0.0.1", t0)).isEqualTo(3);
    assertThat(f.fromAddressSince("10.0.0.1", t0.plusSeconds(90))).isEqualTo(1);
    Store again = reopen();
    LoginFailureStore g = again.loginFailures();
    assertThat(g.find("ana", "10.0.0.1")).hasValue(two);
    g.clear("ana", "10.0.0.1");
    assertThat(g.find("ana", "10.0.0.1")).isEmpty();
    assertThat(g.find("ana", "10.0.0.2")).isPresent();
    assertThat(g.purge(t0.plusSeconds(100))).isEqualTo(1);
    assertThat(g.find("x".repeat(10_000), "10.0.0.3")).isEmpty();
  }

  @Test
  void aScenarioIsOwnedByTheAccountNotTheName() {
    UserStore users = store.users();
    User bob = users.create("bob", "h", Role.ANALYST, null);
    StoredScenario s = store.scenarios().create("bobs", "k: 1\n", "bob");
    assertThat(store.scenarios().ownerId(s.id())).hasValue(bob.id());
    users.delete("bob");
    User bob2 = users.create("bob", "h", Role.ANALYST, null);
    assertThat(bob2.id()).isNotEqualTo(bob.id());
    assertThat(store.scenarios().ownerId(s.id())).hasValue(bob.id());
    assertThat(store.scenarios().ownerId(store.scenarios().create("nobodys", "k: 1\n", null).id()))
        .isEmpty();
  }

  @Test
  void dataSurvivesReopeningAndMigrationsRunOnce() {
    StoredRun run = succeededRun(Fixtures.rows(100, 10), Fixtures.artifacts(10));
    StoredScenario s = store.scenarios().create("kept", "k: 1\n", null);
    Store again = reopen();
    assertThat(again.runs().find(run.id())).isPresent();
    assertThat(again.runs().summary(run.id(), SummaryFilter.all())).hasSize(100);
    assertThat(again.scenarios().find(s.id())).contains(s);
  }

  @Test
  void manyThreadsUseTheStoreAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        futures.add(
            pool.submit(
                () -> {
                  StoredRun r =
                      store.runs().create(RunKind.FORECAST, "s" + seed, "y", null, 5, seed, null);
                  store.runs().started(r.id());
                  for (int i = 1; i <= 5; i++) {
                    store.runs().progress(r.id(), i);
                    store.runs().list();
                  }
                  store.runs().succeeded(r.id(), null, Fixtures.rows(200, seed), Map.of());
                  store.audit().record("t" + seed, "run", "run " + r.id(), null);
                  return r.id();
                }));
      }
      for (Future<Long> f : futures) {
        long id = f.get(60, TimeUnit.SECONDS);
        assertThat(store.runs().summary(id, SummaryFilter.all())).hasSize(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.audit().latest(100)).hasSize(8);
  }

  @Test
  void concurrentUpdatesOfOneRunAllSucceed() throws Exception {
    StoredRun run = store.runs().create(RunKind.FORECAST, "s", "y", null, 1000, 1, null);
    store.runs().started(run.id());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    store.runs().progress(run.id(), i * 4 + offset);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.runs().find(run.id()).orElseThrow().done()).isBetween(396, 399);
  }

  /**
   * kill -9 in the middle of storing a run's results: a child JVM opens the store, creates a run,
   * hands half its rows to the database inside the results transaction and is killed there with
   * SIGKILL. Reopened, the store still holds the earlier runs exactly as they were, the killed run
   * is marked failed ("interrupted") and has no rows or files.
   */
  @Test
  void aProcessKilledWhileStoringResultsLeavesTheStoreConsistent() throws Exception {
    List<SummaryRow> earlierRows = Fixtures.rows(20_000, 11);
    Map<String, byte[]> earlierFiles = Fixtures.artifacts(11);
    StoredRun earlier = succeededRun(earlierRows, earlierFiles);
    StoredRun failedBefore = store.runs().create(RunKind.CALIBRATION, "s", "y", null, 3, 3, null);
    store.runs().failed(failedBefore.id(), "bad observations");
    StoredRun earlierStored = store.runs().find(earlier.id()).orElseThrow();
    StoredRun failedStored = store.runs().find(failedBefore.id()).orElseThrow();
    if (!store.isPostgreSql()) {
      store.close(); // DuckDB: one process at a time
      store = null;
    }

    Process child = startKillTarget(url, 40000);
    long killedId = -1;
    boolean half = false;
    List<String> output = readUntilHalfWritten(child);
    for (String line : output) {
      if (line.startsWith("RUN ")) {
        killedId = Long.parseLong(line.substring(4).trim());
      }
      half |= line.equals(KillTarget.HALF_WRITTEN);
    }
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(half).as("child output: %s", output).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);

    if (store == null) {
      store = Store.open(url);
    }
    RunStore runs = store.runs();
    StoredRun killed = runs.find(killedId).orElseThrow();
    assertThat(killed.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(killed.done()).isEqualTo(40000 / 3);
    // PostgreSQL notices the dead connection and releases its lock within moments.
    int marked =
        await("the killed run marked interrupted")
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(runs::markInterrupted, n -> n > 0);
    assertThat(marked).isEqualTo(1);
    killed = runs.find(killedId).orElseThrow();
    assertThat(killed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(killed.error()).isEqualTo("interrupted");
    assertThat(killed.manifestJson()).isNull();
    assertThat(runs.summary(killedId, SummaryFilter.all())).isEmpty();
    assertThat(runs.artifactNames(killedId)).isEmpty();

    assertThat(runs.find(earlier.id())).contains(earlierStored);
    assertThat(runs.find(failedBefore.id())).contains(failedStored);
    assertThat(runs.summary(earlier.id(), SummaryFilter.all())).isEqualTo(earlierRows);
    for (var e : earlierFiles.entrySet()) {
      assertThat(runs.artifact(earlier.id(), e.getKey())).hasValue(e.getValue());
    }
    assertThat(runs.list()).hasSize(3);
    // the store still takes new results
    StoredRun next = succeededRun(Fixtures.rows(10, 12), Map.of());
    assertThat(runs.summary(next.id(), SummaryFilter.all())).hasSize(10);
  }

  /** The first row of {@code SELECT columns} over a Parquet file, read by an in-memory DuckDB. */
  private static double[] parquet(Path file, String columns) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + columns
                    + " FROM read_parquet('"
                    + file.toString().replace("'", "''")
                    + "')")) {
      rs.next();
      double[] row = new double[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = rs.getDouble(i + 1);
      }
      return row;
    }
  }

  /** Starts {@link KillTarget} in a child JVM on the test classpath. */
  static Process startKillTarget(String url, int rows) throws java.io.IOException {
    return ChildJvm.of(KillTarget.class, url, String.valueOf(rows))
        .redirectErrorStream(true)
        .start();
  }

  /** The child's output lines up to and including HALF-WRITTEN (or to its end). */
  static List<String> readUntilHalfWritten(Process child) throws java.io.IOException {
    List<String> output = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      output.add(line);
      if (line.equals(KillTarget.HALF_WRITTEN)) {
        break;
      }
    }
    return output;
  }
}
