package org.dispersal.output.forecast;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
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

  /** Means below this are formatted with integers when they are a whole number of thousandths. */
  private static final double FAST_MEAN_LIMIT = 0x1p33;

  private SummaryCsv() {}

  /** Writes the file. */
  public static void write(EnsembleSummary summary, YearMonth start, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(summary, start, w);
    }
  }

  /** Writes the rows to a writer. */
  public static void write(EnsembleSummary summary, YearMonth start, Writer w) throws IOException {
    write(summary, start, w, null);
  }

  /**
   * Writes the rows to a writer and shows each row, with its mean as written, to {@code also} (may
   * be null): a run kept in the store gets its rows in the same pass as its file.
   */
  public static void write(
      EnsembleSummary summary, YearMonth start, Writer w, WrittenRowVisitor also)
      throws IOException {
    w.write(HEADER);
    w.write('\n');
    writeMonths(summary, start, 0, summary.model().scenario().months(), w, also);
  }

  /**
   * Writes the rows of months {@code from} to {@code to} (inclusive), without the header, as {@link
   * #write(EnsembleSummary, YearMonth, Writer, WrittenRowVisitor)} writes them: the file is the
   * header followed by every month's rows in order, so months can be written apart (on several
   * threads) and joined.
   */
  public static void writeMonths(
      EnsembleSummary summary, YearMonth start, int from, int to, Writer w, WrittenRowVisitor also)
      throws IOException {
    StringBuilder line = new StringBuilder(128);
    forEachRow(
        summary,
        start,
        from,
        to,
        (month, date, scope, demographic, state, destination, st) -> {
          String mean = mean(st.mean());
          line.setLength(0);
          line.append(month).append(',').append(date).append(',').append(scope.kind());
          line.append(',').append(Csv.field(scope.id())).append(',').append(demographic);
          line.append(',').append(state).append(',').append(Csv.field(destination)).append(',');
          line.append(mean).append(',');
          line.append(st.p05()).append(',').append(st.p25()).append(',').append(st.p50());
          line.append(',').append(st.p75()).append(',').append(st.p95()).append('\n');
          w.append(line);
          if (also != null) {
            also.row(month, date, scope, demographic, state, destination, st, mean);
          }
        });
  }

  /** A row as {@link #write(EnsembleSummary, YearMonth, Writer, WrittenRowVisitor)} wrote it. */
  @FunctionalInterface
  public interface WrittenRowVisitor {
    /** One row, as {@link RowVisitor#row}, and its mean as the file shows it. */
    void row(
        int month,
        String date,
        Scope scope,
        String demographic,
        String state,
        String destination,
        Statistic statistic,
        String mean)
        throws IOException;
  }

  /**
   * The mean as the file writes it: two decimals, exactly as {@code String.format(Locale.ROOT,
   * "%.2f", mean)} writes them (the shortest decimal form of the double, rounded half up), without
   * the formatter's cost: the file has some 200,000 rows and the formatter was a third of a small
   * forecast's time (docs/PERFORMANCE.md). Zero, negative and non-finite values (never a mean of
   * counts) go through the formatter. {@code SummaryCsvMeanTest} checks the two agree.
   */
  public static String mean(double mean) {
    if (!Double.isFinite(mean) || mean <= 0) {
      return String.format(Locale.ROOT, "%.2f", mean);
    }
    // A mean over 1,000 replications (or any count dividing a power of ten up to 1,000) is the
    // double nearest some k / 1000: below 2^33 no other decimal of three places is that close, so
    // its shortest decimal form is k / 1000 and it rounds half up to (k + 5) / 10 hundredths,
    // formatted here with integers, without a BigDecimal per row (issue #19).
    if (mean < FAST_MEAN_LIMIT) {
      long thousandths = Math.round(mean * 1000);
      if (thousandths / 1000.0 == mean) {
        long hundredths = (thousandths + 5) / 10;
        long cents = hundredths % 100;
        return new StringBuilder(16)
            .append(hundredths / 100)
            .append(cents < 10 ? ".0" : ".")
            .append(cents)
            .toString();
      }
    }
    return new BigDecimal(Double.toString(mean)).setScale(2, RoundingMode.HALF_UP).toPlainString();
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
    forEachRow(summary, start, 0, summary.model().scenario().months(), visitor);
  }

  /** Visits the rows of months {@code from} to {@code to} (inclusive), in the file's order. */
  public static void forEachRow(
      EnsembleSummary summary, YearMonth start, int from, int to, RowVisitor visitor)
      throws IOException {
    List<Scope> scopes = summary.scopes();
    State[] states = State.values();
    // Ids worked out once, not per row (an enum's id is its lower-cased name, made on each call).
    String[] stateIds = new String[states.length];
    for (State state : states) {
      stateIds[state.ordinal()] = state.id();
    }
    // Keys looked up once, not per row: each state's total key and its destinations' keys.
    int[] totalKeys = new int[states.length];
    int[][] destinationKeys = new int[states.length][];
    String[][] destinations = new String[states.length][];
    for (State state : states) {
      totalKeys[state.ordinal()] = totalKey(summary, state);
      List<Integer> keys = new ArrayList<>();
      for (int key = 0; key < summary.keyCount(); key++) {
        if (!summary.isStateTotal(key) && summary.keyCompartment(key).state() == state) {
          keys.add(key);
        }
      }
      destinationKeys[state.ordinal()] = keys.stream().mapToInt(Integer::intValue).toArray();
      destinations[state.ordinal()] =
          keys.stream().map(k -> summary.keyCompartment(k).destination()).toArray(String[]::new);
    }
    CompositeState[] composites = CompositeState.values();
    int[] compositeKeys = new int[composites.length];
    String[] compositeIds = new String[composites.length];
    for (CompositeState composite : composites) {
      compositeKeys[composite.ordinal()] = summary.compositeKey(composite);
      compositeIds[composite.ordinal()] = composite.id();
    }
    for (int month = from; month <= to; month++) {
      String date = start.plusMonths(month).toString();
      for (int s = 0; s < scopes.size(); s++) {
        Scope scope = scopes.get(s);
        for (int demo = 0; demo < 4; demo++) {
          String demographic = EnsembleSummary.demographicLabel(demo);
          for (State state : states) {
            int totalKey = totalKeys[state.ordinal()];
            boolean world = s == 0;
            if (world || summary.isPresent(month, s, demo, totalKey)) {
              visitor.row(
                  month,
                  date,
                  scope,
                  demographic,
                  stateIds[state.ordinal()],
                  "",
                  summary.statistic(month, s, demo, totalKey));
            }
            if (state == State.RETURNED) {
              for (CompositeState composite : composites) {
                int key = compositeKeys[composite.ordinal()];
                if (world || summary.isPresent(month, s, demo, key)) {
                  visitor.row(
                      month,
                      date,
                      scope,
                      demographic,
                      compositeIds[composite.ordinal()],
                      "",
                      summary.statistic(month, s, demo, key));
                }
              }
            }
            if (!state.hasDestinations()) {
              continue;
            }
            int[] keys = destinationKeys[state.ordinal()];
            String[] names = destinations[state.ordinal()];
            for (int k = 0; k < keys.length; k++) {
              if (summary.isPresent(month, s, demo, keys[k])) {
                visitor.row(
                    month,
                    date,
                    scope,
                    demographic,
                    stateIds[state.ordinal()],
                    names[k],
                    summary.statistic(month, s, demo, keys[k]));
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
