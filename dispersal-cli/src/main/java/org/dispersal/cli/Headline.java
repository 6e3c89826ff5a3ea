package org.dispersal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.State;

/** Prints the headline table of a forecast on the terminal: world totals at +6, +12, +24, +36. */
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
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-42.42s", label));
      for (int m : at) {
        if (m <= horizon) {
          Statistic st = summary.statistic(m, 0, 0, s);
          line.append(
              String.format(
                  Locale.ROOT,
                  "%24s",
                  String.format(Locale.ROOT, "%,d [%,d-%,d]", st.p50(), st.p05(), st.p95())));
        }
      }
      o.println(line);
    }
  }
}
