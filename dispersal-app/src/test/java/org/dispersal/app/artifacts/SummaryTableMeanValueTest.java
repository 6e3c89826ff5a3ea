package org.dispersal.app.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.dispersal.output.forecast.SummaryCsv;
import org.junit.jupiter.api.Test;

/**
 * The stored mean read back from the file's text is exactly what {@link Double#parseDouble} reads.
 */
class SummaryTableMeanValueTest {

  private static void same(String mean) {
    assertThat(Double.doubleToRawLongBits(SummaryTable.meanValue(mean)))
        .as(mean)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(mean)));
  }

  @Test
  void readsEveryWrittenMeanAsParseDoubleDoes() {
    for (long k = 0; k <= 2_000_000; k++) {
      same(SummaryCsv.mean(k / 1000.0));
    }
    SplittableRandom rng = new SplittableRandom(41);
    for (int i = 0; i < 1_000_000; i++) {
      long hundredths = rng.nextLong(1L << (8 + rng.nextInt(48)));
      same(hundredths / 100 + "." + String.format("%02d", hundredths % 100));
      same(SummaryCsv.mean(rng.nextDouble() * Math.pow(10, rng.nextInt(16))));
    }
    for (String s : new String[] {"0.00", "-0.00", "-1.25", "NaN", "Infinity", "1e3", "12.5"}) {
      same(s);
    }
  }
}
