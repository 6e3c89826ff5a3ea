package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.artifacts.Artifacts;
import org.dispersal.app.artifacts.FolderSink;
import org.dispersal.app.artifacts.MemorySink;
import org.dispersal.app.artifacts.StoreSink;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.app.problem.InputException;
import org.dispersal.calibration.Posterior;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.output.forecast.SummaryCsv;
import org.dispersal.store.RunKind;
import org.dispersal.store.RunStatus;
import org.dispersal.store.Store;
import org.dispersal.store.StoredRun;
import org.dispersal.store.SummaryCsvReader;
import org.dispersal.store.SummaryFilter;
import org.dispersal.store.SummaryRow;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forecast request validates its settings, executes once, and every sink keeps the same files:
 * the folder's summary.csv is the writer's own, memory holds every file, and the store's rows
 * (taken from the summary, not from the file) export back as the same summary.csv.
 */
class ForecastRequestTest {

  @TempDir Path tmp;

  private static RunResult<EnsembleSummary> result;

  @BeforeAll
  static void run() {
    ForecastRequest request = ForecastRequest.of(Scenarios.builtIn("isis-2017", 4), 6, 42L, 2);
    result = request.execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
  }

  @Test
  void settingsOutOfRangeAreRefusedNamingTheField() {
    ScenarioInput s = Scenarios.builtIn("isis-2017", 4);
    assertThatThrownBy(() -> ForecastRequest.of(s, 0, 1, 1))
        .isInstanceOf(InputException.class)
        .hasMessage("replications: must be between 1 and 10000000, not 0");
    assertThatThrownBy(() -> ForecastRequest.of(s, 5, 1, 0))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("threads:");
    assertThatThrownBy(() -> s.withMonths(0))
        .isInstanceOf(InputException.class)
        .satisfies(
            e -> assertThat(((InputException) e).problems().get(0).field()).isEqualTo("months"));
    Posterior posterior = new Posterior(List.of(), new double[][] {{}}, new double[] {1});
    assertThatThrownBy(
            () ->
                new ForecastRequest(
                    s,
                    5,
                    1,
                    1,
                    EngineKind.AGENT,
                    List.of(),
                    posterior,
                    ForecastRequest.Ensemble.LOCAL))
        .isInstanceOf(InputException.class)
        .hasMessage("posterior: needs the cohort engine, not agent");
  }

  @Test
  void theFolderGetsTheSummaryCsvTheWriterWritesAndTheManifest() throws Exception {
    Path dir = result.keep(new FolderSink(tmp.resolve("out")));
    StringWriter expected = new StringWriter();
    SummaryCsv.write(result.value(), result.scenario().scenario().start(), expected);
    assertThat(Files.readString(dir.resolve("summary.csv"))).isEqualTo(expected.toString());
    assertThat(dir.resolve("report.html")).exists();
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    assertThat(manifest.get("kind").asText()).isEqualTo("forecast");
    assertThat(manifest.get("runs").asInt()).isEqualTo(6);
    assertThat(manifest.get("seed").asLong()).isEqualTo(42L);
    assertThat(manifest.get("engine").asText()).isEqualTo("cohort");
    assertThat(manifest.get("scenario").get("months").asInt()).isEqualTo(4);
    assertThat(manifest.get("code_version").asText()).isEqualTo("test");
  }

  @Test
  void theStoreRowsAreTheFileRowsWithoutReadingTheFile() throws Exception {
    Path dir = result.keep(new FolderSink(tmp.resolve("rows")));
    assertThat(result.summaryRows()).isEqualTo(SummaryCsvReader.read(dir.resolve("summary.csv")));
  }

  @Test
  void memoryHoldsEveryFileTheRunWrote() throws Exception {
    Artifacts a = new MemorySink().keep(result);
    assertThat(a.files().keySet())
        .containsExactly("manifest.json", "report.html", "report.html.csp", "summary.csv");
    assertThat(new String(a.files().get("manifest.json"), StandardCharsets.UTF_8))
        .isEqualTo(result.manifestJson() + "\n");
    assertThat(a.rows()).hasSize(result.summaryRows().size());
  }

  @Test
  void renderedOnceTheFolderAndTheStoreGetWhatTheyGetWhenRenderedApart() throws Exception {
    // A fresh run of the same request: nothing rendered yet, so the streamed file and the rows
    // computed on their own come first, then the one pass of MemorySink.
    RunResult<EnsembleSummary> fresh =
        ForecastRequest.of(Scenarios.builtIn("isis-2017", 4), 6, 42L, 2)
            .execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    Path apart = fresh.keep(new FolderSink(tmp.resolve("apart")));
    List<SummaryRow> rowsApart = fresh.summaryRows();
    Artifacts once = new MemorySink().keep(fresh);
    assertThat(once.rows()).isEqualTo(rowsApart);
    assertThat(fresh.summaryRows()).isSameAs(once.rows());
    Path together = MemorySink.writeTo(once, tmp.resolve("together/out"));
    try (var files = Files.list(apart)) {
      for (Path f : files.toList()) {
        assertThat(together.resolve(f.getFileName()))
            .as(f.getFileName().toString())
            .hasSameBinaryContentAs(f);
      }
    }
    try (var files = Files.list(together)) {
      assertThat(files.count()).isEqualTo(once.files().size()).isEqualTo(4);
    }
  }

  @Test
  void aStartedRunIsCompletedWithItsManifestAndExportsItsSummaryCsvByteForByte() throws Exception {
    Path dir = result.keep(new FolderSink(tmp.resolve("recorded")));
    try (Store store = Store.open(TestDatabases.duckDb(tmp))) {
      StoredRun started =
          store.runs().create(RunKind.FORECAST, "isis-2017", "y", "ana", 6, 42L, null);
      store.runs().started(started.id());
      StoredRun run = result.keep(StoreSink.completing(store.runs(), started.id()));
      assertThat(run.kind()).isEqualTo(RunKind.FORECAST);
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(run.manifestJson()).isEqualTo(result.manifestJson());
      assertThat(run.owner()).isEqualTo("ana");
      assertThat(run.replications()).isEqualTo(6);
      assertThat(store.runs().artifactNames(run.id()))
          .contains("manifest.json", "report.html", "summary.csv");
      Path exported = tmp.resolve("exported.csv");
      store.runs().export(run.id(), "csv", exported);
      assertThat(Files.readAllBytes(exported))
          .isEqualTo(Files.readAllBytes(dir.resolve("summary.csv")));
    }
  }

  @Test
  void aRunStoredWhileItsFilesAreWrittenIsStoredAsOneStoredAfterwards() throws Exception {
    try (Store after = Store.open(TestDatabases.duckDb(tmp.resolve("after")));
        Store beside = Store.open(TestDatabases.duckDb(tmp.resolve("beside")))) {
      StoredRun a = after.runs().create(RunKind.FORECAST, "isis-2017", "y", "ana", 6, 42L, null);
      after.runs().started(a.id());
      StoreSink.completing(after.runs(), a.id()).keep(result, new MemorySink().keep(result));
      StoredRun b = beside.runs().create(RunKind.FORECAST, "isis-2017", "y", "ana", 6, 42L, null);
      beside.runs().started(b.id());
      StoredRun run =
          StoreSink.completing(beside.runs(), b.id())
              .keepWhileWriting(
                  result,
                  () -> {
                    try {
                      return MemorySink.files(result);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(run.manifestJson()).isEqualTo(result.manifestJson());
      assertThat(beside.runs().summary(b.id(), SummaryFilter.all()))
          .isEqualTo(after.runs().summary(a.id(), SummaryFilter.all()));
      List<String> names = after.runs().artifactNames(a.id());
      assertThat(beside.runs().artifactNames(b.id())).isEqualTo(names).hasSize(4);
      for (String name : names) {
        assertThat(beside.runs().artifact(b.id(), name))
            .as(name)
            .hasValueSatisfying(
                bytes ->
                    assertThat(bytes).isEqualTo(after.runs().artifact(a.id(), name).orElseThrow()));
      }
      assertThat(beside.runs().replicationHeader(b.id()))
          .isPresent()
          .isEqualTo(after.runs().replicationHeader(a.id()));
    }
  }

  @Test
  void aCancelledRunStopsWithCancelled() {
    AtomicInteger seen = new AtomicInteger();
    ForecastRequest request = ForecastRequest.of(Scenarios.builtIn("isis-2017", 4), 50, 1L, 1);
    assertThatThrownBy(
            () -> request.execute(Scenarios.PROVENANCE, seen::set, () -> seen.get() >= 3))
        .isInstanceOf(Cancellation.Cancelled.class);
    assertThat(seen.get()).isLessThan(50);
  }
}
