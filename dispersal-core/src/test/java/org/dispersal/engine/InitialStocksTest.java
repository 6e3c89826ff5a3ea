package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * A floor under an origin's dead ({@link Origin#killedAtLeast()}): the killed share is the larger
 * of the share prior's and the floor's, and an origin without a floor draws as before.
 *
 * <p>Every model here has 2,000 travelled (a point, {@code stock_revision} 1) and the share prior
 * {@code share_killed_by_start} fixed at 0.1, so the prior alone kills 200 in expectation; given
 * the killed share s, the binomial draws by demographic have the mean s × 2,000 exactly (the combat
 * factors, 0.2 for women and minors, reweight the demographics, not the total, and no probability
 * reaches 1).
 */
class InitialStocksTest {

  private static final int REPS = 4_000;

  private static Origin origin(String iso3, Range floor) {
    return new Origin(
        iso3,
        "Name of " + iso3,
        "maghreb",
        true,
        Range.of(2000),
        null,
        null,
        null,
        null,
        floor,
        List.of("X"),
        "");
  }

  private static CompiledModel model(Origin... origins) {
    Map<String, Double> v = new HashMap<>();
    v.put("stock_revision", 1.0);
    v.put("share_killed_by_start", 0.1);
    return new CompiledModel(TestScenarios.small(List.of(origins), v, 1));
  }

  private static double meanKilled(CompiledModel model) {
    long sum = 0;
    for (int r = 0; r < REPS; r++) {
      for (int[] s : TestScenarios.initialStocks(model, r)) {
        sum += s[CompiledModel.KILLED];
      }
    }
    return sum / (double) REPS;
  }

  /**
   * No floor, no change: a floor of 0 (which draws no random number and never raises a share) gives
   * the same stocks as none, and a floor on one origin leaves every other origin's stocks as they
   * were, byte for byte (each origin draws from its own substream, the floor after its figure
   * draws). The default forecast has no floors; {@code SummaryPinTest} pins it.
   */
  @Test
  void anOriginWithoutAFloorDrawsAsBefore() {
    CompiledModel none = model(origin("FRA", null), origin("MAR", null));
    CompiledModel zero = model(origin("FRA", Range.of(0)), origin("MAR", null));
    CompiledModel other = model(origin("FRA", null), origin("MAR", new Range(300, 493)));
    for (int r = 0; r < 200; r++) {
      int[][] a = TestScenarios.initialStocks(none, r);
      assertThat(TestScenarios.initialStocks(zero, r)).isDeepEqualTo(a);
      int[][] b = TestScenarios.initialStocks(other, r);
      int perOrigin = a.length / 2;
      for (int c = 0; c < perOrigin; c++) {
        assertThat(b[c]).isEqualTo(a[c]);
      }
    }
  }

  /**
   * A floor that straddles the prior: uniform on the integers 150 to 246 against the prior's 200.
   * The killed stock's exact expectation is E[max(200, U)] = (51 × 200 + 201 + ... + 246) / 97 =
   * 20,481 / 97 = 211.14. Its standard deviation is at most 28 (the uniform part 14.9, the
   * binomials at most 2,000 × 0.27), so over 4,000 replications the sample mean's standard error is
   * at most 0.44 and the test allows 3 (6.8σ: a false failure less than once in 10^10).
   */
  @Test
  void aFloorAboveThePriorsShareLiftsTheDead() {
    double mean = meanKilled(model(origin("FRA", new Range(150, 246))));
    assertThat(mean).isCloseTo(20_481 / 97.0, within(3.0));
    // the share prior alone would give 200: the lift is 11, well outside the tolerance
    assertThat(20_481 / 97.0 - 200).isGreaterThan(2 * 3.0);
  }

  /**
   * A floor wholly above the prior's share: every replication kills at least the floor's low end
   * but for the binomials' spread. Floor 600 (a point) against the prior's 200: the killed share is
   * 0.3, the mean exactly 600 (standard error 0.32 over 4,000 replications; the test allows 3), and
   * none of 200 replications falls below 480 (the binomials' standard deviation is about 20.2, so
   * 480 is 6σ below: a false failure about once in 10^7).
   */
  @Test
  void aFloorAboveThePriorSetsTheDead() {
    CompiledModel model = model(origin("FRA", Range.of(600)));
    double mean = meanKilled(model);
    assertThat(mean).isCloseTo(600, within(3.0));
    for (int r = 0; r < 200; r++) {
      int killed = 0;
      for (int[] s : TestScenarios.initialStocks(model, r)) {
        killed += s[CompiledModel.KILLED];
      }
      assertThat(killed).isGreaterThan(480);
    }
  }

  /**
   * A floor below the prior's share changes nothing in law: uniform on 20 to 33 against the prior's
   * 200, the killed stock keeps the mean 200 exactly. Its standard deviation is at most 15 (the
   * binomials alone), so the sample mean's standard error over 4,000 replications is at most 0.24
   * and the test allows 1.5 (6.3σ: a false failure less than once in 10^9).
   */
  @Test
  void aFloorBelowThePriorChangesNothingInLaw() {
    assertThat(meanKilled(model(origin("FRA", new Range(20, 33))))).isCloseTo(200, within(1.5));
    assertThat(meanKilled(model(origin("FRA", null)))).isCloseTo(200, within(1.5));
  }
}
