package org.dispersal.engine;

import java.util.Arrays;

/**
 * Where a particle of a month-by-month particle filter took fresh dynamics: the replication's own
 * dynamics base up to the first switch, then, after each switch month k, a new base for every
 * cohort-month from k + 1 on. The months up to a switch are reproduced exactly, so copies of one
 * particle that get different bases agree up to the switch and diverge after it (rejuvenation).
 *
 * <p>A plain value: the switch months strictly increase, and {@link #ROOT} (no switch) is the
 * ordinary replication.
 *
 * @param months the switch months, strictly increasing, each at least 0
 * @param bases the dynamics base used after each switch month
 */
public record Lineage(int[] months, long[] bases) {

  /** No switch: the replication's own dynamics. */
  public static final Lineage ROOT = new Lineage(new int[0], new long[0]);

  /** Copies the arrays and checks them. */
  public Lineage {
    months = months.clone();
    bases = bases.clone();
    if (months.length != bases.length) {
      throw new IllegalArgumentException("a lineage needs one base per switch month");
    }
    for (int j = 0; j < months.length; j++) {
      if (months[j] < 0 || (j > 0 && months[j] <= months[j - 1])) {
        throw new IllegalArgumentException("a lineage's switch months must increase from 0");
      }
    }
  }

  /** The switch months (a copy). */
  @Override
  public int[] months() {
    return months.clone();
  }

  /** The bases (a copy). */
  @Override
  public long[] bases() {
    return bases.clone();
  }

  /**
   * This lineage with one more switch: from month {@code month + 1} on, the base {@code base}.
   *
   * @param month after the last switch month
   * @param base the new dynamics base
   */
  public Lineage then(int month, long base) {
    int n = months.length;
    if (n > 0 && month <= months[n - 1]) {
      throw new IllegalArgumentException(
          "switch month " + month + " is not after " + months[n - 1]);
    }
    int[] m = Arrays.copyOf(months, n + 1);
    long[] b = Arrays.copyOf(bases, n + 1);
    m[n] = month;
    b[n] = base;
    return new Lineage(m, b);
  }

  /**
   * The dynamics base of the month that ends at month {@code t} (t ≥ 1): the base of the last
   * switch before t, or {@code root} when there is none.
   */
  public long base(long root, int t) {
    long b = root;
    for (int j = 0; j < months.length && months[j] < t; j++) {
      b = bases[j];
    }
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lineage l
        && Arrays.equals(months, l.months)
        && Arrays.equals(bases, l.bases);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(months) + Arrays.hashCode(bases);
  }

  @Override
  public String toString() {
    return "Lineage" + Arrays.toString(months) + Arrays.toString(bases);
  }
}
