package org.dispersal.output.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast mean formatting writes what {@code String.format("%.2f")} writes, for every kind of
 * value.
 */
class SummaryCsvMeanTest {

  private static void same(double v) {
    assertThat(SummaryCsv.mean(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
  }

  @Test
  void agreesWithTheFormatterOnEnsembleMeansAndTies() {
    // Ensemble means are sums over replication counts: many end in a 5 at the third decimal.
    SplittableRandom rng = new SplittableRandom(19);
    for (int reps : new int[] {1, 3, 7, 8, 10, 40, 200, 1000, 4096, 10_000}) {
      for (int i = 0; i < 20_000; i++) {
        long sum = rng.nextLong(reps * 200_000L);
        same((double) sum / reps);
      }
    }
    for (double v :
        new double[] {
          0.0,
          -0.0,
          0.005,
          0.015,
          0.125,
          1.005,
          2.675,
          1.115,
          99.995,
          1e7 + 0.005,
          12345678.125,
          1e-7,
          4.35e-3,
          123456789012.345,
          -1.005,
          -0.004,
          Double.NaN,
          Double.POSITIVE_INFINITY
        }) {
      same(v);
    }
  }

  @Test
  void agreesWithTheFormatterOnArbitraryDoubles() {
    SplittableRandom rng = new SplittableRandom(23);
    for (int i = 0; i < 200_000; i++) {
      double v = rng.nextDouble() * Math.pow(10, rng.nextInt(12) - 3);
      same(v);
      same(Math.round(v * 1000) / 1000.0);
    }
  }

  /** The method before the integer path: the double's shortest decimal, rounded half up. */
  private static String viaBigDecimal(double v) {
    return new BigDecimal(Double.toString(v)).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  @Test
  void agreesWithTheDecimalMethodOnEveryWholeNumberOfThousandths() {
    // Every mean over 1,000 replications up to 3,000 people, then sampled up to the fast path's
    // limit (2^33) and across it, including the ties that end in a 5.
    for (long k = 1; k <= 3_000_000; k++) {
      double v = k / 1000.0;
      assertThat(SummaryCsv.mean(v)).as("%s", v).isEqualTo(viaBigDecimal(v));
    }
    SplittableRandom rng = new SplittableRandom(31);
    for (int i = 0; i < 1_000_000; i++) {
      long k = rng.nextLong(1L << (10 + rng.nextInt(34)));
      double v = (k | 1) / 1000.0;
      assertThat(SummaryCsv.mean(v)).as("%s", v).isEqualTo(viaBigDecimal(v));
      same(v);
      double tie = (k / 10 * 10 + 5) / 1000.0;
      assertThat(SummaryCsv.mean(tie)).as("%s", tie).isEqualTo(viaBigDecimal(tie));
    }
  }
}
