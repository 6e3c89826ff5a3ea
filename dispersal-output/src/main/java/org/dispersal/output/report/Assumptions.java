package org.dispersal.output.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.Page;

/**
 * The account of what the forecast rests on: every parameter with its prior and its sources or the
 * justification of an assumption, how the initial stocks were set, the limits of the model, and the
 * sources cited.
 */
final class Assumptions {

  private Assumptions() {}

  /** The parameter table. */
  static String parameters(ReportData data, Map<String, String> citations, Page page) {
    Scenario s = data.scenario();
    long assumed = s.parameters().values().stream().filter(Parameter::isAssumption).count();
    StringBuilder t = new StringBuilder();
    t.append("<p>Every rate and share of the model is a named parameter. Each replication draws ")
        .append("every parameter from its prior, so the intervals above carry this uncertainty ")
        .append("as well as chance. <strong>")
        .append(assumed)
        .append(" of ")
        .append(s.parameters().size())
        .append("</strong> parameters are assumptions, marked ")
        .append("<span class=\"tag\">assumption</span>, each with its justification; the ")
        .append("others cite sources.</p>")
        .append("<div class=\"table-wrap\"><table class=\"data params\">")
        .append("<colgroup><col")
        .append(page.style("width:21%"))
        .append("><col")
        .append(page.style("width:14%"))
        .append("><col")
        .append(page.style("width:11%"))
        .append("><col")
        .append(page.style("width:27%"))
        .append("><col></colgroup><thead><tr>")
        .append("<th scope=\"col\">Parameter</th><th scope=\"col\">Prior</th>")
        .append("<th scope=\"col\">Unit</th><th scope=\"col\">Basis</th>")
        .append("<th scope=\"col\">Description</th></tr></thead><tbody>");
    for (Parameter p : s.parameters().values()) {
      t.append(p.isAssumption() ? "<tr class=\"assumption\">" : "<tr>")
          .append("<th scope=\"row\"><code>")
          .append(breakable(p.name()))
          .append("</code></th><td class=\"prior\">")
          .append(Html.esc(describe(p.prior())))
          .append("</td><td>")
          .append(Html.esc(p.unit()))
          .append("</td><td class=\"basis\">");
      if (p.isAssumption()) {
        t.append("<span class=\"tag\">assumption</span> ").append(Html.esc(p.assumption()));
      } else {
        List<String> ids = new ArrayList<>();
        for (String id : p.sources()) {
          ids.add(source(id, citations));
        }
        t.append(String.join(", ", ids));
      }
      t.append("</td><td>").append(Html.esc(p.description())).append("</td></tr>");
    }
    return t.append("</tbody></table></div>").toString();
  }

  /** An escaped identifier that may wrap after its dots and underscores. */
  private static String breakable(String name) {
    return Html.esc(name).replace(".", ".<wbr>").replace("_", "_<wbr>");
  }

  /** A prior in words: {@code uniform 0.1 to 0.3}. */
  private static String describe(Prior prior) {
    if (prior instanceof Prior.Fixed f) {
      return "fixed " + Fmt.plain(f.value());
    }
    if (prior instanceof Prior.Uniform u) {
      return "uniform " + Fmt.plain(u.low()) + " to " + Fmt.plain(u.high());
    }
    if (prior instanceof Prior.Triangular t) {
      return "triangular "
          + Fmt.plain(t.low())
          + " to "
          + Fmt.plain(t.high())
          + ", mode "
          + Fmt.plain(t.mode());
    }
    if (prior instanceof Prior.LogUniform l) {
      return "log-uniform " + Fmt.plain(l.low()) + " to " + Fmt.plain(l.high());
    }
    return prior.describe();
  }

  private static String source(String id, Map<String, String> citations) {
    String citation = citations.get(id);
    if (citation == null) {
      return "<span class=\"source\">" + Html.esc(id) + "</span>";
    }
    return "<abbr class=\"source\" title=\""
        + Html.esc(citation)
        + "\">"
        + Html.esc(id)
        + "</abbr>";
  }

  /** How the initial stocks were set, and the limits of the forecast. */
  static String method(ReportData data) {
    Scenario s = data.scenario();
    long countries = s.origins().stream().filter(Origin::country).count();
    long remainders = s.origins().stream().filter(Origin::remainder).count();
    long groups = s.origins().size() - countries - remainders;
    long low = 0;
    long high = 0;
    for (Origin o : s.origins()) {
      low += o.travelled().low();
      high += o.travelled().high();
    }
    StringBuilder h = new StringBuilder();
    List<String> kinds = new ArrayList<>();
    if (countries > 0) {
      kinds.add(countries + " countries");
    }
    if (remainders > 0) {
      kinds.add(
          remainders
              + " unallocated remainders, people whom regional or world totals count but no"
              + " country figure covers (the model never invents a country's number to absorb"
              + " them)");
    }
    if (groups > 0) {
      kinds.add(groups + " groups that the scenario names as origins of their own");
    }
    h.append("<h3>Initial stocks</h3><p>The scenario has ")
        .append(s.origins().size())
        .append(" origins: ")
        .append(Fmt.list(kinds, "none"))
        .append(". Together their published figures put the number who travelled at ")
        .append(Fmt.count(low))
        .append(low == high ? "" : "\u2013" + Fmt.count(high))
        .append(". Each replication draws every origin's count from its range; the women, ")
        .append("minors, killed and returned by the start come from the origin's own figures ")
        .append("where a source gives them and otherwise from the <code>share_*</code> ")
        .append("parameters above. Everyone else starts in theatre. ")
        .append(
            countries + remainders > 0
                ? "The method, the sources and the choice made for each country are described in"
                    + " <code>docs/DATA.md</code>."
                : "Each origin's figures, sources and reasoning are in the scenario file.")
        .append("</p>");
    h.append("<h3>Reading the numbers</h3><ul>")
        .append("<li>Medians and intervals are computed for each cell over the replications; ")
        .append("they do not add up across rows or places. Means do, which is why the flow ")
        .append("diagram uses them.</li>")
        .append("<li>Killed, detained, prosecuted, arrested and attacks are cumulative, and ")
        .append("killed and returned include those before the start. The other states are ")
        .append("counts at the month.</li>")
        .append("<li>Returned, not yet assessed, and disengaged returnees are at home; ")
        .append("disengaged returnees who do not cooperate can re-engage as operatives.</li>")
        .append("</ul>");
    h.append("<h3>Limits</h3><ul>")
        .append("<li>Figures are aggregate and open-source, of uneven quality, and published ")
        .append("for different dates; many country counts are estimates given as ranges.</li>")
        .append("<li>Parameters marked as assumptions are judgements with stated ranges. The ")
        .append("intervals show uncertainty within those ranges, not doubt about the structure ")
        .append("of the model.</li>")
        .append("<li>Everyone of one origin and demographic group (men, women, minors) follows ")
        .append("the same monthly probabilities; individual histories, networks and ")
        .append("intentions are not modelled.</li>")
        .append("<li>No one travels after the start, and births in theatre count only where a ")
        .append("source counts them among minors.</li>")
        .append("<li>Events outside the scenario's drivers (new conflicts, policy changes not ")
        .append("written as steps) are not foreseen.</li></ul>");
    return h.toString();
  }

  /** The sources cited by parameters and origins, with what each stands for where known. */
  static String sources(ReportData data, Map<String, String> citations) {
    TreeSet<String> cited = new TreeSet<>();
    for (Parameter p : data.scenario().parameters().values()) {
      cited.addAll(p.sources());
    }
    for (Origin o : data.scenario().origins()) {
      cited.addAll(o.sources());
    }
    StringBuilder h = new StringBuilder("<h3>Sources cited</h3>");
    if (cited.isEmpty()) {
      return h.append("<p>The scenario cites no source.</p>").toString();
    }
    h.append("<p class=\"note\">Where each was read, with links, is recorded in the shipped ")
        .append("<code>data/sources.csv</code>, <code>priors/literature.csv</code> and, for ")
        .append("historical cases, <code>data/history/*-sources.csv</code>.</p>")
        .append("<ul class=\"sources\">");
    for (String id : cited) {
      String citation = citations.get(id);
      h.append("<li><span class=\"source\">")
          .append(Html.esc(id))
          .append("</span> ")
          .append(citation == null ? "(not in the shipped tables)" : Html.esc(citation))
          .append("</li>");
    }
    return h.append("</ul>").toString();
  }
}
