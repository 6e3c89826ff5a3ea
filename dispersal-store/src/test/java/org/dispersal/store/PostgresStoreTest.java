package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server (DISPERSAL_TEST_PG_URL, started by
 * .ci/postgres.sh), plus what only a shared server allows: two live processes side by side.
 */
@Tag("postgresql")
class PostgresStoreTest extends StoreContractTest {
  @Override
  String newDatabase() {
    return TestDatabases.postgres();
  }

  @Test
  void runsOfAnotherLiveStoreAreNotMarkedInterrupted() {
    try (Store other = Store.open(url)) {
      StoredRun theirs = other.runs().create(RunKind.FORECAST, "s", "y", null, 1, 1, null);
      other.runs().started(theirs.id());
      assertThat(store.runs().markInterrupted()).isZero();
      assertThat(store.runs().find(theirs.id()).orElseThrow().status())
          .isEqualTo(RunStatus.RUNNING);
    }
    assertThat(store.runs().markInterrupted()).isEqualTo(1);
  }
}
