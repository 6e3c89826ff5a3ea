package org.dispersal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.dispersal.ensemble.CompositeState;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.State;

/**
 * Prints the headline table of a forecast on the terminal: world totals at +6, +12, +24, +36, then
 * everyone back home split into those home before the start and those who came home after it.
 */
final class Headline {

  private static final List<State> ROWS = State.HEADLINE;

  private Headline() {}

  static void print(PrintWriter o, EnsembleSummary summary) {
    int horizon = summary.model().scenario().months();
    int[] at = {6, 12, 24, 36};
    StringBuilder head =
        new StringBuilder(String.format(Locale.ROOT, "%-42s", "World, median [90% interval]"));
    for (int m : at) {
      if (m <= horizon) {
        head.append(String.format(Locale.ROOT, "%24s", "+" + m + " months"));
      }
    }
    o.println(head);
    for (State s : ROWS) {
      String label =
          (s.pathway() > 0 && s != State.ARRESTED && s != State.ATTACK ? s.pathway() + " " : "  ")
              + s.label();
      o.println(row(at, horizon, label, m -> summary.statistic(m, 0, 0, s)));
    }
    // Issue #16, finding 1: "returned" above is only those not yet assessed; everyone back home
    // is split into those home before the start (month 0) and those who came home after it.
    o.println(
        row(
            at,
            horizon,
            "  Back home, however their case ended",
            m -> summary.statistic(m, 0, 0, CompositeState.RETURNED_TOTAL)));
    Statistic before = summary.statistic(0, 0, 0, CompositeState.RETURNED_TOTAL);
    o.println(row(at, horizon, "    of whom home before the start", m -> before));
    o.println(
        row(
            at,
            horizon,
            "    of whom came home after the start",
            m -> summary.statistic(m, 0, 0, CompositeState.RETURNED_AFTER_START)));
  }

  private static String row(int[] at, int horizon, String label, IntFunction<Statistic> stat) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-42.42s", label));
    for (int m : at) {
      if (m <= horizon) {
        Statistic st = stat.apply(m);
        line.append(
            String.format(
                Locale.ROOT,
                "%24s",
                String.format(Locale.ROOT, "%,d [%,d-%,d]", st.p50(), st.p05(), st.p95())));
      }
    }
    return line.toString();
  }
}
