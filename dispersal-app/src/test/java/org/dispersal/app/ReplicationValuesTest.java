package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.IntHistogram;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.SummaryRow;
import org.junit.jupiter.api.Test;

/**
 * A forecast's per-replication values (issue #17, paired comparisons) are the values its summary
 * was made from: at every month, for the world and each region, every state and composite state,
 * their mean and percentiles are exactly the summary row's; and they do not depend on the threads.
 */
class ReplicationValuesTest {

  private static final int MONTHS = 12;
  private static final int RUNS = 30;

  private static RunResult<EnsembleSummary> forecast(int threads) {
    return ForecastRequest.of(Scenarios.builtIn("isis-2017", MONTHS), RUNS, 11L, threads)
        .execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
  }

  @Test
  void theValuesGiveTheSummaryRowsAndTheSameBytesForAnyThreadCount() {
    RunResult<EnsembleSummary> one = forecast(1);
    ReplicationValues values = one.replicationValues();
    assertThat(values.layout()).isEqualTo("single");
    assertThat(values.replications()).isEqualTo(RUNS);
    assertThat(values.months()).hasSize(MONTHS + 1);
    ReplicationValues three = forecast(3).replicationValues();
    for (int m = 0; m <= MONTHS; m++) {
      assertThat(three.months().get(m)).isEqualTo(values.months().get(m));
    }

    Map<String, SummaryRow> rows = new HashMap<>();
    for (SummaryRow r : one.summaryRows()) {
      if (r.demographic().equals("all")
          && r.destination().isEmpty()
          && (r.scope().equals("world") || r.scope().equals("region"))) {
        rows.put(r.month() + "/" + r.scope() + "/" + r.scopeId() + "/" + r.state(), r);
      }
    }
    int checked = 0;
    int nonZero = 0;
    for (int m = 0; m <= MONTHS; m++) {
      Map<String, int[]> cells = new HashMap<>();
      for (ReplicationValues.Cell c : ReplicationValues.decode(values.months().get(m))) {
        cells.put(m + "/" + c.scope() + "/" + c.scopeId() + "/" + c.state(), c.values());
      }
      for (Map.Entry<String, SummaryRow> e : rows.entrySet()) {
        if (!e.getKey().startsWith(m + "/")) {
          continue;
        }
        SummaryRow row = e.getValue();
        int[] v = cells.get(e.getKey());
        if (v == null) {
          // Left out: zero in every replication.
          assertThat(row.p95()).as(e.getKey()).isZero();
          assertThat(row.mean()).as(e.getKey()).isZero();
        } else {
          IntHistogram h = new IntHistogram();
          long sum = 0;
          for (int x : v) {
            h.add(x);
            sum += x;
          }
          int[] q = h.quantiles(RUNS, 0.05, 0.25, 0.5, 0.75, 0.95);
          assertThat(new long[] {row.p05(), row.p25(), row.p50(), row.p75(), row.p95()})
              .as(e.getKey())
              .containsExactly(q[0], q[1], q[2], q[3], q[4]);
          assertThat(row.mean()).as(e.getKey()).isCloseTo(sum / (double) RUNS, within(0.006));
          nonZero++;
        }
        checked++;
      }
    }
    // Every state and composite of the world and the 12 regions has a row at world scope at least.
    assertThat(checked).isGreaterThan(17 * (MONTHS + 1));
    assertThat(nonZero).isGreaterThan(100);
    List<String> states =
        ReplicationValues.decode(values.months().get(MONTHS)).stream()
            .filter(c -> c.scope().equals("world"))
            .map(ReplicationValues.Cell::state)
            .toList();
    assertThat(states).contains("killed", "returned_total", "returned_after_start", "disengaged");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
