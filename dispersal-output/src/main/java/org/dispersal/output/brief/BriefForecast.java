package org.dispersal.output.brief;

import java.util.EnumMap;
import java.util.Map;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.State;

/**
 * The forecast a brief speaks for: the world totals of every state for all people, month by month
 * (the {@code world,,all} rows of {@code summary.csv}), and where they come from.
 *
 * <p>Only the mean and the 5th, 25th, 50th, 75th and 95th percentiles are kept, because that is all
 * a stored run keeps: a brief of a stored run and a brief of the same forecast run now read the
 * same numbers and so say the same thing.
 *
 * @param origin where the numbers come from, for the reader (for example "stored run 12")
 * @param replications the replications summarised
 * @param seed the master seed
 * @param world each state's statistics by month, from month 0 to the horizon
 */
public record BriefForecast(
    String origin, long replications, long seed, Map<State, Statistic[]> world) {

  /** Checks that every state has a series and that all series have the same length. */
  public BriefForecast {
    if (origin == null || origin.isBlank()) {
      throw new IllegalArgumentException("a brief's forecast needs an origin");
    }
    world = new EnumMap<>(world);
    int months = -1;
    for (State s : State.values()) {
      Statistic[] series = world.get(s);
      if (series == null || series.length == 0) {
        throw new IllegalArgumentException("no world series of state " + s.id());
      }
      if (months >= 0 && series.length != months) {
        throw new IllegalArgumentException("the world series differ in length at " + s.id());
      }
      months = series.length;
      world.put(s, series.clone());
    }
  }

  /** The world series of an ensemble summary, run in this process. */
  public static BriefForecast of(String origin, EnsembleSummary summary, long seed) {
    int months = summary.model().scenario().months();
    Map<State, Statistic[]> world = new EnumMap<>(State.class);
    for (State s : State.values()) {
      Statistic[] series = new Statistic[months + 1];
      for (int m = 0; m <= months; m++) {
        series[m] = summary.statistic(m, 0, 0, s);
      }
      world.put(s, series);
    }
    return new BriefForecast(origin, summary.replications(), seed, world);
  }

  /** Each state's series by month (a read-only view). */
  @Override
  public Map<State, Statistic[]> world() {
    return java.util.Collections.unmodifiableMap(world);
  }

  /** The last month. */
  public int horizon() {
    return world.get(State.KILLED).length - 1;
  }

  /** A state's world statistic at a month. */
  public Statistic at(int month, State state) {
    return world.get(state)[month];
  }

  /** A state's series (a copy). */
  public Statistic[] series(State state) {
    return world.get(state).clone();
  }

  /** The mean number of people counted at the start, over all states. */
  public double people() {
    double sum = 0;
    for (State s : State.values()) {
      sum += at(0, s).mean();
    }
    return sum;
  }
}
