package org.dispersal.output.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.State;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.Page;
import org.dispersal.output.page.Svg;
import org.dispersal.output.report.ReportData.Destination;

/**
 * Where people end up at the horizon: those who relocated by third theatre, those who joined
 * another group by group, and dispatched operatives, arrests and attacks by destination country.
 */
final class DestinationTables {

  /** Destination countries shown before the rest are folded away. */
  private static final int COUNTRIES_SHOWN = 15;

  private static final List<State> OPERATIVES =
      List.of(State.DISPATCHED, State.ARRESTED, State.ATTACK);

  private DestinationTables() {}

  /** The three tables. */
  static String section(ReportData data, Page page) {
    int m = data.horizon();
    String when = "+" + m + " months (" + Fmt.month(data.scenario().start().plusMonths(m)) + ")";
    StringBuilder h = new StringBuilder("<div class=\"two-col\">");
    h.append("<div>")
        .append(
            ranked(
                data,
                page,
                State.RELOCATED,
                "Third theatre",
                "Relocated to each third theatre at " + when + ", largest mean first"))
        .append("</div><div>")
        .append(
            ranked(
                data,
                page,
                State.OTHER_GROUP,
                "Group",
                "Joined each other group at " + when + ", largest mean first"))
        .append("</div></div>");
    h.append(operatives(data, page, when));
    return h.toString();
  }

  /** One state by destination with median, interval, mean and an interval bar. */
  private static String ranked(
      ReportData data, Page page, State state, String head, String caption) {
    int m = data.horizon();
    List<Destination> destinations = new ArrayList<>(data.destinations(state));
    destinations.sort(
        Comparator.comparingDouble((Destination d) -> -data.world(m, d.key()).mean()));
    double max = 0;
    for (Destination d : destinations) {
      max = Math.max(max, data.world(m, d.key()).p95());
    }
    StringBuilder t = new StringBuilder();
    t.append("<div class=\"table-wrap\"><table class=\"data dest\"><caption>")
        .append(Overview.swatch(state, page))
        .append(Html.esc(caption))
        .append("</caption><thead><tr><th scope=\"col\">")
        .append(Html.esc(head))
        .append("</th><th scope=\"col\" class=\"num\">Median</th>")
        .append("<th scope=\"col\" class=\"num\">90% interval</th>")
        .append("<th scope=\"col\" class=\"num\">Mean</th>")
        .append("<th scope=\"col\" class=\"bar-col\">Range</th></tr></thead><tbody>");
    if (destinations.isEmpty()) {
      t.append("<tr><td colspan=\"5\">The scenario has none.</td></tr>");
    }
    for (Destination d : destinations) {
      Statistic s = data.world(m, d.key());
      t.append("<tr><th scope=\"row\">")
          .append(Html.esc(d.name()))
          .append("</th><td class=\"num median\">")
          .append(Fmt.count(s.p50()))
          .append("</td><td class=\"num ci\">")
          .append(Fmt.interval(s))
          .append("</td><td class=\"num\">")
          .append(Fmt.count(s.mean()))
          .append("</td><td class=\"bar-col\">")
          .append(bar(s, max, Palette.colour(state), page))
          .append("</td></tr>");
    }
    return t.append("</tbody></table></div>").toString();
  }

  /** An interval bar: the 90% interval as a band and the median as a tick, on a shared scale. */
  private static String bar(Statistic s, double max, String colour, Page page) {
    if (!(max > 0)) {
      return "";
    }
    return "<span class=\"range\"><span class=\"range-ci\""
        + page.style(
            "left:"
                + percent(s.p05(), max)
                + ";width:"
                + percent(s.p95() - s.p05(), max)
                + ";background:"
                + colour)
        + "></span><span class=\"range-mid\""
        + page.style("left:" + percent(s.p50(), max) + ";background:" + colour)
        + "></span></span>";
  }

  private static String percent(double value, double max) {
    return Svg.px(100 * value / max) + "%";
  }

  /** Operatives at large, arrested and attacks by destination country, largest first. */
  private static String operatives(ReportData data, Page page, String when) {
    int m = data.horizon();
    Map<String, Statistic[]> byCountry = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < OPERATIVES.size(); i++) {
      for (Destination d : data.destinations(OPERATIVES.get(i))) {
        if (data.summary().isPresent(m, 0, 0, d.key())) {
          Statistic[] row =
              byCountry.computeIfAbsent(d.id(), k -> new Statistic[OPERATIVES.size()]);
          row[i] = data.world(m, d.key());
          names.put(d.id(), d.name());
        }
      }
    }
    List<String> ranked = new ArrayList<>(byCountry.keySet());
    ranked.sort(Comparator.comparingDouble((String c) -> -meanSum(byCountry.get(c))));
    StringBuilder t = new StringBuilder();
    t.append("<h3>")
        .append(Overview.badge(State.DISPATCHED, page))
        .append("Dispatched operatives by destination country</h3>")
        .append("<p class=\"note\">Operatives are sent home or to a target abroad. At large: ")
        .append("not yet arrested and no plot yet; arrested and attacks are counted since the ")
        .append("start. Median and 90% interval at ")
        .append(Html.esc(when))
        .append(", largest mean total first.</p>");
    if (ranked.isEmpty()) {
      return t.append("<p>No operative was dispatched in any replication.</p>").toString();
    }
    int shown = ranked.size() <= COUNTRIES_SHOWN + 1 ? ranked.size() : COUNTRIES_SHOWN;
    t.append(operativeTable(ranked.subList(0, shown), byCountry, names, page));
    if (shown < ranked.size()) {
      t.append("<details><summary>")
          .append(ranked.size() - shown)
          .append(" more destination countries</summary>")
          .append(operativeTable(ranked.subList(shown, ranked.size()), byCountry, names, page))
          .append("</details>");
    }
    return t.toString();
  }

  private static String operativeTable(
      List<String> countries,
      Map<String, Statistic[]> byCountry,
      Map<String, String> names,
      Page page) {
    StringBuilder t = new StringBuilder();
    t.append("<div class=\"table-wrap\"><table class=\"data\"><thead><tr>")
        .append("<th scope=\"col\">Destination</th>");
    for (State s : OPERATIVES) {
      t.append("<th scope=\"col\" class=\"num\">")
          .append(Overview.swatch(s, page))
          .append(Html.esc(Palette.label(s)))
          .append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (String c : countries) {
      t.append("<tr><th scope=\"row\">").append(Html.esc(names.get(c)));
      if (!c.equals(names.get(c))) {
        t.append(" <span class=\"code\">").append(Html.esc(c)).append("</span>");
      }
      t.append("</th>");
      for (Statistic s : byCountry.get(c)) {
        Breakdowns.cell(t, s == null ? Statistic.ZERO : s);
      }
      t.append("</tr>");
    }
    return t.append("</tbody></table></div>").toString();
  }

  private static double meanSum(Statistic[] row) {
    double sum = 0;
    for (Statistic s : row) {
      sum += s == null ? 0 : s.mean();
    }
    return sum;
  }
}
