package org.dispersal.random;

import java.util.function.DoubleUnaryOperator;

/**
 * A small direct-mapped memo of a pure function of one double, for the engines' hot loops: {@link
 * #apply} returns exactly what the function returns (the same bits), computing it only when the
 * argument is not the one last stored in its slot. Cohorts that read the same parameters produce
 * the same transition probabilities, so the cohort engine asks for the same logarithms and
 * exponentials many times a month; this keeps one answer per argument instead.
 *
 * <p>Not thread-safe: one per engine (one engine serves one thread). Arguments are compared by
 * their bits ({@link Double#doubleToRawLongBits}), so -0.0 and 0.0, or two NaNs of different bits,
 * are different arguments and the answer is always the function's for exactly that argument.
 */
public final class DoubleMemo {

  private final DoubleUnaryOperator function;
  private final long[] keys;
  private final double[] values;
  private final int mask;
  private long hits;
  private long misses;

  /**
   * Creates a memo.
   *
   * @param function a pure function (same argument, same result, no side effects)
   * @param slots the number of slots, a power of two (a named parameter of the caller)
   */
  public DoubleMemo(DoubleUnaryOperator function, int slots) {
    if (slots < 1 || Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    this.function = function;
    keys = new long[slots];
    values = new double[slots];
    mask = slots - 1;
    // Every slot starts empty: marked with bits that apply() never stores, so the first lookup of
    // any argument misses.
    java.util.Arrays.fill(keys, EMPTY);
  }

  /** A NaN's bits that {@link #apply} never stores, so an empty slot never matches an argument. */
  private static final long EMPTY = 0x7ff8dead0000beefL;

  /**
   * The function's value at x, exactly (from the memo when x was the last argument in its slot).
   */
  public double apply(double x) {
    long bits = Double.doubleToRawLongBits(x);
    if (bits == EMPTY) {
      misses++;
      return function.applyAsDouble(x);
    }
    long h = bits * 0x9E3779B97F4A7C15L;
    int slot = (int) (h >>> 40) & mask;
    if (keys[slot] == bits) {
      hits++;
      return values[slot];
    }
    misses++;
    double value = function.applyAsDouble(x);
    keys[slot] = bits;
    values[slot] = value;
    return value;
  }

  /** How many calls were answered from the memo (for measurements). */
  public long hits() {
    return hits;
  }

  /** How many calls computed the function (for measurements). */
  public long misses() {
    return misses;
  }
}
