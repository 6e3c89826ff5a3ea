package org.dispersal.agent;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.dispersal.engine.MarkovModel;

/**
 * The floor of the reference benchmark (docs/PERFORMANCE.md): the plainest per-agent simulation of
 * a Markov model, against which the engines' rates are reported. A loop over an {@code int[]} of
 * places with one {@link SplittableRandom#nextDouble()} per agent-step and a walk along the
 * cumulative row.
 *
 * <p>It exists to be timed in the same process and run as the engines, which makes ratios to it
 * honest on a shared, noisy machine; its final counts also follow the model exactly, which the
 * tests check.
 */
public final class ReferenceFloor {

  private final double[][] cumulative;
  private final int months;
  private final int[] initial;

  /** Prepares the cumulative rows of a Markov model. */
  public ReferenceFloor(MarkovModel model) {
    double[][] p = model.matrix();
    int n = p.length;
    cumulative = new double[n][n];
    for (int i = 0; i < n; i++) {
      double acc = 0;
      int last = 0;
      for (int j = 0; j < n; j++) {
        acc += p[i][j];
        cumulative[i][j] = acc;
        if (p[i][j] > 0) {
          last = j;
        }
      }
      // Rounding must never let u walk past the last reachable state.
      Arrays.fill(cumulative[i], last, n, Double.POSITIVE_INFINITY);
    }
    months = model.months();
    initial = model.initial();
  }

  /** The places of a population of {@code agents} spread as the model's initial counts. */
  public int[] places(int agents) {
    long total = Arrays.stream(initial).asLongStream().sum();
    int[] places = new int[agents];
    int pos = 0;
    for (int s = 0; s < initial.length; s++) {
      int k = (int) ((long) initial[s] * agents / total);
      Arrays.fill(places, pos, Math.min(agents, pos + k), s);
      pos += k;
    }
    Arrays.fill(places, Math.min(pos, agents), agents, lastNonEmpty());
    return places;
  }

  private int lastNonEmpty() {
    int s = 0;
    for (int i = 0; i < initial.length; i++) {
      if (initial[i] > 0) {
        s = i;
      }
    }
    return s;
  }

  /**
   * Moves agents {@code [from, to)} through all months: one uniform per agent-step.
   *
   * @return a checksum of the final places (so the work cannot be optimised away)
   */
  public long run(int[] places, int from, int to, SplittableRandom rng) {
    double[][] cum = cumulative;
    for (int t = 0; t < months; t++) {
      for (int i = from; i < to; i++) {
        double u = rng.nextDouble();
        double[] row = cum[places[i]];
        int j = 0;
        while (u >= row[j]) {
          j++;
        }
        places[i] = j;
      }
    }
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += places[i];
    }
    return sum;
  }

  /** The number of months simulated. */
  public int months() {
    return months;
  }

  /** The final count in each state of a population run by {@link #run}. */
  public int[] counts(int[] places) {
    int[] out = new int[initial.length];
    for (int p : places) {
      out[p]++;
    }
    return out;
  }
}
