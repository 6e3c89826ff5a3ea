package org.dispersal.output.report;

import java.time.YearMonth;
import java.util.List;
import org.dispersal.ensemble.CompositeState;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.Page;
import org.dispersal.output.report.ReportData.Destination;

/**
 * The top of the report: the title and run facts, a plain-language summary of the headline numbers,
 * and the headline table of every state at 6, 12, 24 and 36 months (those within the horizon, and
 * the horizon).
 */
final class Overview {

  /** The month the summary paragraph speaks of, if the horizon reaches it. */
  private static final int SUMMARY_MONTH = 24;

  private Overview() {}

  /** The page header with the scenario and the facts needed to reproduce the run. */
  static String header(ReportData data) {
    ForecastRun run = data.run();
    Scenario s = data.scenario();
    StringBuilder h = new StringBuilder();
    h.append("<header class=\"masthead\"><p class=\"kicker\">Dispersal forecast report</p>")
        .append("<h1>")
        .append(Html.esc(s.name()))
        .append("</h1><p class=\"lede\">")
        .append(Html.esc(s.description()))
        .append("</p><dl class=\"facts\">");
    fact(h, "Start", Fmt.longMonth(s.start()), false);
    fact(
        h,
        "Horizon",
        s.months() + " months, to " + Fmt.longMonth(s.start().plusMonths(s.months())),
        false);
    fact(h, "Replications", Fmt.count(run.runs()), false);
    fact(h, "Seed", Long.toString(run.seed()), true);
    fact(h, "Engine", run.engine(), false);
    if (run.finished() != null) {
      fact(h, "Finished", Fmt.instant(run.finished()), false);
    }
    fact(h, "Code version", run.codeVersion(), true);
    fact(h, "Data version", run.dataVersion(), true);
    if (run.overrides() != null && !run.overrides().isEmpty()) {
      fact(h, "Overrides", String.join("; ", run.overrides()), true);
    }
    return h.append("</dl></header>").toString();
  }

  private static void fact(StringBuilder h, String name, String value, boolean mono) {
    h.append("<div><dt>")
        .append(Html.esc(name))
        .append(mono ? "</dt><dd class=\"mono\">" : "</dt><dd>")
        .append(Html.esc(value == null || value.isBlank() ? "unknown" : value))
        .append("</dd></div>");
  }

  /** The summary paragraph, written from the numbers. */
  static String summary(ReportData data) {
    int m = Math.min(SUMMARY_MONTH, data.horizon());
    YearMonth date = data.scenario().start().plusMonths(m);
    StringBuilder p = new StringBuilder("<p class=\"summary\">");
    p.append("Of the <strong>")
        .append(Fmt.count(data.total(0, 0)))
        .append("</strong> people counted as having travelled (mean at the start, ")
        .append(Fmt.longMonth(data.scenario().start()))
        .append("), by <strong>+")
        .append(m)
        .append(" months</strong> (")
        .append(Fmt.longMonth(date))
        .append(") the median forecast has ");
    // Issue #16, finding 1: most people home early on were home before the start; say so here,
    // not in small print, and count the disengaged with them in plain words.
    Statistic before = data.summary().statistic(0, 0, 0, CompositeState.RETURNED_TOTAL);
    p.append(phrase(data.world(m, CompositeState.RETURNED_TOTAL), "people back home"))
        .append(", however their case ended: ")
        .append(phrase(before, "who were already home before the start"))
        .append(" and ")
        .append(
            phrase(data.world(m, CompositeState.RETURNED_AFTER_START), "who came home after it"))
        .append(". It has ");
    p.append(
            phrase(
                data,
                m,
                State.DISENGAGED,
                "disengaged returnees (those home before the start included)"))
        .append(", ")
        .append(
            phrase(
                data,
                m,
                State.INSURGENT,
                "remaining insurgents in "
                    + Fmt.list(data.scenario().coreTheatreNames(), "the core theatre")))
        .append(", ")
        .append(phrase(data, m, State.OTHER_GROUP, "members of another group"))
        .append(", ")
        .append(phrase(data, m, State.RELOCATED, "relocated to third theatres"))
        .append(" and ")
        .append(phrase(data, m, State.DISPATCHED, "dispatched operatives at large"))
        .append(". By then ")
        .append(phrase(data, m, State.ATTACK, "plots have ended in an attack"))
        .append(" and ")
        .append(phrase(data, m, State.ARRESTED, "operatives have been arrested"))
        .append("; ")
        .append(phrase(data, m, State.KILLED, "are dead"))
        .append(" and ")
        .append(phrase(data, m, State.DETAINED, "detained in the region"))
        .append('.');
    Destination top = topTheatre(data, m);
    if (top != null) {
      Statistic s = data.world(m, top.key());
      p.append(" The third theatre drawing most of those who relocate is <strong>")
          .append(Html.esc(top.name()))
          .append("</strong> <span class=\"ci\">(median ")
          .append(Fmt.count(s.p50()))
          .append(", 90% interval ")
          .append(Fmt.interval(s))
          .append(")</span>.");
    }
    return p.append("</p>").toString();
  }

  private static String phrase(ReportData data, int month, State state, String words) {
    return phrase(data.world(month, state), words);
  }

  private static String phrase(Statistic s, String words) {
    return "<strong>"
        + Fmt.count(s.p50())
        + "</strong> "
        + words
        + " <span class=\"ci\">(90% interval "
        + Fmt.interval(s)
        + ")</span>";
  }

  private static Destination topTheatre(ReportData data, int month) {
    Destination best = null;
    double bestMean = 0;
    for (Destination d : data.destinations(State.RELOCATED)) {
      double mean = data.world(month, d.key()).mean();
      if (mean > bestMean) {
        best = d;
        bestMean = mean;
      }
    }
    return best;
  }

  /** The headline table: each state's median and 90% interval at the headline months. */
  static String headline(ReportData data, Page page) {
    List<Integer> months = data.headlineMonths();
    YearMonth start = data.scenario().start();
    StringBuilder t = new StringBuilder();
    t.append("<div class=\"table-wrap\"><table class=\"headline\"><caption>People on each pathway")
        .append(" and in each other state, world, all people: median and 90% interval (p05")
        .append("\u2013p95) over ")
        .append(Fmt.count(data.run().runs()))
        .append(
            " replications</caption><thead><tr><th scope=\"col\" class=\"pathway-col\">Pathway</th>")
        .append("<th scope=\"col\">State</th>");
    for (int m : months) {
      t.append("<th scope=\"col\" class=\"num\">+")
          .append(m)
          .append(" months<span class=\"sub\">")
          .append(Fmt.month(start.plusMonths(m)))
          .append("</span></th>");
    }
    t.append("</tr></thead><tbody>");
    State previous = null;
    for (State state : Palette.ORDER) {
      boolean firstOutside = state.pathway() == 0 && previous != null && previous.pathway() != 0;
      t.append("<tr")
          .append(firstOutside ? " class=\"divider\"" : "")
          .append("><td>")
          .append(badge(state, page))
          .append("</td><th scope=\"row\">")
          .append(swatch(state, page))
          .append(Html.esc(Palette.label(state)))
          .append("</th>");
      for (int m : months) {
        Statistic s = data.world(m, state);
        t.append("<td class=\"num\"><span class=\"median\">")
            .append(Fmt.count(s.p50()))
            .append("</span><span class=\"ci\">")
            .append(Fmt.interval(s))
            .append("</span></td>");
      }
      t.append("</tr>");
      previous = state;
    }
    // Everyone back home, split by whether they came home before or after the start.
    Statistic before = data.summary().statistic(0, 0, 0, CompositeState.RETURNED_TOTAL);
    homeRow(
        t,
        months,
        " class=\"divider\"",
        "",
        "Back home, however their case ended",
        m -> data.world(m, CompositeState.RETURNED_TOTAL));
    String indent = page.style("padding-left:28px;font-weight:400");
    homeRow(t, months, "", indent, "of whom home before the start", m -> before);
    homeRow(
        t,
        months,
        "",
        indent,
        "of whom came home after the start",
        m -> data.world(m, CompositeState.RETURNED_AFTER_START));
    return t.append("</tbody></table></div>").toString();
  }

  private static void homeRow(
      StringBuilder t,
      List<Integer> months,
      String rowAttributes,
      String headAttributes,
      String label,
      java.util.function.IntFunction<Statistic> at) {
    t.append("<tr")
        .append(rowAttributes)
        .append("><td></td><th scope=\"row\"")
        .append(headAttributes)
        .append(">")
        .append(Html.esc(label))
        .append("</th>");
    for (int m : months) {
      Breakdowns.cell(t, at.apply(m));
    }
    t.append("</tr>");
  }

  /** A pathway number in the pathway's colour, or nothing outside the pathways. */
  /**
   * The header cell of a state's column in a report table: its pathway badge and short label, with
   * the full label as the title.
   *
   * @param attributes extra attributes of the cell, each with a leading space, or empty
   */
  static String stateHeader(State state, Page page, String attributes) {
    return "<th scope=\"col\""
        + attributes
        + " class=\"num\" title=\""
        + Html.esc(Palette.label(state))
        + "\">"
        + badge(state, page)
        + Html.esc(Palette.shortLabel(state))
        + "</th>";
  }

  static String badge(State state, Page page) {
    if (state.pathway() == 0) {
      return "";
    }
    return "<span class=\"badge\" title=\"pathway "
        + state.pathway()
        + "\""
        + page.style("background:" + Palette.pathwayColour(state))
        + ">"
        + state.pathway()
        + "</span>";
  }

  /** A small square in the state's colour. */
  static String swatch(State state, Page page) {
    return "<span class=\"swatch\""
        + page.style("background:" + Palette.colour(state))
        + "></span>";
  }
}
