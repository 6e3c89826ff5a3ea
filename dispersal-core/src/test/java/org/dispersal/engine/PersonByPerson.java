package org.dispersal.engine;

import java.util.SplittableRandom;

/**
 * An independent reference for the engine contract: every person, every month, draws one uniform
 * from {@link SplittableRandom} and walks the month's row (inverse CDF). Slow and obviously
 * correct; it shares only the model statement (initial stocks and monthly rows) with the engines,
 * none of their sampling code or streams.
 */
final class PersonByPerson {

  private PersonByPerson() {}

  /** The stocks[cohort][local] after the last month of replication {@code replication}. */
  static int[][] finalStocks(
      SimulationModel model, long seed, long replication, SplittableRandom r) {
    SimulationModel.Replication rep = model.replication(seed, replication);
    int cohorts = model.cohortCount();
    int[][] stocks = new int[cohorts][];
    for (int c = 0; c < cohorts; c++) {
      stocks[c] = new int[model.compartmentCount(c)];
    }
    rep.initialStocks(stocks);
    for (int t = 0; t < model.months(); t++) {
      for (int c = 0; c < cohorts; c++) {
        int[] s = stocks[c];
        TransitionRows rows = new TransitionRows(s.length);
        rep.fill(c, t, rows, null);
        int[] next = s.clone();
        for (int src = 0; src < s.length; src++) {
          for (int person = 0; person < s[src]; person++) {
            double u = r.nextDouble();
            double acc = 0;
            for (int j = 0; j < rows.count(src); j++) {
              acc += rows.probabilities(src)[j];
              if (u < acc) {
                next[src]--;
                next[rows.targets(src)[j]]++;
                break;
              }
            }
          }
        }
        stocks[c] = next;
      }
    }
    return stocks;
  }
}
