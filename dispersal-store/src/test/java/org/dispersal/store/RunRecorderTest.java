package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading summary.csv by its header, and recording a finished run in the store. */
class RunRecorderTest {

  @TempDir Path temp;

  private static String csv(List<SummaryRow> rows) {
    StringBuilder b = new StringBuilder(Csv.HEADER).append('\n');
    rows.forEach(r -> Csv.appendRow(b, r, true));
    return b.toString();
  }

  @Test
  void summaryCsvIsReadByItsHeaderWhateverTheColumnOrder() throws Exception {
    Path f = temp.resolve("summary.csv");
    Files.writeString(
        f,
        "p95,p75,p50,p25,p05,mean,destination,state,demographic,scope_id,scope,date,month\n"
            + "9,8,7,6,5,4.25,\"Sirte, \"\"coast\"\"\",relocated,all,,world,2017-02,0\n");
    assertThat(SummaryCsvReader.read(f))
        .containsExactly(
            new SummaryRow(
                0,
                "2017-02",
                "world",
                "",
                "all",
                "relocated",
                "Sirte, \"coast\"",
                4.25,
                5,
                6,
                7,
                8,
                9));
  }

  @Test
  void badSummaryFilesGiveTheLineAndColumn() throws Exception {
    Path f = temp.resolve("summary.csv");
    Files.writeString(f, Csv.HEADER + "\n0,2017-02,world,,all,killed,,1.5,1,2,x,4,5\n");
    assertThatThrownBy(() -> SummaryCsvReader.read(f))
        .isInstanceOf(StoreException.class)
        .hasMessage(f + " line 2: column 'p50' must be a whole number, not 'x'");
    Files.writeString(f, "month,date\n");
    assertThatThrownBy(() -> SummaryCsvReader.read(f))
        .hasMessage(f + " line 1: column 'scope' is missing from the header");
    Files.writeString(f, Csv.HEADER + "\n0,2017-02,world\n");
    assertThatThrownBy(() -> SummaryCsvReader.read(f))
        .hasMessage(f + " line 2: 3 fields, but the header has 13");
    Files.writeString(f, "");
    assertThatThrownBy(() -> SummaryCsvReader.read(f)).hasMessageContaining("the file is empty");
  }

  @Test
  void aRecordedRunKeepsItsTimesAndExportsItsRowsAsSummaryCsv() throws Exception {
    List<SummaryRow> rows = Fixtures.rows(3000, 21);
    String manifest = "{\"scenario\":{\"name\":\"isis-2017\"},\"seed\":20170213,\"runs\":40}";
    java.time.Instant started = java.time.Instant.parse("2026-11-24T17:31:23.807290231Z");
    java.time.Instant finished = java.time.Instant.parse("2026-11-24T17:31:44.271244652Z");
    try (Store store = Store.open(TestDatabases.duckDb(temp))) {
      StoredRun run =
          RunRecorder.record(
              store,
              new FinishedRun(
                  RunKind.FORECAST,
                  "isis-2017",
                  "name: isis-2017\n",
                  "ana",
                  40,
                  20170213L,
                  "{\"engine\":\"cohort\"}",
                  manifest,
                  rows,
                  java.util.Map.of(
                      "manifest.json",
                      manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                      "report.html",
                      "<html>report</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                  started,
                  finished));
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(run.scenarioName()).isEqualTo("isis-2017");
      assertThat(run.replications()).isEqualTo(40);
      assertThat(run.seed()).isEqualTo(20170213L);
      assertThat(run.manifestJson()).isEqualTo(manifest);
      assertThat(run.started()).isEqualTo(java.time.Instant.parse("2026-11-24T17:31:23.807290Z"));
      assertThat(run.duration()).isEqualTo(java.time.Duration.parse("PT20.463954S"));
      assertThat(store.runs().artifactNames(run.id()))
          .containsExactly("manifest.json", "report.html");
      assertThat(store.runs().parametersJson(run.id()).orElseThrow())
          .contains("\"engine\":\"cohort\"");
      Path exported = temp.resolve("exported.csv");
      store.runs().export(run.id(), "csv", exported);
      assertThat(Files.readString(exported)).isEqualTo(csv(rows));
    }
  }

  @Test
  void aFinishedRunWithAnUnsafeFileNameIsRefusedBeforeTheStoreSeesIt() {
    assertThatThrownBy(
            () ->
                new FinishedRun(
                    RunKind.FORECAST,
                    "s",
                    null,
                    null,
                    1,
                    1,
                    null,
                    "{}",
                    List.of(),
                    java.util.Map.of("../x", new byte[1]),
                    java.time.Instant.EPOCH,
                    java.time.Instant.EPOCH))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("not a file name");
  }

  @Test
  void exportFileNamesAreCheckedForTraversal() {
    assertThat(ExportFormat.isSafeFileName("run-3-summary.csv")).isTrue();
    for (String bad :
        List.of("../etc/passwd", "..", ".hidden", "a/b", "a\\b", "", "x\u0000y", "a..b", " a")) {
      assertThat(ExportFormat.isSafeFileName(bad)).as(bad).isFalse();
    }
    assertThat(ExportFormat.of("Parquet").fileName(3)).isEqualTo("run-3-summary.parquet");
  }
}
