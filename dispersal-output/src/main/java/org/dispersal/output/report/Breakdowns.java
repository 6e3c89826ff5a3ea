package org.dispersal.output.report;

import java.time.YearMonth;
import java.util.List;
import java.util.function.IntFunction;
import org.dispersal.ensemble.CompositeState;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.Demographic;
import org.dispersal.model.Region;
import org.dispersal.model.State;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.Page;

/**
 * The breakdowns of the headline (issue #16, finding 2): tables by origin region and by men, women
 * and minors at the headline months, each cell the median with its 90% interval beneath. A column
 * counts the people who came home after the start ({@link CompositeState#RETURNED_AFTER_START}), so
 * that no reader takes those home before the start for new returnees.
 */
final class Breakdowns {

  /** The states shown per row, after those who came home after the start. */
  static final List<State> COLUMNS =
      Palette.pathwaysThen(State.KILLED, State.DETAINED, State.IN_CAMP, State.IN_THEATRE);

  private Breakdowns() {}

  /** A row of a breakdown: its label and the statistic of a state or composite at a month. */
  private record Row(String label, IntFunction<Lookup> at) {}

  /** The statistics of one row at one month. */
  private interface Lookup {
    Statistic of(State state);

    Statistic of(CompositeState composite);
  }

  /** The table by origin region (all people). */
  static String byRegion(ReportData data, Page page) {
    EnsembleSummary summary = data.summary();
    List<Region> regions = data.scenario().regions();
    List<Row> rows =
        regions.stream()
            .map(
                r -> {
                  int scope = 1 + regions.indexOf(r);
                  return new Row(r.name(), m -> lookup(summary, m, scope, 0));
                })
            .toList();
    return table(
        data,
        page,
        "by-region",
        "Region",
        "By origin region, all people: median and 90% interval (p05\u2013p95)",
        rows);
  }

  /** The table by demographic group (world). */
  static String byDemographic(ReportData data, Page page) {
    EnsembleSummary summary = data.summary();
    List<Row> rows =
        java.util.Arrays.stream(Demographic.values())
            .map(
                d -> {
                  int demo = EnsembleSummary.demographicIndex(d);
                  return new Row(label(d), m -> lookup(summary, m, 0, demo));
                })
            .toList();
    return table(
        data,
        page,
        "by-demographic",
        "Group",
        "World, by men, women and minors: median and 90% interval (p05\u2013p95)",
        rows);
  }

  private static String label(Demographic d) {
    return switch (d) {
      case MEN -> "Men";
      case WOMEN -> "Women";
      case MINORS -> "Minors";
    };
  }

  private static Lookup lookup(EnsembleSummary summary, int month, int scope, int demo) {
    return new Lookup() {
      @Override
      public Statistic of(State state) {
        return summary.statistic(month, scope, demo, state);
      }

      @Override
      public Statistic of(CompositeState composite) {
        return summary.statistic(month, scope, demo, composite);
      }
    };
  }

  private static String table(
      ReportData data, Page page, String id, String firstHead, String caption, List<Row> rows) {
    YearMonth start = data.scenario().start();
    int columns = 2 + COLUMNS.size();
    StringBuilder t = new StringBuilder();
    t.append("<div class=\"table-wrap\"><table id=\"")
        .append(id)
        .append("\" class=\"data breakdown\"><caption>")
        .append(Html.esc(caption))
        .append(" over ")
        .append(Fmt.count(data.run().runs()))
        .append(" replications</caption><thead><tr><th scope=\"col\">")
        .append(Html.esc(firstHead))
        .append("</th><th scope=\"col\" class=\"num\" title=\"")
        .append(Html.esc(CompositeState.RETURNED_AFTER_START.label()))
        .append(": back home, however their case ended, minus those home at the start\">")
        .append("Came home after the start</th>");
    for (State state : COLUMNS) {
      t.append(Overview.stateHeader(state, page, ""));
    }
    t.append("</tr></thead>");
    String monthHead = page.style("background:#eef1f4;font-weight:650;padding-top:10px");
    String rowHead = page.style("white-space:nowrap");
    for (int m : data.headlineMonths()) {
      t.append("<tbody><tr class=\"month-row\"><th scope=\"colgroup\" colspan=\"")
          .append(columns)
          .append("\"")
          .append(monthHead)
          .append(">+")
          .append(m)
          .append(" months (")
          .append(Fmt.month(start.plusMonths(m)))
          .append(")</th></tr>");
      for (Row r : rows) {
        Lookup at = r.at().apply(m);
        t.append("<tr><th scope=\"row\"")
            .append(rowHead)
            .append(">")
            .append(Html.esc(r.label()))
            .append("</th>");
        cell(t, at.of(CompositeState.RETURNED_AFTER_START));
        for (State state : COLUMNS) {
          cell(t, at.of(state));
        }
        t.append("</tr>");
      }
      t.append("</tbody>");
    }
    return t.append("</table></div>").toString();
  }

  /** A cell with the median and, beneath it, the 90% interval. */
  static void cell(StringBuilder t, Statistic s) {
    t.append("<td class=\"num\">").append(medianAndInterval(s)).append("</td>");
  }

  /** What a table cell shows of a statistic: the median and, beneath it, the 90% interval. */
  static String medianAndInterval(Statistic s) {
    return "<span class=\"median\">"
        + Fmt.count(s.p50())
        + "</span><span class=\"ci\">"
        + Fmt.interval(s)
        + "</span>";
  }
}
