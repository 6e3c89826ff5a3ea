package org.dispersal.ensemble;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * An exact, mergeable frequency table of non-negative whole numbers, with zeros implied.
 *
 * <p>An ensemble records one value per replication in each cell; only non-zero values are stored,
 * so a cell that is zero in most replications costs little. Counts are integers, so merging two
 * tables gives the same table in any order: the summaries of an ensemble do not depend on how its
 * replications were spread over threads. Memory grows with the number of distinct values, never
 * with the number of replications beyond that.
 */
public final class IntHistogram {

  private static final int DENSE_LIMIT = 64;

  private int[] dense = new int[8];
  private int[] keys;
  private int[] counts;
  private int sparseSize;
  private long sum;
  private long recorded;

  /** Records one non-zero value. */
  public void add(int value) {
    add(value, 1);
  }

  /** Records a value {@code times} times; zero values are implied and ignored. */
  public void add(int value, int times) {
    if (value < 0) {
      throw new IllegalArgumentException("histogram holds non-negative values: " + value);
    }
    if (value == 0 || times == 0) {
      return;
    }
    sum += (long) value * times;
    recorded += times;
    if (value < DENSE_LIMIT) {
      if (value >= dense.length) {
        dense = Arrays.copyOf(dense, Math.min(DENSE_LIMIT, Math.max(value + 1, dense.length * 2)));
      }
      dense[value] += times;
      return;
    }
    addSparse(value, times);
  }

  private void addSparse(int value, int times) {
    if (keys == null) {
      keys = new int[16];
      counts = new int[16];
    }
    int mask = keys.length - 1;
    int i = mix(value) & mask;
    while (keys[i] != 0) {
      if (keys[i] == value) {
        counts[i] += times;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = value;
    counts[i] = times;
    if (++sparseSize * 2 > keys.length) {
      rehash();
    }
  }

  private void rehash() {
    int[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new int[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    sparseSize = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        addSparse(oldKeys[i], oldCounts[i]);
      }
    }
  }

  private static int mix(int v) {
    int h = v * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Adds every value recorded in another table to this one. */
  public void combine(IntHistogram other) {
    for (int v = 1; v < other.dense.length; v++) {
      if (other.dense[v] != 0) {
        add(v, other.dense[v]);
      }
    }
    if (other.keys != null) {
      for (int i = 0; i < other.keys.length; i++) {
        if (other.keys[i] != 0) {
          add(other.keys[i], other.counts[i]);
        }
      }
    }
  }

  /** The sum of all recorded values. */
  public long sum() {
    return sum;
  }

  /** How many non-zero values were recorded. */
  public long nonZero() {
    return recorded;
  }

  /**
   * Quantiles of the values over {@code total} replications, the replications not recorded being
   * zero. The q-quantile is the smallest value v with at least ceil(q·total) replications at or
   * below v (the inverse of the empirical distribution function).
   *
   * @param total the number of replications, at least the number recorded
   * @param qs probabilities in (0, 1], in increasing order
   */
  public int[] quantiles(long total, double... qs) {
    if (total < recorded) {
      throw new IllegalArgumentException("total below the number recorded");
    }
    int[][] table = sortedTable();
    int[] values = table[0];
    int[] freq = table[1];
    int[] out = new int[qs.length];
    long zeros = total - recorded;
    for (int q = 0; q < qs.length; q++) {
      long rank = Math.max(1, (long) Math.ceil(qs[q] * total - 1e-9));
      if (rank <= zeros) {
        out[q] = 0;
        continue;
      }
      long cumulative = zeros;
      int value = values.length > 0 ? values[values.length - 1] : 0;
      for (int i = 0; i < values.length; i++) {
        cumulative += freq[i];
        if (cumulative >= rank) {
          value = values[i];
          break;
        }
      }
      out[q] = value;
    }
    return out;
  }

  /** The distinct recorded values in increasing order, and how often each was recorded. */
  private int[][] sortedTable() {
    int n = 0;
    for (int v = 1; v < dense.length; v++) {
      if (dense[v] != 0) {
        n++;
      }
    }
    int[] values = new int[n + sparseSize];
    int[] freq = new int[n + sparseSize];
    int k = 0;
    for (int v = 1; v < dense.length; v++) {
      if (dense[v] != 0) {
        values[k] = v;
        freq[k++] = dense[v];
      }
    }
    if (keys != null) {
      long[] packed = new long[sparseSize];
      int j = 0;
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != 0) {
          packed[j++] = ((long) keys[i] << 32) | (counts[i] & 0xFFFFFFFFL);
        }
      }
      Arrays.sort(packed);
      for (long p : packed) {
        values[k] = (int) (p >>> 32);
        freq[k++] = (int) p;
      }
    }
    return new int[][] {values, freq};
  }

  /**
   * Writes the table in a canonical form: the distinct values in increasing order with their
   * counts, so equal tables give equal bytes whatever order their values were recorded or merged
   * in. {@link #readFrom} reads it back.
   */
  public void writeTo(DataOutput out) throws IOException {
    int[][] table = sortedTable();
    out.writeInt(table[0].length);
    for (int i = 0; i < table[0].length; i++) {
      out.writeInt(table[0][i]);
      out.writeInt(table[1][i]);
    }
  }

  /** Reads a table written by {@link #writeTo}. */
  public static IntHistogram readFrom(DataInput in) throws IOException {
    IntHistogram h = new IntHistogram();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      int value = in.readInt();
      int count = in.readInt();
      if (value <= 0 || count <= 0) {
        throw new IOException("bad histogram entry " + value + " x " + count);
      }
      h.add(value, count);
    }
    return h;
  }

  /**
   * Reads two tables written by {@link #writeTo} and writes their sum in the same canonical form,
   * without building either table: what {@code a.combine(b)} followed by {@code writeTo} gives.
   */
  public static void merge(DataInput a, DataInput b, DataOutput out) throws IOException {
    int[][] x = readTable(a);
    int[][] y = readTable(b);
    int[] values = new int[x[0].length + y[0].length];
    int[] counts = new int[values.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < x[0].length || j < y[0].length) {
      if (j == y[0].length || (i < x[0].length && x[0][i] < y[0][j])) {
        values[n] = x[0][i];
        counts[n++] = x[1][i++];
      } else if (i == x[0].length || y[0][j] < x[0][i]) {
        values[n] = y[0][j];
        counts[n++] = y[1][j++];
      } else {
        values[n] = x[0][i];
        counts[n++] = x[1][i++] + y[1][j++];
      }
    }
    out.writeInt(n);
    for (int k = 0; k < n; k++) {
      out.writeInt(values[k]);
      out.writeInt(counts[k]);
    }
  }

  /** Copies one table written by {@link #writeTo}. */
  public static void copy(DataInput in, DataOutput out) throws IOException {
    int n = in.readInt();
    out.writeInt(n);
    for (int k = 0; k < 2 * n; k++) {
      out.writeInt(in.readInt());
    }
  }

  private static int[][] readTable(DataInput in) throws IOException {
    int n = in.readInt();
    int[][] table = new int[2][n];
    for (int k = 0; k < n; k++) {
      table[0][k] = in.readInt();
      table[1][k] = in.readInt();
    }
    return table;
  }
}
