package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dispersal.store.ChildJvm;
import org.dispersal.store.RunStatus;
import org.dispersal.store.Store;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #18, finding 7: a command-line forecast killed with -9 partway is listed by {@code
 * dispersal runs} as failed ("interrupted"), and its output folder carries the {@code INCOMPLETE}
 * marker. The forecast runs in a child JVM ({@code org.dispersal.cli.Main} on the test classpath)
 * and is killed with {@link Process#destroyForcibly()} once it has started; on DuckDB and on
 * PostgreSQL when DISPERSAL_TEST_PG_URL is set. Every other command that keeps its run in the store
 * records it the same way; a normal run of each leaves no marker and a succeeded run.
 */
class KilledForecastTest {

  @TempDir Path tmp;

  @Test
  void aKilledForecastIsListedInterruptedOnDuckDb() throws Exception {
    String db = TestDatabases.duckDb(tmp.resolve("store"));
    Path out = tmp.resolve("forecast");
    Process child = start(db, out);
    try {
      // The DuckDB file is the child's while it runs: its marker says the run is recorded.
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> Files.exists(out.resolve(IncompleteMarker.NAME)) || !child.isAlive());
      assertThat(child.isAlive()).as("the forecast is still running").isTrue();
    } finally {
      kill(child);
    }
    assertInterrupted(db, out);
  }

  @Test
  void aKilledForecastIsListedInterruptedOnPostgres() throws Exception {
    String db = TestDatabases.postgres();
    Path out = tmp.resolve("forecast");
    Process child = start(db, out);
    try (Store store = Store.open(db)) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  !child.isAlive()
                      || store.runs().list().stream()
                          .anyMatch(r -> r.status() == RunStatus.RUNNING));
      assertThat(child.isAlive()).as("the forecast is still running").isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.exists(out.resolve(IncompleteMarker.NAME)));
    } finally {
      kill(child);
    }
    // PostgreSQL lets go of the dead process's advisory lock when it sees its connection close.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> CliTest.run("runs", "--db", db).out().contains("interrupted"));
    assertInterrupted(db, out);
  }

  @Test
  void aFinishedForecastLeavesNoMarkerAndASucceededRun() {
    String db = TestDatabases.duckDb(tmp.resolve("store"));
    Path out = tmp.resolve("forecast");
    CliTest.Result f =
        CliTest.run(
            "forecast", "--runs", "8", "--months", "6", "--out", out.toString(), "--db", db);
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(f.out()).contains("Stored as run 1");
    assertThat(out.resolve(IncompleteMarker.NAME)).doesNotExist();
    assertThat(out.resolve("summary.csv")).exists();
    assertThat(CliTest.run("runs", "--db", db).out())
        .containsPattern("\\s1\\s+forecast\\s+succeeded\\s+isis-2017\\s+cli\\s+8\\s");
  }

  /** Small runs of the other commands that record their run at its start (issue #18). */
  static Stream<Arguments> otherCommands() throws Exception {
    String events =
        Path.of(KilledForecastTest.class.getResource("events-2017.csv").toURI()).toString();
    return Stream.of(
        Arguments.of("threat", List.of("threat", "--runs", "5")),
        Arguments.of(
            "comparison", CliTest.comparison(4, "isis-2017", "isis-2017;border_closure=0.95")),
        Arguments.of("update", List.of("update", "--events", events, "--as-of", "2017-09-30")),
        Arguments.of("calibration", CliTest.calibration(200, 50, 5)),
        Arguments.of(
            "hindcast",
            List.of(
                "hindcast",
                "--observations",
                CliTest.KNOWN.toString(),
                "--runs",
                "10",
                "--simulations",
                "0",
                "--particles",
                "50")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherCommands")
  void aFinishedRunOfEveryStoredCommandLeavesNoMarkerAndASucceededRun(
      String kind, List<String> command) {
    String db = TestDatabases.duckDb(tmp.resolve("store"));
    Path out = tmp.resolve("out");
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--out", out.toString(), "--db", db));
    CliTest.Result r = CliTest.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Stored as run 1");
    assertThat(out.resolve(IncompleteMarker.NAME)).doesNotExist();
    assertThat(out).isNotEmptyDirectory();
    assertThat(CliTest.run("runs", "--db", db).out())
        .containsPattern("\\s1\\s+" + kind + "\\s+succeeded\\s+isis-2017\\s+cli\\s");
  }

  private static void assertInterrupted(String db, Path out) {
    CliTest.Result list = CliTest.run("runs", "--db", db);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out())
        .containsPattern("\\s1\\s+forecast\\s+failed\\s+isis-2017\\s+cli\\s+200000\\s")
        .contains("failed: interrupted");
    assertThat(out.resolve(IncompleteMarker.NAME)).exists();
    assertThat(out.resolve("summary.csv")).doesNotExist();
  }

  /** A long forecast in a child JVM: 200,000 replications of 120 months on one thread. */
  private static Process start(String db, Path out) throws IOException {
    return ChildJvm.of(
            Main.class,
            "forecast",
            "--runs",
            "200000",
            "--months",
            "120",
            "--threads",
            "1",
            "--out",
            out.toString(),
            "--db",
            db)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void kill(Process child) throws InterruptedException {
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }
}
