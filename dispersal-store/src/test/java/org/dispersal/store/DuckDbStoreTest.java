package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store contract on the embedded default, a DuckDB file. */
class DuckDbStoreTest extends StoreContractTest {
  @Override
  String newDatabase() {
    return TestDatabases.duckDb(temp);
  }

  /**
   * A file that holds fewer rows than the list it came with fails the run's transaction: nothing is
   * stored and the run stays running.
   */
  @Test
  void aFileThatDisagreesWithItsRowsStoresNothing() {
    List<SummaryRow> rows = Fixtures.rows(100, 5);
    RunStore runs = store.runs();
    StoredRun run = runs.create(RunKind.FORECAST, "isis-2017", "name: x\n", "ana", 40, 7, null);
    runs.started(run.id());
    RenderedSummaryRows fewer = new RenderedSummaryRows(rows, Fixtures.file(rows.subList(0, 60)));
    assertThatThrownBy(() -> runs.succeeded(run.id(), Fixtures.MANIFEST, fewer, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("held 60 rows, not 100");
    assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(runs.summary(run.id(), SummaryFilter.all())).isEmpty();
  }

  @Test
  void aFileOpenInAnotherProcessIsRefusedWithOneLine() throws Exception {
    store.close();
    store = null;
    Process child = startKillTarget(url, 1000);
    try {
      assertThat(readUntilHalfWritten(child)).contains(KillTarget.HALF_WRITTEN);
      assertThatThrownBy(() -> Store.open(url))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("another process")
          .hasMessageNotContaining("\n");
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
