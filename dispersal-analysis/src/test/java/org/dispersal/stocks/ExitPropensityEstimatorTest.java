package org.dispersal.stocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dispersal.model.ExitPropensity;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.junit.jupiter.api.Test;

/** The exit-propensity estimate on small tables with exact expected values. */
class ExitPropensityEstimatorTest {

  private static Origin country(String id, Range travelled, Range returned) {
    return new Origin(
        id, id, "western_europe", true, travelled, null, null, returned, null, List.of("X"), "");
  }

  private static Origin remainder(String region, int travelled, int returned) {
    return new Origin(
        "rest:" + region,
        "rest",
        region,
        false,
        Range.of(travelled),
        null,
        null,
        Range.of(returned),
        null,
        List.of(),
        "");
  }

  /**
   * A travels 800 and 200 returned, B 1,200 (a range 1,000-1,400, mid-point) and 100 returned; C
   * has no returned figure, the remainder and a named group do not count. S = 300 / 2,000 = 0.15.
   * With k = 200: s_A = (200 + 30) / 1,000 = 0.23, m_A = 0.23 / 0.15 = 1.5333...; s_B = (100 + 30)
   * / 1,400 = 0.092857..., m_B = 0.619047...
   */
  @Test
  void sharesAreShrunkTowardsThePooledShare() {
    List<Origin> origins =
        List.of(
            country("AAA", Range.of(800), Range.of(200)),
            country("BBB", new Range(1000, 1400), Range.of(100)),
            country("CCC", Range.of(500), null),
            remainder("western_europe", 5000, 4000),
            new Origin(
                "rest:grp",
                "Group",
                "western_europe",
                false,
                Range.of(300),
                null,
                null,
                Range.of(300),
                null,
                List.of(),
                ""));
    assertThat(ExitPropensityEstimator.pooledShare(origins)).isCloseTo(0.15, within(1e-15));
    List<ExitPropensityEstimator.Estimate> rows = ExitPropensityEstimator.estimates(origins, 200);
    assertThat(rows)
        .extracting(ExitPropensityEstimator.Estimate::origin)
        .containsExactly("AAA", "BBB");
    assertThat(rows.get(0).share()).isCloseTo(0.23, within(1e-15));
    assertThat(rows.get(0).multiplier()).isCloseTo(0.23 / 0.15, within(1e-14));
    assertThat(rows.get(1).share()).isCloseTo(130.0 / 1400, within(1e-15));
    assertThat(rows.get(1).multiplier()).isCloseTo(130.0 / 1400 / 0.15, within(1e-14));

    ExitPropensity p = ExitPropensityEstimator.estimate(origins, 200);
    assertThat(p.basis()).isEqualTo(ExitPropensity.BASIS_ESTIMATED);
    assertThat(p.pseudoTravellers()).isEqualTo(200);
    assertThat(p.multipliers().keySet()).containsExactly("AAA", "BBB");
    assertThat(p.of("CCC")).isEqualTo(1.0);
    assertThat(p.of("rest:western_europe")).isEqualTo(1.0);
    assertThat(p.of("rest:grp")).isEqualTo(1.0);
  }

  /** k = 0 gives each country's own share over S; a very large k pulls every m towards 1. */
  @Test
  void kSetsHowFarAShareIsShrunk() {
    List<Origin> origins =
        List.of(
            country("AAA", Range.of(800), Range.of(200)),
            country("BBB", Range.of(1200), Range.of(100)));
    List<ExitPropensityEstimator.Estimate> raw = ExitPropensityEstimator.estimates(origins, 0);
    assertThat(raw.get(0).multiplier()).isCloseTo(0.25 / 0.15, within(1e-14));
    assertThat(raw.get(1).multiplier()).isCloseTo((100.0 / 1200) / 0.15, within(1e-14));
    for (ExitPropensityEstimator.Estimate e : ExitPropensityEstimator.estimates(origins, 1e9)) {
      assertThat(e.multiplier()).isCloseTo(1.0, within(1e-5));
    }
    assertThat(ExitPropensityEstimator.estimate(origins).pseudoTravellers())
        .isEqualTo(ExitPropensityEstimator.PSEUDO_TRAVELLERS);
    assertThatThrownBy(() -> ExitPropensityEstimator.estimates(origins, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Contradictory figures are data: 86 returned of 12 travelled gives s = (86 + 200 S) / 212 far
   * above S, and m is clipped at {@link ExitPropensityEstimator#MAX_MULTIPLIER}; a large country
   * with no returns at all is clipped at {@link ExitPropensityEstimator#MIN_MULTIPLIER}.
   */
  @Test
  void contradictoryFiguresGiveAClippedMultiplierNeverAnError() {
    List<Origin> origins =
        List.of(
            country("AAA", Range.of(10000), Range.of(1000)),
            country("BBB", Range.of(12), Range.of(86)),
            country("CCC", Range.of(20000), Range.of(0)));
    double pooled = 1086.0 / 30012;
    assertThat(ExitPropensityEstimator.pooledShare(origins)).isCloseTo(pooled, within(1e-15));
    ExitPropensity p = ExitPropensityEstimator.estimate(origins, 200);
    // unclipped: (86 + 200 S) / 212 / S = 11.5..., above 4
    assertThat((86 + 200 * pooled) / 212 / pooled).isGreaterThan(4);
    assertThat(p.of("BBB")).isEqualTo(ExitPropensityEstimator.MAX_MULTIPLIER);
    // unclipped: 200 S / 20,200 / S = 0.0099, below 1/4
    assertThat(p.of("CCC")).isEqualTo(ExitPropensityEstimator.MIN_MULTIPLIER);
    assertThat(p.of("AAA")).isCloseTo((1000 + 200 * pooled) / 10200 / pooled, within(1e-14));
  }

  /** Without any country with both figures, or with no returns at all, every m is 1. */
  @Test
  void withoutReturnFiguresEveryMultiplierIsOne() {
    List<Origin> none = List.of(country("AAA", Range.of(800), null), remainder("x", 50, 5));
    assertThat(ExitPropensityEstimator.estimate(none).multipliers()).isEmpty();
    assertThat(Double.isNaN(ExitPropensityEstimator.pooledShare(none))).isTrue();
    List<Origin> zero =
        List.of(
            country("AAA", Range.of(800), Range.of(0)), country("BBB", Range.of(80), Range.of(0)));
    assertThat(ExitPropensityEstimator.estimate(zero).multipliers()).isEmpty();
    assertThat(ExitPropensityEstimator.estimate(List.of()).neutral()).isTrue();
  }
}
