package org.dispersal.engine;

import org.dispersal.random.DoubleMemo;
import org.dispersal.random.FixedMultinomial;

/**
 * The transitions out of each local compartment of one cohort in one month: for source s, the first
 * {@code count(s)} entries of {@code targets(s)} and {@code probabilities(s)} list where people go
 * and with what probability; the rest stay. Reused from month to month by its engine.
 */
public final class TransitionRows {

  /** Room for targets a row starts with; a row with more grows, in the engine's first months. */
  private static final int FIRST_ROOM = 4;

  private final int[] count;
  private final int[][] targets;
  private final double[][] probabilities;
  private final DoubleMemo leaving;
  private final FixedMultinomial[] multinomials;

  /** Creates rows for a layout of {@code size} local compartments. */
  public TransitionRows(int size) {
    this(size, null);
  }

  /**
   * Creates rows whose {@link #hazardsToProbabilities} takes 1 - exp(-H) from a memo made by {@link
   * #leavingMemo} (shared by the rows of one engine, one thread), or computes it when the memo is
   * null; the probabilities are the same bits either way.
   */
  public TransitionRows(int size, DoubleMemo leaving) {
    this.leaving = leaving;
    count = new int[size];
    // Rows start small and grow to their most targets (a few; the transit row has the most),
    // instead of size × size entries for each row class of each engine.
    int room = Math.min(size, FIRST_ROOM);
    targets = new int[size][room];
    probabilities = new double[size][room];
    multinomials = new FixedMultinomial[size];
  }

  /**
   * A memo of {@code H -> -Math.expm1(-H)}, the probability of leaving under a total hazard H, for
   * the rows of one engine.
   *
   * @param slots its number of slots, a power of two
   */
  public static DoubleMemo leavingMemo(int slots) {
    return new DoubleMemo(h -> -Math.expm1(-h), slots);
  }

  /** How many explicit targets source s has this month (0: nobody leaves). */
  public int count(int s) {
    return count[s];
  }

  /** The targets of source s (first {@link #count} entries). */
  public int[] targets(int s) {
    return targets[s];
  }

  /** The probabilities of source s (first {@link #count} entries); they sum to at most 1. */
  public double[] probabilities(int s) {
    return probabilities[s];
  }

  /**
   * Prepares the rows for the engine's draws after a fill: sets the {@link #multinomial} of each
   * source with transitions that was filled (bit s % 64 of word s / 64 of {@code filled} set; every
   * source when null), keeping the others' as they were. Valid until the rows are changed again.
   */
  void prepare(long[] filled) {
    if (filled == null) {
      for (int s = 0; s < count.length; s++) {
        prepare(s);
      }
      return;
    }
    for (int w = 0; w < filled.length; w++) {
      for (long bits = filled[w]; bits != 0; bits &= bits - 1) {
        prepare((w << 6) + Long.numberOfTrailingZeros(bits));
      }
    }
  }

  private void prepare(int s) {
    if (count[s] > 0) {
      if (multinomials[s] == null) {
        multinomials[s] = new FixedMultinomial();
      }
      multinomials[s].set(probabilities[s], count[s]);
    }
  }

  /** Source s's transitions as a multinomial over its targets, as of the last {@link #prepare}. */
  FixedMultinomial multinomial(int s) {
    return multinomials[s];
  }

  /** Clears every row. */
  void clear() {
    java.util.Arrays.fill(count, 0);
  }

  /** Clears the rows of the compartments whose stock is positive, or every row when null. */
  void clear(int[] stocks) {
    if (stocks == null) {
      clear();
      return;
    }
    for (int s = 0; s < count.length; s++) {
      if (stocks[s] > 0) {
        count[s] = 0;
      }
    }
  }

  /** Appends a target with a probability (clamped into [0, 1]) to row s. */
  void add(int s, int target, double p) {
    int k = count[s]++;
    if (k == targets[s].length) {
      grow(s);
    }
    targets[s][k] = target;
    probabilities[s][k] = p < 0 ? 0 : (p > 1 ? 1 : p);
  }

  /**
   * Appends a target with a competing monthly hazard to row s; see {@link #hazardsToProbabilities}.
   */
  void addHazard(int s, int target, double hazard) {
    int k = count[s]++;
    if (k == targets[s].length) {
      grow(s);
    }
    targets[s][k] = target;
    probabilities[s][k] = Math.max(0.0, hazard);
  }

  /**
   * Doubles row s's room. Only while the row is being filled, before its {@link #prepare} (whose
   * multinomial reads the row's probability array, so it must be set again after a growth).
   */
  private void grow(int s) {
    int room = Math.max(1, 2 * targets[s].length);
    targets[s] = java.util.Arrays.copyOf(targets[s], room);
    probabilities[s] = java.util.Arrays.copyOf(probabilities[s], room);
  }

  /**
   * Turns the competing hazards of row s into monthly probabilities: with H their sum, target j
   * gets (1 - exp(-H)) h_j / H.
   */
  void hazardsToProbabilities(int s) {
    double[] p = probabilities[s];
    int k = count[s];
    double total = 0;
    for (int j = 0; j < k; j++) {
      total += p[j];
    }
    if (total <= 0) {
      java.util.Arrays.fill(p, 0, k, 0.0);
      return;
    }
    double leave = leaving == null ? -Math.expm1(-total) : leaving.apply(total);
    for (int j = 0; j < k; j++) {
      p[j] = leave * p[j] / total;
    }
  }
}
