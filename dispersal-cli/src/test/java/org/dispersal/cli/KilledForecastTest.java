package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dispersal.store.RunStatus;
import org.dispersal.store.Store;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, finding 7: a command-line forecast killed with -9 partway is listed by {@code
 * dispersal runs} as failed ("interrupted"), and its output folder carries the {@code INCOMPLETE}
 * marker. The forecast runs in a child JVM ({@code org.dispersal.cli.Main} on the test classpath)
 * and is killed with {@link Process#destroyForcibly()} once it has started; on DuckDB and on
 * PostgreSQL when DISPERSAL_TEST_PG_URL is set.
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
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
