package org.dispersal.output.analyst;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dispersal.analyst.Interval;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.analyst.ThreatOutlook.Measure;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.Page;
import org.dispersal.output.text.Json;

/**
 * Writes the threat outlook: {@code threat.csv} (every destination, month and measure with mean,
 * median and 90% interval), {@code threat.json} (the same figures as arrays by month, for the
 * dashboard) and {@code threat.html} (ranked table, chart of plots over time for the top countries,
 * definitions).
 */
public final class ThreatOutputs {

  /** How many countries the HTML table shows (the CSV has all). */
  public static final int TABLE_ROWS = 20;

  /** How many countries the chart draws. */
  public static final int CHART_LINES = 5;

  private static final String[] COLOURS = {"#1f4e79", "#b7791f", "#9b2c2c", "#2f6b3a", "#6b46c1"};

  /**
   * Hegghammer's ceiling on returnee involvement: at most one returnee in nine went on to be
   * involved in plots in the West (Hegghammer 2013, PRIORS T1), against which the share ever
   * dispatched is checked.
   */
  public static final double CEILING_SHARE = 1.0 / 9;

  /** The label of {@link #CEILING_SHARE} in threat.json. */
  public static final String CEILING_LABEL =
      "Hegghammer (2013): at most 1 in 9 returnees involved in plots";

  private ThreatOutputs() {}

  /**
   * The outlook as a JSON document ({@code threat.json}): the run's settings, the measures, the
   * share ever dispatched against the ceiling, and every destination in ranking order with, per
   * measure, the mean, median and 90% interval of each month 0 to the horizon (NaN as null).
   *
   * @param o the outlook
   * @param scenario the scenario's name
   * @param names destination names by id (the id is used when a name is missing)
   * @param start the scenario's first month (month 0)
   * @param seed the master seed of the replications
   */
  public static ObjectNode json(
      ThreatOutlook.Outlook o,
      String scenario,
      Map<String, String> names,
      YearMonth start,
      long seed) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("scenario", scenario);
    root.put("start", start.toString());
    root.put("months", o.months());
    root.put("replications", o.runs());
    root.put("seed", seed);
    ArrayNode measures = root.putArray("measures");
    for (Measure m : Measure.values()) {
      measures.addObject().put("id", m.id()).put("label", m.label());
    }
    root.set("dispatchedShare", interval(o.dispatchedShare()));
    root.putObject("ceiling").put("share", CEILING_SHARE).put("label", CEILING_LABEL);
    ArrayNode destinations = root.putArray("destinations");
    for (int r = 0; r < o.ranking().length; r++) {
      int d = o.ranking()[r];
      String id = o.destinations().get(d);
      ObjectNode n = destinations.addObject();
      n.put("rank", r + 1);
      n.put("id", id);
      n.put("name", names.getOrDefault(id, id));
      ObjectNode series = n.putObject("series");
      for (Measure m : Measure.values()) {
        double[][] columns = new double[4][o.months() + 1];
        for (int t = 0; t <= o.months(); t++) {
          Interval i = o.at(d, m, t);
          columns[0][t] = i.mean();
          columns[1][t] = i.p05();
          columns[2][t] = i.p50();
          columns[3][t] = i.p95();
        }
        ObjectNode s = series.putObject(m.id());
        s.set("mean", HypothesesJson.array(columns[0]));
        s.set("p05", HypothesesJson.array(columns[1]));
        s.set("p50", HypothesesJson.array(columns[2]));
        s.set("p95", HypothesesJson.array(columns[3]));
      }
    }
    return root;
  }

  /** Writes threat.json ({@link #json}). */
  public static void writeJson(
      ThreatOutlook.Outlook o,
      String scenario,
      Map<String, String> names,
      YearMonth start,
      long seed,
      Path file)
      throws IOException {
    Json.write(json(o, scenario, names, start, seed), file);
  }

  private static ObjectNode interval(Interval i) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    HypothesesJson.number(n, "mean", i.mean());
    HypothesesJson.number(n, "p05", i.p05());
    HypothesesJson.number(n, "p50", i.p50());
    HypothesesJson.number(n, "p95", i.p95());
    return n;
  }

  /** Writes threat.csv. */
  public static void writeCsv(
      ThreatOutlook.Outlook o, Map<String, String> names, YearMonth start, Path file)
      throws IOException {
    StringBuilder out =
        new StringBuilder("rank,destination,name,month,date,measure,mean,p05,p50,p95\n");
    for (int r = 0; r < o.ranking().length; r++) {
      int d = o.ranking()[r];
      String id = o.destinations().get(d);
      for (int t = 0; t <= o.months(); t++) {
        for (Measure m : Measure.values()) {
          Interval i = o.at(d, m, t);
          out.append(
              Numbers.csvLine(
                  List.of(i),
                  String.valueOf(r + 1),
                  id,
                  names.getOrDefault(id, id),
                  String.valueOf(t),
                  start.plusMonths(t).toString(),
                  m.id()));
        }
      }
    }
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  /** Writes threat.html and its sidecar threat.html.csp; returns the hashes in the sidecar. */
  public static InlineHashes writeHtml(
      ThreatOutlook.Outlook o,
      String scenario,
      Map<String, String> names,
      YearMonth start,
      Path file)
      throws IOException {
    int h = o.months();
    int mid = Math.min(12, h);
    Page page =
        Pages.of(
            "Threat outlook · " + scenario,
            "Dispatched operatives, plots and attacks by destination",
            "Per destination country and month, "
                + start
                + " to "
                + start.plusMonths(h)
                + ", over "
                + o.runs()
                + " replications: operatives at large, plots that came to a head, and plots that"
                + " ended as attacks. Countries with the most expected plots first.");
    int top = o.ranking()[0];
    Interval share = o.dispatchedShare();
    Interval plots = o.at(top, Measure.CUMULATIVE_PLOTS, h);
    page.raw(
        "<p class=\"summary\">Most expected plots by "
            + start.plusMonths(h)
            + ": <b>"
            + Html.esc(names.getOrDefault(o.destinations().get(top), o.destinations().get(top)))
            + "</b>, "
            + Numbers.num(plots.mean())
            + " plots "
            + Numbers.interval90(Numbers.num(plots.p05()), Numbers.num(plots.p95()))
            + ", of which "
            + Numbers.num(o.at(top, Measure.CUMULATIVE_ATTACKS, h).mean())
            + " attacks. Operatives ever dispatched are "
            + Numbers.pct(share.mean())
            + " "
            + Numbers.interval90(Numbers.pct(share.p05()), Numbers.pct(share.p95()))
            + " of those who came home or were dispatched; Hegghammer's ceiling for"
            + " returnees who attack is one in nine (11%).</p>");
    page.h2("Ranked destinations");
    StringBuilder t = new StringBuilder();
    t.append("<div class=\"table-wrap\"><table><caption>Mean [90% interval]; the top ")
        .append(Math.min(TABLE_ROWS, o.ranking().length))
        .append(" of ")
        .append(o.ranking().length)
        .append(" destinations (all in threat.csv).</caption><thead><tr><th>#</th>")
        .append("<th>Destination</th>")
        .append(th("Operatives at large", start.plusMonths(mid)))
        .append(th("Operatives at large", start.plusMonths(h)))
        .append(th("Plots since start", start.plusMonths(mid)))
        .append(th("Plots since start", start.plusMonths(h)))
        .append(th("Attacks since start", start.plusMonths(h)))
        .append("</tr></thead><tbody>");
    for (int r = 0; r < Math.min(TABLE_ROWS, o.ranking().length); r++) {
      int d = o.ranking()[r];
      String id = o.destinations().get(d);
      t.append("<tr><td>")
          .append(r + 1)
          .append("</td><th>")
          .append(Html.esc(names.getOrDefault(id, id)))
          .append(" <span class=\"ci\">")
          .append(Html.esc(id))
          .append("</span></th>")
          .append(Numbers.cell(o.at(d, Measure.AT_LARGE, mid), false))
          .append(Numbers.cell(o.at(d, Measure.AT_LARGE, h), false))
          .append(Numbers.cell(o.at(d, Measure.CUMULATIVE_PLOTS, mid), false))
          .append(Numbers.cell(o.at(d, Measure.CUMULATIVE_PLOTS, h), false))
          .append(Numbers.cell(o.at(d, Measure.CUMULATIVE_ATTACKS, h), false))
          .append("</tr>");
    }
    page.raw(t.append("</tbody></table></div>").toString());
    page.h2("Plots over time, top " + Math.min(CHART_LINES, o.ranking().length) + " destinations");
    Chart chart =
        new Chart(
                "Plots since the start by destination",
                "Months after " + start,
                "Plots since the start (mean)")
            .size(1000, 400);
    for (int r = 0; r < Math.min(CHART_LINES, o.ranking().length); r++) {
      int d = o.ranking()[r];
      double[] x = new double[h + 1];
      double[] y = new double[h + 1];
      for (int m = 0; m <= h; m++) {
        Interval i = o.at(d, Measure.CUMULATIVE_PLOTS, m);
        x[m] = m;
        y[m] = i.mean();
      }
      String id = o.destinations().get(d);
      chart.add(
          new Chart.Series(
              names.getOrDefault(id, id), COLOURS[r % COLOURS.length], x, y, null, null));
    }
    page.raw(chart.svg());
    page.para("note", "Means; the 90% intervals of every month are in threat.csv.");
    page.h2("Definitions");
    page.para(
        null,
        "Operatives at large: people in the dispatched state with this destination at the end of"
            + " the month, from every origin (home operatives and those sent abroad).");
    page.para(
        null,
        "Attacks: plots that ended as an attack, counted exactly from the model's attack state."
            + " Plots: attacks plus foiled plots. The model's arrested state also holds operatives"
            + " arrested before any plot and migrants caught by route screening, so foiled plots"
            + " are the expected number given each replication's operatives at large: D · (1 −"
            + " e^(−H)) · plot_rate · (1 − plot_success_share) / H, H = operative_arrest_rate +"
            + " plot_rate.");
    page.raw(
        "<p class=\"assume\">The lag from arrival to plot (median 5 months, Malet and Hayes 2018)"
            + " sets plot_rate, and the veteran effect (Hegghammer 2013: plots with a returnee 1.5×"
            + " more likely to come to fruition) is part of plot_success_share; both are priors of"
            + " the scenario, drawn per replication. The cohort engine's monthly hazard makes the"
            + " lag exponential; the agent engine's time-in-state feature is not used here.</p>");
    return page.write(file);
  }

  private static String th(String what, YearMonth when) {
    return "<th class=\"num\">" + Html.esc(what) + "<br>" + when + "</th>";
  }

  /** A one-line terminal summary of a destination. */
  public static String line(ThreatOutlook.Outlook o, int d, String name) {
    int h = o.months();
    Interval p = o.at(d, Measure.CUMULATIVE_PLOTS, h);
    Interval a = o.at(d, Measure.CUMULATIVE_ATTACKS, h);
    Interval l = o.at(d, Measure.AT_LARGE, Math.min(12, h));
    return String.format(
        Locale.ROOT,
        "%-36.36s %20s %20s %20s",
        name,
        String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", l.mean(), l.p05(), l.p95()),
        String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", p.mean(), p.p05(), p.p95()),
        String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", a.mean(), a.p05(), a.p95()));
  }
}
