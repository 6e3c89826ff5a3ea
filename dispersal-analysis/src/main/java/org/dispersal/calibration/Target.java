package org.dispersal.calibration;

import java.util.Arrays;
import org.dispersal.engine.MonthObserver;
import org.dispersal.scoring.ObservedRange;

/**
 * One observed figure laid out on a compiled model: the month it describes and, for every cohort,
 * the local compartments whose people it counts.
 *
 * @param label a short description for reports
 * @param month the month after the start that the figure describes
 * @param cells cells[cohort] lists the local compartment indices to add up (empty when the cohort
 *     is outside the figure's scope or demographic)
 * @param observed the observed range
 * @param measure what the figure counts
 */
public record Target(
    String label, int month, int[][] cells, ObservedRange observed, ObservedMeasure measure) {
  /** Copies the arrays, so the value cannot change after it is made. */
  public Target {
    cells = Arrays.stream(cells).map(int[]::clone).toArray(int[][]::new);
  }

  /**
   * The target counting only the compartments in one state (for a sensitivity output on a model
   * state rather than an observation measure); itself when {@code state} is null.
   */
  public Target narrowed(
      org.dispersal.model.State state, org.dispersal.engine.CompiledModel model) {
    if (state == null) {
      return this;
    }
    int[][] out = new int[cells.length][];
    for (org.dispersal.engine.Cohort c : model.cohorts()) {
      int[] global = c.compartments();
      out[c.index()] =
          Arrays.stream(cells[c.index()])
              .filter(j -> model.compartments().get(global[j]).state() == state)
              .toArray();
    }
    return new Target(label + " (" + state.id() + ")", month, out, observed, measure);
  }

  /** cells[cohort], the local compartments added up (a copy). */
  @Override
  public int[][] cells() {
    return Arrays.stream(cells).map(int[]::clone).toArray(int[][]::new);
  }

  /** The figure's value in one month's stocks. */
  public double value(int[][] stocks) {
    long sum = 0;
    for (int c = 0; c < cells.length; c++) {
      int[] local = cells[c];
      if (local.length == 0) {
        continue;
      }
      int[] s = stocks[c];
      for (int j : local) {
        sum += s[j];
      }
    }
    return sum;
  }

  /**
   * An observer that records the value of each target, and optionally its month-0 value, for one
   * replication.
   */
  public static final class Recorder implements MonthObserver {
    private final Target[] targets;
    private final double[] values;
    private final double[] start;

    /** Records the given targets. */
    public Recorder(java.util.List<Target> targets) {
      this.targets = targets.toArray(new Target[0]);
      this.values = new double[this.targets.length];
      this.start = new double[this.targets.length];
    }

    @Override
    public void observe(int month, int[][] stocks) {
      for (int i = 0; i < targets.length; i++) {
        if (month == 0) {
          start[i] = targets[i].value(stocks);
        }
        if (targets[i].month() == month) {
          values[i] = month == 0 ? start[i] : targets[i].value(stocks);
        }
      }
    }

    /** The values at each target's month (the array is reused; copy it). */
    public double[] values() {
      return values;
    }

    /** The values at month 0 (the array is reused; copy it). */
    public double[] startValues() {
      return start;
    }
  }
}
