package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The {@code stock_revision} multiplier on the initial stocks: exact for point figures, a scaled
 * uniform for a range, and people are conserved whatever its value.
 */
class StockRevisionTest {

  private static final int REPS = 4_000;

  private static Origin origin(Range travelled) {
    return new Origin(
        "FRA",
        "France",
        "western_europe",
        true,
        travelled,
        Range.of(100),
        Range.of(50),
        Range.of(200),
        Range.of(100),
        List.of("X"),
        "");
  }

  private static CompiledModel model(Range travelled, double revision) {
    Map<String, Double> v = new HashMap<>();
    v.put("stock_revision", revision);
    return new CompiledModel(TestScenarios.small(List.of(origin(travelled)), v, 1));
  }

  private static int[][] initial(Range travelled, double revision, long replication) {
    return TestScenarios.initialStocks(model(travelled, revision), replication);
  }

  private static int total(int[][] stocks) {
    int n = 0;
    for (int[] s : stocks) {
      for (int x : s) {
        n += x;
      }
    }
    return n;
  }

  /**
   * Point figures: 1,000 travelled, 100 women, 50 minors, 200 returned, 100 killed. With the
   * multiplier 1.3 every one of them is 1.3 times as large, exactly, and the people add up.
   */
  @Test
  void pointFiguresAreScaledExactly() {
    int[][] base = initial(Range.of(1000), 1.0, 0);
    int[][] revised = initial(Range.of(1000), 1.3, 0);
    assertThat(total(base)).isEqualTo(1000);
    assertThat(total(revised)).isEqualTo(1300);
    assertThat(java.util.Arrays.stream(revised[1]).sum()).isEqualTo(130);
    assertThat(java.util.Arrays.stream(revised[2]).sum()).isEqualTo(65);
    int returned = 0;
    int killed = 0;
    for (int[] s : revised) {
      returned += s[CompiledModel.RETURNED];
      killed += s[CompiledModel.KILLED];
    }
    // the returned and killed shares are those of the unrevised figures; binomial draws scatter
    // the counts around 260 and 130 (a 1e-6 two-sided band is far wider than the differences)
    assertThat(returned).isBetween(200, 320);
    assertThat(killed).isBetween(85, 175);
  }

  /**
   * A range 1,000 to 2,000 with multiplier 1.2: the travelled count is round(1.2 U), U uniform on
   * the integers 1,000 to 2,000, so its mean is 1,800 and its standard deviation 1.2 × 289 = 347;
   * over 4,000 replications the sample mean has a standard error of 5.5, and the test allows 30
   * (5.5σ: a false failure about once in 10^7). The revised draws are never below the unrevised
   * ones of the same replication (the same stream), and each replication conserves its people.
   */
  @Test
  void aHigherRevisionGivesHigherStocksReplicationByReplication() {
    CompiledModel unrevised = model(new Range(1000, 2000), 1.0);
    CompiledModel revised = model(new Range(1000, 2000), 1.2);
    double sum = 0;
    for (int r = 0; r < REPS; r++) {
      int lower = total(TestScenarios.initialStocks(unrevised, r));
      int higher = total(TestScenarios.initialStocks(revised, r));
      assertThat(higher).isGreaterThanOrEqualTo(lower);
      assertThat((long) higher).isEqualTo(Math.round(1.2 * lower));
      sum += higher;
    }
    assertThat(sum / REPS).isCloseTo(1800, org.assertj.core.api.Assertions.within(30.0));
  }
}
