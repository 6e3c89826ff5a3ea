package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The histogram's quantiles equal those of the sorted sample, and merging is exact. */
class IntHistogramTest {

  @Test
  void quantilesMatchSortedSampleWithImpliedZeros() {
    SplittableRandom rng = new SplittableRandom(4);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(300);
      int[] values = new int[n];
      IntHistogram h = new IntHistogram();
      for (int i = 0; i < n; i++) {
        values[i] = rng.nextInt(4) == 0 ? 0 : rng.nextInt(rng.nextBoolean() ? 50 : 100_000);
        h.add(values[i]);
      }
      Arrays.sort(values);
      double[] qs = {0.05, 0.25, 0.5, 0.75, 0.95};
      int[] got = h.quantiles(n, qs);
      for (int q = 0; q < qs.length; q++) {
        int rank = (int) Math.max(1, Math.ceil(qs[q] * n - 1e-9));
        assertThat(got[q]).isEqualTo(values[rank - 1]);
      }
      assertThat(h.sum()).isEqualTo(Arrays.stream(values).asLongStream().sum());
    }
  }

  @Test
  void combineIsOrderIndependent() {
    IntHistogram a = new IntHistogram();
    IntHistogram b = new IntHistogram();
    IntHistogram ab = new IntHistogram();
    IntHistogram ba = new IntHistogram();
    for (int v : new int[] {3, 5000, 7, 3, 99_999}) {
      a.add(v);
    }
    for (int v : new int[] {1, 2048, 2047, 5000}) {
      b.add(v);
    }
    ab.combine(a);
    ab.combine(b);
    ba.combine(b);
    ba.combine(a);
    assertThat(ab.quantiles(12, 0.1, 0.5, 0.9, 1.0))
        .containsExactly(ba.quantiles(12, 0.1, 0.5, 0.9, 1.0));
    assertThat(ab.sum()).isEqualTo(ba.sum());
  }
}
