package org.dispersal.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A time-homogeneous Markov chain over named states: everyone starts in a known state and each
 * month moves from state i to state j with probability P[i][j]. This is the reference benchmark
 * model (docs/PERFORMANCE.md) that every agent-based toolkit can express; as one cohort with one
 * local compartment per state it runs on both engines.
 *
 * <p>There is nothing uncertain besides the dynamics: every replication starts from the same counts
 * with the same matrix.
 *
 * @param name the model's name, for example {@code reference-7node}
 * @param description what the model is for
 * @param states state names, in matrix order
 * @param initial how many people start in each state
 * @param matrix the monthly transition matrix; rows are non-negative and sum to 1 (within 1e-9)
 * @param months the number of monthly steps
 */
public record MarkovModel(
    String name,
    String description,
    List<String> states,
    int[] initial,
    double[][] matrix,
    int months)
    implements SimulationModel {

  private static final double TOLERANCE = 1e-9;

  /** Validates the shapes, the probabilities and the counts; copies the arrays. */
  public MarkovModel {
    states = List.copyOf(states);
    int n = states.size();
    if (n < 1 || n > Short.MAX_VALUE) {
      throw new IllegalArgumentException("a Markov model needs 1 to 32767 states, not " + n);
    }
    if (initial.length != n || matrix.length != n) {
      throw new IllegalArgumentException(
          "initial counts and matrix rows must number " + n + " (one per state)");
    }
    initial = initial.clone();
    long total = 0;
    for (int i = 0; i < n; i++) {
      if (initial[i] < 0) {
        throw new IllegalArgumentException("initial count of " + states.get(i) + " is negative");
      }
      total += initial[i];
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("more than 2^31 - 1 people in all: " + total);
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new IllegalArgumentException("row " + states.get(i) + " must have " + n + " entries");
      }
      double sum = 0;
      for (double p : matrix[i]) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("row " + states.get(i) + " has a probability " + p);
        }
        sum += p;
      }
      if (Math.abs(sum - 1) > TOLERANCE) {
        throw new IllegalArgumentException("row " + states.get(i) + " sums to " + sum + ", not 1");
      }
      copy[i] = matrix[i].clone();
    }
    matrix = copy;
    if (months < 1) {
      throw new IllegalArgumentException("months must be at least 1");
    }
  }

  /** The total number of people. */
  public int population() {
    return Arrays.stream(initial).sum();
  }

  /**
   * The same model with {@code n} people, spread over the states in proportion to the initial
   * counts (largest remainders), for scaling studies.
   */
  public MarkovModel withPopulation(int n) {
    long total = population();
    if (n < 0 || total == 0) {
      throw new IllegalArgumentException("cannot scale " + total + " people to " + n);
    }
    int[] scaled = new int[initial.length];
    int given = 0;
    for (int i = 0; i < initial.length; i++) {
      scaled[i] = (int) ((long) initial[i] * n / total);
      given += scaled[i];
    }
    for (int i = 0; given < n; i = (i + 1) % initial.length) {
      if (initial[i] > 0) {
        scaled[i]++;
        given++;
      }
    }
    return new MarkovModel(name, description, states, scaled, matrix, months);
  }

  /** The same model with another horizon. */
  public MarkovModel withMonths(int newMonths) {
    return new MarkovModel(name, description, states, initial, matrix, newMonths);
  }

  /** The expected count in each state after {@code t} months: initial · P^t. */
  public double[] expected(int t) {
    int n = states.size();
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = initial[i];
    }
    for (int m = 0; m < t; m++) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          y[j] += x[i] * matrix[i][j];
        }
      }
      x = y;
    }
    return x;
  }

  /** The index of a state by name, or -1. */
  public int stateIndex(String state) {
    return states.indexOf(state);
  }

  @Override
  public int cohortCount() {
    return 1;
  }

  @Override
  public int compartmentCount(int cohort) {
    return states.size();
  }

  /** Every replication has the same inputs; the seed only drives the dynamics. */
  @Override
  public Replication replication(long seed, long replication) {
    return new Replication() {
      @Override
      public void initialStocks(int[][] stocks) {
        System.arraycopy(initial, 0, stocks[0], 0, initial.length);
      }

      @Override
      public boolean sameRows(int month) {
        return month > 0;
      }

      @Override
      public void fill(int cohort, int month, TransitionRows rows, int[] stocks) {
        rows.clear();
        for (int i = 0; i < matrix.length; i++) {
          if (stocks != null && stocks[i] == 0) {
            continue;
          }
          for (int j = 0; j < matrix.length; j++) {
            if (j != i && matrix[i][j] > 0) {
              rows.add(i, j, matrix[i][j]);
            }
          }
        }
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MarkovModel m
        && name.equals(m.name)
        && description.equals(m.description)
        && states.equals(m.states)
        && Arrays.equals(initial, m.initial)
        && Arrays.deepEquals(matrix, m.matrix)
        && months == m.months;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(initial) + Arrays.deepHashCode(matrix) + states.hashCode();
  }

  @Override
  public String toString() {
    return "MarkovModel[" + name + ", " + states.size() + " states, " + population() + " people]";
  }

  /** The initial counts (a copy). */
  @Override
  public int[] initial() {
    return initial.clone();
  }

  /** The transition matrix (a copy). */
  @Override
  public double[][] matrix() {
    double[][] out = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      out[i] = matrix[i].clone();
    }
    return out;
  }
}
