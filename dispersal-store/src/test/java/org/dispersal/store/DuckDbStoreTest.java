package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store contract on the embedded default, a DuckDB file. */
class DuckDbStoreTest extends StoreContractTest {
  @Override
  String newDatabase() {
    return TestDatabases.duckDb(temp);
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
