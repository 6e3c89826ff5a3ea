package org.dispersal.app.artifacts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Workers;
import org.dispersal.output.forecast.SummaryCsv;
import org.dispersal.store.RenderedSummaryRows;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.SummaryRow;

/**
 * An ensemble's summary as the table a run leaves: written to a folder as {@code summary.csv}, and
 * given to the store as its rows directly, with the values the file shows (the mean to two
 * decimals), so the store exports the same file back.
 *
 * <p>A run that goes both to a file and to the store is rendered once ({@link #renderOnce}): one
 * pass over the summary makes the file's bytes and the rows together, and both are kept, so the
 * quantiles of some 175,000 cells are not computed twice (docs/PERFORMANCE.md, "Session 9"). A run
 * that only writes the file streams it and keeps nothing.
 */
public final class SummaryTable {

  /** The file name. */
  public static final String FILE = "summary.csv";

  private final EnsembleSummary summary;
  private final YearMonth start;
  private final Supplier<ReplicationValues> replicationValues;

  /**
   * The store's rows with the file's bytes (the header, then each month's rows, kept in parts:
   * joining them would copy the whole file once more), made in one pass; null until rendered.
   */
  private volatile RenderedSummaryRows rendered;

  /**
   * @param summary the ensemble summary
   * @param start the scenario's first month
   * @param replicationValues makes the per-replication values a paired comparison reads (see {@link
   *     #values()}), or null for a run that kept none
   */
  public SummaryTable(
      EnsembleSummary summary, YearMonth start, Supplier<ReplicationValues> replicationValues) {
    this.summary = summary;
    this.start = start;
    this.replicationValues = replicationValues;
  }

  /** A table without per-replication values. */
  public SummaryTable(EnsembleSummary summary, YearMonth start) {
    this(summary, start, null);
  }

  /** The ensemble summary. */
  public EnsembleSummary summary() {
    return summary;
  }

  /** The scenario's first month. */
  public YearMonth start() {
    return start;
  }

  /**
   * The forecast's per-replication values for the store (issue #17: paired comparisons), made when
   * asked; null when the run kept none.
   */
  public ReplicationValues values() {
    return replicationValues == null ? null : replicationValues.get();
  }

  /**
   * Makes the file's bytes and the rows in one pass and keeps them, for a run that is written and
   * stored; later calls do nothing. {@link #write} and {@link #rows} then give what was kept.
   */
  public void renderOnce() {
    if (rendered != null) {
      return;
    }
    synchronized (this) {
      if (rendered != null) {
        return;
      }
      // Months are independent: each is rendered on its own (file bytes and rows) on as many
      // threads as the machine has, into its own slot, and the slots are joined in month order,
      // so the bytes do not depend on the threads.
      int months = summary.model().scenario().months();
      byte[][] fileParts = new byte[months + 1][];
      List<List<SummaryRow>> rowParts = new ArrayList<>(Collections.nCopies(months + 1, null));
      Workers.run(
          "dispersal-render",
          "summary rendering",
          months + 1,
          Runtime.getRuntime().availableProcessors(),
          () -> null,
          (none, month) -> {
            TextWriter part = new TextWriter();
            List<SummaryRow> partRows = new ArrayList<>();
            try (Writer w = part) {
              SummaryCsv.writeMonths(
                  summary,
                  start,
                  month,
                  month,
                  w,
                  (m, date, scope, demographic, state, destination, st, mean) ->
                      partRows.add(
                          row(
                              m,
                              date,
                              scope.kind(),
                              scope.id(),
                              demographic,
                              state,
                              destination,
                              mean,
                              st.p05(),
                              st.p25(),
                              st.p50(),
                              st.p75(),
                              st.p95())));
            } catch (IOException e) {
              throw new UncheckedIOException("writing to memory does no I/O", e);
            }
            fileParts[month] = part.text.toString().getBytes(StandardCharsets.UTF_8);
            rowParts.set(month, partRows);
          });
      byte[][] file = new byte[months + 2][];
      file[0] = (SummaryCsv.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
      List<SummaryRow> rows = new ArrayList<>();
      for (int m = 0; m <= months; m++) {
        file[m + 1] = fileParts[m];
        rows.addAll(rowParts.get(m));
      }
      rendered = new RenderedSummaryRows(rows, file);
    }
  }

  /**
   * A month's text, kept as characters and encoded at once when the month is done: an {@link
   * java.io.OutputStreamWriter} made a string and a buffer of each row to encode it (issue #19).
   * The same bytes, as both encode UTF-8 alike.
   */
  private static final class TextWriter extends Writer {
    private final StringBuilder text = new StringBuilder(1 << 18);

    @Override
    public void write(char[] chars, int off, int len) {
      text.append(chars, off, len);
    }

    @Override
    public void write(String s) {
      text.append(s);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public Writer append(CharSequence csq) {
      text.append(csq);
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Writes {@code summary.csv} into a folder. */
  public void write(Path folder) throws IOException {
    RenderedSummaryRows r = rendered;
    if (r != null) {
      try (OutputStream out = Files.newOutputStream(folder.resolve(FILE))) {
        r.writeFile(out);
      }
    } else {
      SummaryCsv.write(summary, start, folder.resolve(FILE));
    }
  }

  /**
   * The rows of {@code summary.csv}, in its order, as the store keeps them; once rendered, with the
   * file's bytes ({@link RenderedSummaryRows}), which the DuckDB store loads directly.
   */
  public List<SummaryRow> rows() {
    RenderedSummaryRows r = rendered;
    if (r != null) {
      return r;
    }
    List<SummaryRow> rows = new ArrayList<>();
    try {
      SummaryCsv.forEachRow(
          summary,
          start,
          (month, date, scope, demographic, state, destination, st) ->
              rows.add(
                  row(
                      month,
                      date,
                      scope.kind(),
                      scope.id(),
                      demographic,
                      state,
                      destination,
                      SummaryCsv.mean(st.mean()),
                      st.p05(),
                      st.p25(),
                      st.p50(),
                      st.p75(),
                      st.p95())));
    } catch (IOException e) {
      throw new UncheckedIOException("collecting rows in memory does no I/O", e);
    }
    return rows;
  }

  /**
   * A mean as {@link SummaryCsv#mean} wrote it, read back: {@link Double#parseDouble}'s value. The
   * usual form, digits and two decimals, is read with integers (hundredths below 10^15 and 100 are
   * exact doubles, so their quotient is the double nearest the decimal, as parseDouble's is).
   */
  static double meanValue(String mean) {
    int n = mean.length();
    if (n < 4 || n > 16 || mean.charAt(n - 3) != '.') {
      return Double.parseDouble(mean);
    }
    long hundredths = 0;
    for (int i = 0; i < n; i++) {
      if (i != n - 3) {
        char c = mean.charAt(i);
        if (c < '0' || c > '9') {
          return Double.parseDouble(mean);
        }
        hundredths = hundredths * 10 + (c - '0');
      }
    }
    return hundredths / 100.0;
  }

  private static SummaryRow row(
      int month,
      String date,
      String scope,
      String scopeId,
      String demographic,
      String state,
      String destination,
      String mean,
      long p05,
      long p25,
      long p50,
      long p75,
      long p95) {
    // The stored mean is the file's, so an export gives the file back.
    return new SummaryRow(
        month,
        date,
        scope,
        scopeId,
        demographic,
        state,
        destination,
        meanValue(mean),
        p05,
        p25,
        p50,
        p75,
        p95);
  }
}
