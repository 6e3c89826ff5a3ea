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
import org.dispersal.ensemble.CompositeState;
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
 *
 * <p>After the {@code returned} row of each month, scope and demographic come the rows of the
 * {@link CompositeState}s, which add up states within each replication: {@code returned_total}
 * (everyone back home, however their case ended: what the observation measure {@code returned}
 * counts), {@code returned_after_start} (those of them who came home after month 0) and {@code
 * born_in_territory} (children born in the territory since the start, non-zero for minors only).
 * Their {@code destination} is empty.
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
    StringBuilder line = new StringBuilder(128);
    forEachRow(
        summary,
        start,
        (month, date, scope, demographic, state, destination, st) -> {
          line.setLength(0);
          line.append(month).append(',').append(date).append(',').append(scope.kind());
          line.append(',').append(Csv.field(scope.id())).append(',').append(demographic);
          line.append(',').append(state).append(',').append(Csv.field(destination)).append(',');
          line.append(mean(st.mean())).append(',');
          line.append(st.p05()).append(',').append(st.p25()).append(',').append(st.p50());
          line.append(',').append(st.p75()).append(',').append(st.p95()).append('\n');
          w.write(line.toString());
        });
  }

  /** The mean as the file writes it: two decimals. */
  public static String mean(double mean) {
    return String.format(Locale.ROOT, "%.2f", mean);
  }

  /** Receives the rows of the file in order, without formatting them. */
  @FunctionalInterface
  public interface RowVisitor {
    /**
     * One row; {@code state} is a {@link State} or {@link CompositeState} id; {@code destination}
     * is empty on a state's total row.
     */
    void row(
        int month,
        String date,
        Scope scope,
        String demographic,
        String state,
        String destination,
        Statistic statistic)
        throws IOException;
  }

  /**
   * Visits the rows the file holds, in its order: for the run store, which keeps them as rows and
   * exports them back as this file.
   */
  public static void forEachRow(EnsembleSummary summary, YearMonth start, RowVisitor visitor)
      throws IOException {
    List<Scope> scopes = summary.scopes();
    int months = summary.model().scenario().months();
    for (int month = 0; month <= months; month++) {
      String date = start.plusMonths(month).toString();
      for (int s = 0; s < scopes.size(); s++) {
        Scope scope = scopes.get(s);
        for (int demo = 0; demo < 4; demo++) {
          String demographic = EnsembleSummary.demographicLabel(demo);
          for (State state : State.values()) {
            int totalKey = totalKey(summary, state);
            boolean world = s == 0;
            if (world || summary.isPresent(month, s, demo, totalKey)) {
              visitor.row(
                  month,
                  date,
                  scope,
                  demographic,
                  state.id(),
                  "",
                  summary.statistic(month, s, demo, totalKey));
            }
            if (state == State.RETURNED) {
              for (CompositeState composite : CompositeState.values()) {
                int key = summary.compositeKey(composite);
                if (world || summary.isPresent(month, s, demo, key)) {
                  visitor.row(
                      month,
                      date,
                      scope,
                      demographic,
                      composite.id(),
                      "",
                      summary.statistic(month, s, demo, key));
                }
              }
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
                visitor.row(
                    month,
                    date,
                    scope,
                    demographic,
                    state.id(),
                    c.destination(),
                    summary.statistic(month, s, demo, key));
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
}
