package org.dispersal.output.forecast;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.dispersal.engine.Compartment;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Scope;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.State;
import org.dispersal.output.text.Csv;

/**
 * Writes {@code summary.csv}: the ensemble statistics in tidy long format, one row per month,
 * scope, demographic, state and destination.
 *
 * <p>Columns: {@code
 * month,date,scope,scope_id,demographic,state,destination,mean,p05,p25,p50,p75,p95}. {@code
 * destination} is empty on a state's total row; states split by destination also get one row per
 * destination. At world scope every state has a row every month; elsewhere rows that are zero in
 * every replication are left out (their value is 0).
 */
public final class SummaryCsv {

  /** The header line, a contract that other tools read. */
  public static final String HEADER =
      "month,date,scope,scope_id,demographic,state,destination,mean,p05,p25,p50,p75,p95";

  private SummaryCsv() {}

  /** Writes the file. */
  public static void write(EnsembleSummary summary, YearMonth start, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(summary, start, w);
    }
  }

  /** Writes the rows to a writer. */
  public static void write(EnsembleSummary summary, YearMonth start, Writer w) throws IOException {
    w.write(HEADER);
    w.write('\n');
    List<Scope> scopes = summary.scopes();
    int months = summary.model().scenario().months();
    StringBuilder line = new StringBuilder(128);
    for (int month = 0; month <= months; month++) {
      String date = start.plusMonths(month).toString();
      for (int s = 0; s < scopes.size(); s++) {
        Scope scope = scopes.get(s);
        for (int demo = 0; demo < 4; demo++) {
          for (State state : State.values()) {
            int totalKey = totalKey(summary, state);
            boolean world = s == 0;
            if (world || summary.isPresent(month, s, demo, totalKey)) {
              row(line, w, summary, month, date, s, scope, demo, state, "", totalKey);
            }
            if (!state.hasDestinations()) {
              continue;
            }
            for (int key = 0; key < summary.keyCount(); key++) {
              if (summary.isStateTotal(key)) {
                continue;
              }
              Compartment c = summary.keyCompartment(key);
              if (c.state() == state && summary.isPresent(month, s, demo, key)) {
                row(line, w, summary, month, date, s, scope, demo, state, c.destination(), key);
              }
            }
          }
        }
      }
    }
  }

  private static int totalKey(EnsembleSummary summary, State state) {
    if (state.hasDestinations()) {
      return summary.stateKey(state);
    }
    return summary.model().compartments().indexOf(new Compartment(state, ""));
  }

  private static void row(
      StringBuilder line,
      Writer w,
      EnsembleSummary summary,
      int month,
      String date,
      int scopeIndex,
      Scope scope,
      int demo,
      State state,
      String destination,
      int key)
      throws IOException {
    Statistic st = summary.statistic(month, scopeIndex, demo, key);
    line.setLength(0);
    line.append(month).append(',').append(date).append(',').append(scope.kind()).append(',');
    line.append(Csv.field(scope.id())).append(',').append(EnsembleSummary.demographicLabel(demo));
    line.append(',').append(state.id()).append(',').append(Csv.field(destination)).append(',');
    line.append(String.format(Locale.ROOT, "%.2f", st.mean())).append(',');
    line.append(st.p05()).append(',').append(st.p25()).append(',').append(st.p50()).append(',');
    line.append(st.p75()).append(',').append(st.p95()).append('\n');
    w.write(line.toString());
  }
}
