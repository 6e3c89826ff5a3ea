package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

  /**
   * A log sorted in place (as the merge prepares every cell) is read without copying it: each
   * quantile at any probability, over logs of one to several hundred blocks' records, with and
   * without dense counts and implied zeros, is the sorted sample's value at its rank.
   */
  @Test
  void aLogSortedInPlaceGivesTheSampleQuantiles() {
    SplittableRandom rng = new SplittableRandom(21);
    double[] qs = new double[200];
    for (int k = 0; k < qs.length; k++) {
      qs[k] = (k + 1) / 200.0;
    }
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(trial % 3 == 0 ? 20 : 3_000);
      int zeros = rng.nextInt(3) == 0 ? rng.nextInt(n + 1) : 0;
      boolean dense = rng.nextBoolean();
      int[] values = new int[n + zeros];
      IntHistogram h = new IntHistogram();
      for (int i = 0; i < n; i++) {
        values[i] = dense && rng.nextBoolean() ? 1 + rng.nextInt(63) : 64 + rng.nextInt(5_000);
        h.add(values[i]);
      }
      h.prepareForReading();
      Arrays.sort(values);
      int[] got = h.quantiles(values.length, qs);
      for (int q = 0; q < qs.length; q++) {
        int rank = (int) Math.max(1, Math.ceil(qs[q] * values.length - 1e-9));
        assertThat(got[q]).as("trial %d, q %s", trial, qs[q]).isEqualTo(values[rank - 1]);
      }
    }
  }

  /**
   * Logs whose values lie close together (sorted by counting) and far apart (sorted by comparison),
   * below and above the records that fold the log, give the sample's table and quantiles.
   */
  @Test
  void closeAndSpreadLogsGiveTheSampleTable() throws IOException {
    SplittableRandom rng = new SplittableRandom(9);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(trial % 10 == 0 ? 3 * IntHistogram.LOG_LIMIT : 400);
      int spread = 1 + rng.nextInt(2 * IntHistogram.COUNTING_SPREAD * n);
      int low = 64 + rng.nextInt(100_000);
      int[] values = new int[n];
      IntHistogram h = new IntHistogram();
      for (int i = 0; i < n; i++) {
        values[i] = low + rng.nextInt(spread);
        h.add(values[i]);
      }
      Arrays.sort(values);
      ByteArrayOutputStream want = new ByteArrayOutputStream();
      DataOutputStream w = new DataOutputStream(want);
      int distinct = (int) Arrays.stream(values).distinct().count();
      w.writeInt(distinct);
      for (int i = 0; i < n; ) {
        int j = i;
        while (j < n && values[j] == values[i]) {
          j++;
        }
        w.writeInt(values[i]);
        w.writeInt(j - i);
        i = j;
      }
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      h.writeTo(new DataOutputStream(got));
      assertThat(got.toByteArray()).as("trial %d", trial).isEqualTo(want.toByteArray());
      double[] qs = {0.05, 0.25, 0.5, 0.75, 0.95, 1.0};
      int[] q = h.quantiles(n + 7, qs);
      for (int k = 0; k < qs.length; k++) {
        long rank = Math.max(1, (long) Math.ceil(qs[k] * (n + 7) - 1e-9));
        assertThat(q[k]).isEqualTo(rank <= 7 ? 0 : values[(int) rank - 8]);
      }
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

  /**
   * Merging a table whose large values are still only a log (as a worker's cells are) joins its
   * records to this table's log; two such logs that together pass the log's limit fold on the way,
   * and the merged table is the table of all the values: the same quantiles, sum and canonical
   * bytes, in either order, in a shared pool as in pools of their own.
   */
  @Test
  void mergingLogsPastTheLimitGivesTheTableOfAllValues() throws IOException {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 2 * (IntHistogram.LOG_LIMIT - 500);
    int[] values = new int[n];
    IntHistogram all = new IntHistogram();
    LogPool shared = new LogPool();
    IntHistogram a = new IntHistogram(shared);
    IntHistogram b = new IntHistogram(shared);
    IntHistogram c = new IntHistogram();
    IntHistogram d = new IntHistogram();
    for (int i = 0; i < n; i++) {
      int v = rng.nextInt(4) == 0 ? rng.nextInt(64) : 64 + rng.nextInt(3000);
      values[i] = v;
      all.add(v, 1);
      (i % 2 == 0 ? a : b).add(v, 1);
      (i % 2 == 0 ? c : d).add(v, 1);
    }
    a.combine(b);
    d.combine(c);
    Arrays.sort(values);
    double[] qs = {0.01, 0.25, 0.5, 0.75, 0.99, 1.0};
    for (IntHistogram h : new IntHistogram[] {a, d}) {
      int[] got = h.quantiles(n, qs);
      for (int q = 0; q < qs.length; q++) {
        int rank = (int) Math.max(1, Math.ceil(qs[q] * n - 1e-9));
        assertThat(got[q]).isEqualTo(values[rank - 1]);
      }
      assertThat(h.sum()).isEqualTo(Arrays.stream(values).asLongStream().sum());
      assertThat(h.nonZero()).isEqualTo(all.nonZero());
      assertThat(bytes(h)).isEqualTo(bytes(all));
    }
  }

  /**
   * Past the log's limit the records are folded into the table of distinct values; quantiles, sum
   * and the canonical bytes stay those of the sorted sample, for a recorded, a merged and a re-read
   * table alike.
   */
  @Test
  void foldedLogKeepsExactQuantilesAndCanonicalBytes() throws IOException {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 3 * IntHistogram.LOG_LIMIT + 17;
    int[] values = new int[n];
    IntHistogram all = new IntHistogram();
    IntHistogram first = new IntHistogram();
    IntHistogram second = new IntHistogram();
    for (int i = 0; i < n; i++) {
      int v = rng.nextInt(5) == 0 ? 0 : rng.nextInt(rng.nextBoolean() ? 70 : 900);
      values[i] = v;
      all.add(v);
      (i % 3 == 0 ? first : second).add(v);
    }
    first.combine(second);
    Arrays.sort(values);
    double[] qs = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0};
    for (IntHistogram h : new IntHistogram[] {all, first, reread(all)}) {
      int[] got = h.quantiles(n, qs);
      for (int q = 0; q < qs.length; q++) {
        int rank = (int) Math.max(1, Math.ceil(qs[q] * n - 1e-9));
        assertThat(got[q]).isEqualTo(values[rank - 1]);
      }
      assertThat(h.sum()).isEqualTo(Arrays.stream(values).asLongStream().sum());
      assertThat(bytes(h)).isEqualTo(bytes(all));
    }
    all.add(5000);
    assertThat(all.quantiles(n + 1, 1.0)).containsExactly(5000);
  }

  /**
   * A log that grows by blocks, is read (which joins and sorts them) and grows again reads as one
   * recorded at once, and counts every value.
   */
  @Test
  void readingBetweenRecordsKeepsTheTable() throws IOException {
    SplittableRandom rng = new SplittableRandom(19);
    IntHistogram h = new IntHistogram();
    IntHistogram once = new IntHistogram();
    int n = 0;
    for (int round = 0; round < 6; round++) {
      for (int i = 0, m = rng.nextInt(700); i < m; i++, n++) {
        int v = rng.nextInt(3) == 0 ? rng.nextInt(64) : 64 + rng.nextInt(2000);
        h.add(v);
        once.add(v);
      }
      h.quantiles(n, 0.5);
    }
    assertThat(bytes(h)).isEqualTo(bytes(once));
    assertThat(h.quantiles(n, 0.05, 0.5, 0.95)).containsExactly(once.quantiles(n, 0.05, 0.5, 0.95));
    assertThat(h.nonZero()).isEqualTo(once.nonZero()).isEqualTo(reread(once).nonZero());
    assertThat(h.sum()).isEqualTo(once.sum());
  }

  /**
   * Histograms whose logs share one pool, recorded in turn (their blocks interleaved over several
   * chunks), read between records and past the records that fold the log (whose blocks other logs
   * then take), hold what histograms of their own hold, before and after they are sorted in place.
   */
  @Test
  void histogramsSharingAPoolKeepTheirOwnTables() throws IOException {
    SplittableRandom rng = new SplittableRandom(13);
    LogPool pool = new LogPool();
    IntHistogram[] shared = new IntHistogram[40];
    IntHistogram[] own = new IntHistogram[shared.length];
    long[] n = new long[shared.length];
    for (int k = 0; k < shared.length; k++) {
      shared[k] = new IntHistogram(pool);
      own[k] = new IntHistogram();
    }
    for (int round = 0; round < 30; round++) {
      for (int i = 0; i < 2000; i++) {
        // The first two fold their logs several times, giving blocks back to the others.
        int k = rng.nextInt(3) == 0 ? rng.nextInt(2) : rng.nextInt(shared.length);
        int v = rng.nextInt(4) == 0 ? rng.nextInt(64) : 64 + rng.nextInt(1 + 50 * k);
        shared[k].add(v);
        own[k].add(v);
        n[k]++;
      }
      int k = rng.nextInt(shared.length);
      assertThat(shared[k].quantiles(n[k], 0.1, 0.5, 0.9))
          .containsExactly(own[k].quantiles(n[k], 0.1, 0.5, 0.9));
    }
    for (IntHistogram h : shared) {
      h.prepareForReading();
    }
    for (int k = 0; k < shared.length; k++) {
      assertThat(bytes(shared[k])).isEqualTo(bytes(own[k]));
      assertThat(shared[k].nonZero()).isEqualTo(own[k].nonZero());
      assertThat(shared[k].sum()).isEqualTo(own[k].sum());
    }
  }

  @Test
  void quantilesOfAnEmptyTableAreZeroAndOrderIsChecked() {
    IntHistogram h = new IntHistogram();
    assertThat(h.quantiles(10, 0.5, 1.0)).containsExactly(0, 0);
    h.add(80, 3);
    h.add(2, 2);
    assertThat(h.quantiles(5, 0.2, 0.4, 0.6, 1.0)).containsExactly(2, 2, 80, 80);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.quantiles(5, 0.5, 0.2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(IntHistogram h) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      h.writeTo(out);
    }
    return b.toByteArray();
  }

  private static IntHistogram reread(IntHistogram h) throws IOException {
    return IntHistogram.readFrom(new DataInputStream(new ByteArrayInputStream(bytes(h))));
  }
}
