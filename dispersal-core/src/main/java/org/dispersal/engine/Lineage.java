package org.dispersal.engine;

import java.util.Arrays;

/**
 * Where a particle of a month-by-month particle filter took fresh dynamics: the replication's own
 * dynamics base up to the first switch, then, after each switch month k, a new base for every
 * cohort-month from k + 1 on. The months up to a switch are reproduced exactly, so copies of one
 * particle that get different bases agree up to the switch and diverge after it (rejuvenation).
 *
 * <p>A switch may also carry new parameter values (a Liu-West move of the static parameters): from
 * month k + 1 on, the particle runs with the replication rebuilt from those values (its driver
 * paths recomputed from them with the replication's own driver stream); a switch without values
 * keeps the values in force. A lineage without any values runs the replication's own inputs
 * throughout.
 *
 * <p>A plain value: the switch months strictly increase, and {@link #ROOT} (no switch) is the
 * ordinary replication.
 *
 * @param months the switch months, strictly increasing, each at least 0
 * @param bases the dynamics base used after each switch month
 * @param values the parameter values used after each switch month (in the order of {@link
 *     CompiledModel#parameterNames()}), or null entries where the switch keeps them
 */
public record Lineage(int[] months, long[] bases, double[][] values) {

  /** No switch: the replication's own dynamics. */
  public static final Lineage ROOT = new Lineage(new int[0], new long[0]);

  /** Copies the arrays and checks them. */
  public Lineage {
    months = months.clone();
    bases = bases.clone();
    values = copy(values == null ? new double[months.length][] : values);
    if (months.length != bases.length || values.length != months.length) {
      throw new IllegalArgumentException("a lineage needs one base per switch month");
    }
    for (int j = 0; j < months.length; j++) {
      if (months[j] < 0 || (j > 0 && months[j] <= months[j - 1])) {
        throw new IllegalArgumentException("a lineage's switch months must increase from 0");
      }
    }
  }

  /** A lineage whose switches keep the parameter values (fresh dynamics only). */
  public Lineage(int[] months, long[] bases) {
    this(months, bases, null);
  }

  private static double[][] copy(double[][] v) {
    double[][] out = new double[v.length][];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j] == null ? null : v[j].clone();
    }
    return out;
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

  /** The parameter values of each switch, null where it keeps them (a copy). */
  @Override
  public double[][] values() {
    return copy(values);
  }

  /** Whether some switch carries new parameter values. */
  public boolean movesParameters() {
    for (double[] v : values) {
      if (v != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * This lineage with one more switch: from month {@code month + 1} on, the base {@code base}.
   *
   * @param month after the last switch month
   * @param base the new dynamics base
   */
  public Lineage then(int month, long base) {
    return then(month, base, null);
  }

  /**
   * This lineage with one more switch: from month {@code month + 1} on, the base {@code base} and
   * the parameter values {@code next} (null keeps those in force).
   *
   * @param month after the last switch month
   * @param base the new dynamics base
   * @param next the new parameter values, or null
   */
  public Lineage then(int month, long base, double[] next) {
    int n = months.length;
    if (n > 0 && month <= months[n - 1]) {
      throw new IllegalArgumentException(
          "switch month " + month + " is not after " + months[n - 1]);
    }
    int[] m = Arrays.copyOf(months, n + 1);
    long[] b = Arrays.copyOf(bases, n + 1);
    double[][] v = Arrays.copyOf(values, n + 1);
    m[n] = month;
    b[n] = base;
    v[n] = next;
    return new Lineage(m, b, v);
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

  /**
   * The parameter values in force in the month that ends at month {@code t} (t ≥ 1): those of the
   * last switch before t that carries values, or null for the replication's own. The array itself,
   * not a copy: callers read it and compare it by identity to see a change.
   */
  double[] valuesAt(int t) {
    double[] v = null;
    for (int j = 0; j < months.length && months[j] < t; j++) {
      if (values[j] != null) {
        v = values[j];
      }
    }
    return v;
  }

  /** The parameter values of the last switch that carries them, or null (a copy). */
  public double[] latestValues() {
    for (int j = values.length - 1; j >= 0; j--) {
      if (values[j] != null) {
        return values[j].clone();
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lineage l
        && Arrays.equals(months, l.months)
        && Arrays.equals(bases, l.bases)
        && Arrays.deepEquals(values, l.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(months) + Arrays.hashCode(bases))
        + Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return "Lineage"
        + Arrays.toString(months)
        + Arrays.toString(bases)
        + (movesParameters() ? Arrays.deepToString(values) : "");
  }
}
