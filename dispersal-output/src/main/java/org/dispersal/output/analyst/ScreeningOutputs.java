package org.dispersal.output.analyst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dispersal.analyst.Interval;
import org.dispersal.analyst.NaturalFrequencies;
import org.dispersal.analyst.Screening;
import org.dispersal.analyst.TradeOffCurve;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.Page;

/**
 * Writes the returnee screening: {@code screening.csv} (one row per measure with mean, median and
 * 90% interval) and {@code screening.html} (numbers, natural frequencies, the trade-off chart and
 * the assumptions).
 */
public final class ScreeningOutputs {

  private ScreeningOutputs() {}

  /** The rows of the CSV and the terminal table: label and interval, shares flagged. */
  public record Row(String id, String label, Interval value, boolean share) {}

  /** The measures of a report in display order. */
  public static List<Row> rows(Screening.Report r) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("returnees", "Returnees screened", r.returnees(), false));
    rows.add(new Row("committed", "Dispatched or still committed", r.committed(), false));
    rows.add(new Row("base_rate", "Base rate", r.baseRate(), true));
    rows.add(new Row("flagged_committed", "Correctly flagged", r.flaggedCommitted(), false));
    rows.add(new Row("missed", "Missed", r.missed(), false));
    rows.add(new Row("wrongly_flagged", "Wrongly flagged", r.wronglyFlagged(), false));
    rows.add(new Row("ppv", "Positive predictive value", r.ppv(), true));
    return rows;
  }

  /** One sentence of natural frequencies. */
  public static String naturalSentence(NaturalFrequencies f) {
    return String.format(
        Locale.ROOT,
        "Of %,d returnees, %,d are committed; the tool flags %,d of them and misses %,d. Of the"
            + " %,d others, it wrongly flags %,d. Of the %,d flagged, %,d are committed.",
        f.of(),
        f.committed(),
        f.flaggedCommitted(),
        f.missed(),
        f.of() - f.committed(),
        f.wronglyFlagged(),
        f.flagged(),
        f.flaggedCommitted());
  }

  /** Writes screening.csv. */
  public static void writeCsv(Screening.Report r, Path file) throws IOException {
    StringBuilder out = new StringBuilder("country,month,window_months,sensitivity,specificity,");
    out.append("runs,measure,mean,p05,p50,p95\n");
    for (Row row : rows(r)) {
      Interval i = row.value();
      out.append(
          Numbers.csvLine(
              List.of(i),
              r.country(),
              Integer.toString(r.month()),
              Integer.toString(r.window()),
              Numbers.csv(r.test().sensitivity()),
              Numbers.csv(r.test().specificity()),
              Integer.toString(r.runs()),
              row.id()));
    }
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Writes screening.html and its sidecar screening.html.csp; returns the hashes in the sidecar.
   */
  public static InlineHashes writeHtml(
      Screening.Report r, String scenario, String countryName, YearMonth start, Path file)
      throws IOException {
    YearMonth when = start.plusMonths(r.month());
    String test =
        String.format(
            Locale.ROOT,
            "sensitivity %s, specificity %s",
            Numbers.csv(r.test().sensitivity()),
            Numbers.csv(r.test().specificity()));
    Page page =
        Pages.of(
            "Returnee screening · " + scenario,
            "Screening the returnees of " + countryName + ", " + when,
            "What a screening tool with "
                + test
                + " would flag and miss among the returnees the forecast expects at month "
                + r.month()
                + " ("
                + when
                + "), over "
                + r.runs()
                + " replications. Aggregate numbers only.");
    Interval ppv = r.ppv();
    page.raw(
        "<p class=\"summary\">The forecast puts the base rate at "
            + Numbers.pct(r.baseRate().mean())
            + " "
            + Numbers.interval90(Numbers.pct(r.baseRate().p05()), Numbers.pct(r.baseRate().p95()))
            + ". At that rate, about "
            + (ppv.defined() == 0 ? "n/a" : Numbers.pct(ppv.mean()))
            + " of the returnees the tool flags are committed; the rest are false alarms.</p>");
    page.h2("Expected numbers");
    StringBuilder t =
        new StringBuilder(
            "<div class=\"table-wrap\"><table><caption>Mean [90% interval] over replications."
                + "</caption><thead><tr><th>Measure</th><th class=\"num\">Value</th></tr></thead>"
                + "<tbody>");
    for (Row row : rows(r)) {
      t.append("<tr><th>")
          .append(Html.esc(row.label()))
          .append("</th>")
          .append(Numbers.cell(row.value(), row.share()))
          .append("</tr>");
    }
    page.raw(t.append("</tbody></table></div>").toString());
    page.h2("Natural frequencies");
    NaturalFrequencies f = r.natural();
    page.raw(
        "<div class=\"freq\">"
            + box(f.flaggedCommitted(), "committed and flagged")
            + box(f.missed(), "committed but missed")
            + box(f.wronglyFlagged(), "not committed but flagged (false alarms)")
            + box(f.cleared(), "not committed and cleared")
            + "</div>");
    page.para(null, naturalSentence(f));
    page.para(
        "note",
        "At the ensemble-mean base rate; the four numbers are rounded to whole people so that"
            + " they add up to "
            + String.format(Locale.ROOT, "%,d", f.of())
            + ".");
    page.h2("Misses and false alarms across thresholds");
    TradeOffCurve c = r.curve();
    int n = c.points().size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = c.points().get(i).falseAlarms();
      y[i] = c.points().get(i).misses();
    }
    TradeOffCurve.Point at = c.at(r.test().specificity());
    Chart chart =
        new Chart(
                "Misses against false alarms",
                "False alarms per " + String.format(Locale.ROOT, "%,d", c.of()) + " returnees",
                "Committed returnees missed per " + String.format(Locale.ROOT, "%,d", c.of()))
            .add(new Chart.Series("tool, all thresholds", "#1f4e79", x, y, null, null))
            .mark(
                new Chart.Mark(
                    at.falseAlarms(), at.misses(), "#b7791f", "stated threshold (" + test + ")"))
            .size(1000, 400);
    page.raw(chart.svg());
    page.para(
        "note",
        String.format(
            Locale.ROOT,
            "Moving the threshold down flags more people: misses fall and false alarms rise. With"
                + " the stated point the curve has d' = %.2f. Catching every committed returnee"
                + " costs false alarms among nearly all of the %,d others.",
            c.dPrime(),
            f.of() - f.committed()));
    page.h2("Definitions and assumptions");
    page.raw(
        "<p class=\"assume\">No published sensitivity, specificity or ROC curve exists for"
            + " VERA-2R, ERG22+ or TRAP-18 used on returnees (PRIORS 1h): the stated accuracy is"
            + " the analyst's assumption, and the curve assumes an equal-variance binormal score"
            + " (d' = Φ⁻¹(sensitivity) + Φ⁻¹(specificity)).</p>");
    page.para(
        null,
        "Returnees screened: the country's people at home in the community at month "
            + r.month()
            + ": returned and not yet assessed, disengaged (cooperating or not), and dispatched"
            + " operatives at home. The prosecuted, the arrested and attackers are not screened.");
    page.para(
        null,
        "Committed: the dispatched operatives at home plus the expected number of non-cooperating"
            + " disengaged returnees who re-engage within the next "
            + r.window()
            + " months, from each replication's re-engagement hazard and rehabilitation effect.");
    page.para(
        null,
        "PPV = sens·p / (sens·p + (1 − spec)(1 − p)); correctly flagged = sens·P, missed = (1 −"
            + " sens)·P, wrongly flagged = (1 − spec)(N − P), computed in each replication.");
    return page.write(file);
  }

  private static String box(long n, String text) {
    return "<div><b>" + String.format(Locale.ROOT, "%,d", n) + "</b>" + Html.esc(text) + "</div>";
  }
}
