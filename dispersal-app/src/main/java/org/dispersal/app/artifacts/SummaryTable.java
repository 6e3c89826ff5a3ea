package org.dispersal.app.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.output.forecast.SummaryCsv;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.SummaryRow;

/**
 * An ensemble's summary as the table a run leaves: written to a folder as {@code summary.csv}, and
 * given to the store as its rows directly, with the values the file shows (the mean to two
 * decimals), so the store exports the same file back.
 *
 * @param summary the ensemble summary
 * @param start the scenario's first month
 * @param replicationValues makes the per-replication values a paired comparison reads (see {@link
 *     #values()}), or null for a run that kept none
 */
public record SummaryTable(
    EnsembleSummary summary, YearMonth start, Supplier<ReplicationValues> replicationValues) {

  /** A table without per-replication values. */
  public SummaryTable(EnsembleSummary summary, YearMonth start) {
    this(summary, start, null);
  }

  /**
   * The forecast's per-replication values for the store (issue #17: paired comparisons), made when
   * asked; null when the run kept none.
   */
  public ReplicationValues values() {
    return replicationValues == null ? null : replicationValues.get();
  }

  /** The file name. */
  public static final String FILE = "summary.csv";

  /** Writes {@code summary.csv} into a folder. */
  public void write(Path folder) throws IOException {
    SummaryCsv.write(summary, start, folder.resolve(FILE));
  }

  /** The rows of {@code summary.csv}, in its order, as the store keeps them. */
  public List<SummaryRow> rows() {
    List<SummaryRow> rows = new ArrayList<>();
    try {
      SummaryCsv.forEachRow(
          summary,
          start,
          (month, date, scope, demographic, state, destination, st) ->
              rows.add(
                  new SummaryRow(
                      month,
                      date,
                      scope.kind(),
                      scope.id(),
                      demographic,
                      state,
                      destination,
                      // The stored mean is the file's, so an export gives the file back.
                      Double.parseDouble(SummaryCsv.mean(st.mean())),
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
}
