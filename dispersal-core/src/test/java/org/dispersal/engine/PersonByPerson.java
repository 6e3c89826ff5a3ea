package org.dispersal.engine;

import java.util.SplittableRandom;

/**
 * An independent reference for the engine contract: every person, every month, draws one uniform
 * from {@link SplittableRandom} and walks the month's row (inverse CDF); each possible mother draws
 * one more uniform for a birth, and the children join their cohort at the end of the month. Slow
 * and obviously correct; it shares only the model statement (initial stocks and monthly rows) with
 * the engines, none of their sampling code or streams.
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
      int[][] born = new int[cohorts][];
      for (int c = 0; c < cohorts; c++) {
        born[c] = new int[stocks[c].length];
      }
      for (int c = 0; c < cohorts; c++) {
        int child = model.birthCohort(c);
        for (int local = 0; local < stocks[c].length && child >= 0; local++) {
          double p = rep.birthProbability(c, t, local);
          for (int person = 0; person < stocks[c][local]; person++) {
            if (r.nextDouble() < p) {
              born[child][local]++;
            }
          }
        }
      }
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
      for (int c = 0; c < cohorts; c++) {
        for (int local = 0; local < born[c].length; local++) {
          stocks[c][local] += born[c][local];
        }
      }
    }
    return stocks;
  }
}
