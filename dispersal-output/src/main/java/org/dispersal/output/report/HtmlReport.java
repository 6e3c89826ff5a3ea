package org.dispersal.output.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.dispersal.assimilation.Assimilation;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.Page;

/**
 * Writes {@code report.html}: a self-contained report of a forecast for analysts, readable in any
 * browser offline and printable.
 *
 * <p>The report has, in order: the scenario and the facts of the run with a summary of the headline
 * numbers in words; the headline table (median and 90% interval of each pathway and other state at
 * 6, 12, 24 and 36 months within the horizon, and at the horizon, then everyone back home split
 * into those home before the start and those who came home after it); the same months by origin
 * region and by men, women and minors; fan charts of every state over time; a flow diagram from
 * origin regions to states at the horizon and on to theatres and target countries; a filterable,
 * sortable table of origins whose names show each origin's trajectories when clicked; the
 * destinations of those who relocate, join another group or are dispatched; and every parameter
 * with its prior and its sources or the justification of an assumption, with the method and limits.
 *
 * <p>Everything is inline: the styles, the charts (SVG drawn here) and a short script for the
 * origins table; the file references nothing outside itself. The page shell, style sheet, escaper
 * and SVG writer are the output toolkit's ({@link org.dispersal.output.page}). All text from the
 * scenario is escaped, and numbers are formatted the same way whatever the machine's locale.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /**
   * Writes the report of a run to a file, and the hashes of its inline code to the sidecar {@code
   * report.html.csp} next to it ({@link Page#write}), replacing both if they exist.
   *
   * @param run the finished forecast
   * @param file where to write, usually {@code report.html} in the output directory
   * @return the hashes of the report's inline script, style sheet and style attributes
   * @throws IOException if a file cannot be written
   */
  public static InlineHashes write(ForecastRun run, Path file) throws IOException {
    return page(run).write(file);
  }

  /**
   * Writes the report of a forecast made as of a date, with the box that says which figures it was
   * conditioned on ({@code dispersal forecast --as-of}), and its sidecar.
   *
   * @param run the finished forecast
   * @param plan the figures used and set aside
   * @param result the resampling's diagnostics
   * @param file where to write
   * @return the hashes of the report's inline code
   * @throws IOException if a file cannot be written
   */
  public static InlineHashes write(
      ForecastRun run, Assimilation.Plan plan, Assimilation.Result result, Path file)
      throws IOException {
    return page(run, ConditioningBox.html(plan, result)).write(file);
  }

  /** The report's HTML. */
  static String render(ForecastRun run) {
    return page(run).html();
  }

  /**
   * The report as a page, for a caller that keeps its files in memory: {@link Page#html()} is the
   * content of {@code report.html} and {@code hashes().sidecar()} that of {@code report.html.csp}.
   */
  public static Page page(ForecastRun run) {
    return page(run, "");
  }

  private static Page page(ForecastRun run, String conditioning) {
    ReportData data = new ReportData(run);
    Map<String, String> citations = Citations.shipped();
    int horizon = data.horizon();
    Page page = new Page("Dispersal forecast: " + run.scenario().name());
    StringBuilder h = new StringBuilder(256 * 1024);
    h.append(Overview.header(data));
    h.append("<nav class=\"toc\" aria-label=\"Contents\">")
        .append("<a href=\"#headline\">Headline</a><a href=\"#breakdowns\">By region and group</a>")
        .append("<a href=\"#trajectories\">Over time</a>")
        .append("<a href=\"#flows\">Flows</a><a href=\"#origins-section\">Origins</a>")
        .append("<a href=\"#destinations\">Destinations</a>")
        .append("<a href=\"#assumptions\">Assumptions and sources</a></nav>");
    h.append(Overview.summary(data));
    h.append(TrackRecordBox.html(run.scenario().name()));
    h.append(conditioning);

    section(h, "headline", 1, "Headline: the pathways at " + Fmt.months(data.headlineMonths()));
    h.append(Overview.headline(data, page));

    section(h, "breakdowns", 2, "By region and by men, women and minors");
    h.append("<p class=\"note\">The headline split by where people came from and by group.")
        .append(" \u201cCame home after the start\u201d counts everyone back home however their")
        .append(" case ended (returned, prosecuted, disengaged, operatives dispatched home), minus")
        .append(" those already home at the start, within each replication.</p>")
        .append(Breakdowns.byRegion(data, page))
        .append(Breakdowns.byDemographic(data, page));

    section(h, "trajectories", 3, "Over time");
    h.append("<p class=\"note\">World, all people, month by month from the start to +")
        .append(horizon)
        .append(" months.</p>")
        .append(Trajectories.section(data, page));

    section(h, "flows", 4, "Flows: from origin to pathway to destination");
    h.append("<p class=\"note\">Mean numbers of people at +")
        .append(horizon)
        .append(" months by origin region and state, and on to the third theatres of those who ")
        .append("relocated and the destination countries of dispatched operatives (at large, ")
        .append("arrested or after an attack). Band widths are proportional to people, and ")
        .append("the destination column is magnified by the factor in its heading so that its ")
        .append("small flows can be seen. Every node keeps room for its label, so the smallest ")
        .append("are drawn apart from each other. Hover a band or node for its number.</p>")
        .append("<figure class=\"flow-figure\">")
        .append(FlowDiagram.svg(data))
        .append("</figure>");

    section(h, "origins-section", 5, "Origins");
    h.append(OriginTrajectories.panel()).append(OriginTable.section(data, page));

    section(h, "destinations", 6, "Destinations");
    h.append(DestinationTables.section(data, page));

    section(h, "assumptions", 7, "Assumptions and sources");
    h.append(Assumptions.parameters(data, citations, page))
        .append(Assumptions.method(data))
        .append(Assumptions.sources(data, citations));
    return page.raw(h.toString())
        .footer(
            "Generated by Dispersal from scenario <code>"
                + Html.esc(run.scenario().name())
                + "</code>, seed "
                + run.seed()
                + ", "
                + Fmt.count(run.runs())
                + " replications, code version "
                + Html.esc(run.codeVersion())
                + ". The numbers behind every table and chart are in <code>summary.csv</code> "
                + "next to this file.")
        .script(OriginTable.SCRIPT + OriginTrajectories.script(data));
  }

  private static void section(StringBuilder h, String id, int number, String title) {
    h.append("<h2 id=\"")
        .append(id)
        .append("\"><span class=\"num-prefix\">")
        .append(number)
        .append("</span>")
        .append(Html.esc(title))
        .append("</h2>");
  }
}
