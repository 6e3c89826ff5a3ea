package org.dispersal.output.analyst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.dispersal.analyst.Interval;
import org.dispersal.analyst.VariantComparison;
import org.dispersal.analyst.VariantComparison.Comparison;
import org.dispersal.model.State;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.Page;
import org.dispersal.output.page.Svg;
import org.dispersal.output.page.Ticks;

/**
 * Writes a variant comparison: {@code compare.csv} (every probed month, variant and headline: level
 * and paired difference from the base with mean, median and 90% interval) and {@code compare.html}
 * (side by side table and a chart of the differences, month by month).
 */
public final class ComparisonOutputs {

  private ComparisonOutputs() {}

  /** Writes compare.csv: one row per month, variant and headline state. */
  public static void writeCsv(Comparison c, Path file) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "variant,base,month,runs,state,level_mean,level_p05,level_p50,level_p95,"
                + "difference_mean,difference_p05,difference_p50,difference_p95\n");
    for (int t = 0; t < c.months().size(); t++) {
      for (int v = 0; v < c.names().size(); v++) {
        for (int k = 0; k < VariantComparison.HEADLINES.size(); k++) {
          out.append(
              Numbers.csvLine(
                  List.of(c.level(t, v, k), c.difference(t, v, k)),
                  c.names().get(v),
                  c.names().get(0),
                  Integer.toString(c.months().get(t)),
                  Integer.toString(c.runs()),
                  VariantComparison.HEADLINES.get(k).id()));
        }
      }
    }
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Writes compare-countries.csv: for each country whose repatriation policy a variant changes, its
   * women and minors back home (however their case ended) per month and variant, with the paired
   * difference from the base; only a header when no variant changes a policy.
   */
  public static void writeCountriesCsv(Comparison c, Path file) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "variant,base,month,runs,country,demographic,level_mean,level_p05,level_p50,"
                + "level_p95,difference_mean,difference_p05,difference_p50,difference_p95\n");
    for (VariantComparison.CountryHome h : c.homeByCountry()) {
      Interval[][] lv = h.levels();
      Interval[][] df = h.differences();
      for (int t = 0; t < c.months().size(); t++) {
        for (int v = 0; v < c.names().size(); v++) {
          out.append(
              Numbers.csvLine(
                  List.of(lv[t][v], df[t][v]),
                  c.names().get(v),
                  c.names().get(0),
                  Integer.toString(c.months().get(t)),
                  Integer.toString(c.runs()),
                  h.country(),
                  h.demographic().id()));
        }
      }
    }
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  /** The table of women and minors back home, country by country (issue #15). */
  private static String countryTable(Comparison c, List<String> whens) {
    StringBuilder t =
        new StringBuilder(
            "<div class=\"table-wrap\"><table id=\"home-by-country\"><caption>Women and minors"
                + " of each country whose repatriation policy a variant changes, back home however"
                + " their case ended. Level: mean [90% interval]. Difference: variant minus base,"
                + " mean [90% interval] of the paired differences; in bold when the interval"
                + " excludes zero.</caption><thead><tr><th>Country</th><th>Who</th>"
                + "<th>Months after the start</th>");
    for (int v = 0; v < c.names().size(); v++) {
      t.append("<th class=\"num\">").append(Html.esc(c.names().get(v))).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (VariantComparison.CountryHome h : c.homeByCountry()) {
      Interval[][] lv = h.levels();
      Interval[][] df = h.differences();
      for (int m = 0; m < c.months().size(); m++) {
        t.append("<tr>");
        if (m == 0) {
          String rows = Integer.toString(c.months().size());
          t.append("<th rowspan=\"")
              .append(rows)
              .append("\">")
              .append(Html.esc(h.country()))
              .append("</th><td rowspan=\"")
              .append(rows)
              .append("\">")
              .append(Html.esc(h.demographic().id()))
              .append("</td>");
        }
        t.append("<td>").append(Html.esc(whens.get(m))).append("</td>");
        for (int v = 0; v < c.names().size(); v++) {
          t.append("<td class=\"num\">").append(cell(lv[m][v], v > 0 ? df[m][v] : null));
          t.append("</td>");
        }
        t.append("</tr>");
      }
    }
    return t.append("</tbody></table></div>").toString();
  }

  /** Whether a 90% interval of a difference excludes zero. */
  public static boolean clear(Interval d) {
    return d.defined() > 0 && (d.p05() > 0 || d.p95() < 0);
  }

  /** A probed month as the analyst reads it: "+6 (2017-08)". */
  public static String when(int month, YearMonth start) {
    return "+" + month + " (" + start.plusMonths(month) + ")";
  }

  /** Writes compare.html and its sidecar compare.html.csp; returns the hashes in the sidecar. */
  public static InlineHashes writeHtml(
      Comparison c, List<String> descriptions, YearMonth start, Path file) throws IOException {
    List<String> whens = c.months().stream().map(m -> when(m, start)).toList();
    Page page =
        Pages.of(
            "Variant comparison",
            "What changes against " + c.names().get(0) + ", month by month",
            "World totals by state at "
                + String.join(", ", c.months().stream().map(m -> "+" + m).toList())
                + " months after the start ("
                + start.plusMonths(c.months().get(0))
                + (c.months().size() > 1
                    ? " to " + start.plusMonths(c.months().get(c.months().size() - 1))
                    : "")
                + ") for each variant, and the difference from the base ("
                + c.names().get(0)
                + ") computed replication by replication with common random numbers over "
                + c.runs()
                + " replications.");
    StringBuilder list = new StringBuilder("<ol>");
    for (int v = 0; v < c.names().size(); v++) {
      list.append("<li><b>")
          .append(Html.esc(c.names().get(v)))
          .append("</b>")
          .append(v == 0 ? " (base)" : "")
          .append(v < descriptions.size() ? ": " + Html.esc(descriptions.get(v)) : "")
          .append("</li>");
    }
    page.raw(list.append("</ol>").toString());
    page.h2("Side by side");
    StringBuilder t =
        new StringBuilder(
            "<div class=\"table-wrap\"><table><caption>Level: mean [90% interval]. Difference:"
                + " variant minus base, mean [90% interval] of the paired differences; in bold"
                + " when the interval excludes zero.</caption><thead><tr><th>State</th>"
                + "<th>Months after the start</th>");
    for (int v = 0; v < c.names().size(); v++) {
      t.append("<th class=\"num\">").append(Html.esc(c.names().get(v))).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (int k = 0; k < VariantComparison.HEADLINES.size(); k++) {
      State s = VariantComparison.HEADLINES.get(k);
      for (int m = 0; m < c.months().size(); m++) {
        t.append("<tr>");
        if (m == 0) {
          t.append("<th rowspan=\"")
              .append(c.months().size())
              .append("\">")
              .append(Html.esc(s.label()))
              .append("</th>");
        }
        t.append("<td>").append(Html.esc(whens.get(m))).append("</td>");
        for (int v = 0; v < c.names().size(); v++) {
          t.append("<td class=\"num\">").append(cell(c, m, v, k)).append("</td>");
        }
        t.append("</tr>");
      }
    }
    page.raw(t.append("</tbody></table></div>").toString());
    if (c.names().size() > 1) {
      page.h2("Differences from the base");
      page.raw(differenceChart(c, page));
    }
    if (!c.homeByCountry().isEmpty()) {
      page.h2("Repatriation, country by country");
      page.raw(countryTable(c, whens));
    }
    page.h2("Method");
    page.para(
        null,
        "Every variant runs replication i with the random streams of (seed, i): the same draws"
            + " for the same parameters, the same initial stocks and the same dynamics stream."
            + " The difference of each output is taken within each replication and then"
            + " summarised, so noise the variants share cancels; a variant identical to the base"
            + " differs by exactly zero. Variants that change a prior keep their parameters in the"
            + " same order and pair tightly; a variant that adds or removes parameters pairs less"
            + " tightly. Several months are probed because a lever can act early and wash out:"
            + " faster offensives move people at +6 months that the slower base has moved by +36.");
    return page.write(file);
  }

  /** A table cell: the level, and for a variant its paired difference from the base. */
  private static String cell(Comparison c, int m, int v, int k) {
    return cell(c.level(m, v, k), v > 0 ? c.difference(m, v, k) : null);
  }

  /** A level, and a paired difference from the base unless {@code d} is null (the base). */
  private static String cell(Interval l, Interval d) {
    StringBuilder t = new StringBuilder(Numbers.num(l.mean()));
    if (d != null) {
      t.append("<br><span class=\"ci")
          .append(clear(d) ? " sig" : "")
          .append("\">")
          .append(Numbers.signed(d.mean()))
          .append(" [")
          .append(Numbers.signed(d.p05()))
          .append(", ")
          .append(Numbers.signed(d.p95()))
          .append("]</span>");
    } else {
      t.append(" <span class=\"ci\">[")
          .append(Numbers.num(l.p05()))
          .append("–")
          .append(Numbers.num(l.p95()))
          .append("]</span>");
    }
    return t.toString();
  }

  /** A difference interval as a percentage of the base's mean (zero when the base mean is 0). */
  private static Interval relative(Comparison c, int m, int v, int k) {
    Interval d = c.difference(m, v, k);
    double base = c.level(m, 0, k).mean();
    double f = base > 0 ? 100 / base : 0;
    return new Interval(d.mean() * f, d.p05() * f, d.p50() * f, d.p95() * f, d.defined());
  }

  /** Gap between the state labels and the month labels, and after the month labels. */
  private static final double GAP = 10;

  /** The width of the month labels' column ("+36"), measured at the chart's font size. */
  private static double monthColumn(Comparison c) {
    double widest = 0;
    for (int m : c.months()) {
      widest = Math.max(widest, Svg.textWidth("+" + m, Svg.FONT));
    }
    return widest + GAP;
  }

  /**
   * The width of the label column: the longest state label measured at the chart's font size
   * ({@link Svg#textWidth}, a generous estimate), the month labels and the gaps, so no label is cut
   * at the left ("Remaining insurgent..." was cut to "naining insurgent..." at a fixed 230).
   */
  static double labelColumn(Comparison c) {
    double longest = 0;
    for (var st : VariantComparison.HEADLINES) {
      longest = Math.max(longest, Svg.textWidth(st.label(), Svg.FONT));
    }
    return GAP + longest + GAP + monthColumn(c);
  }

  /**
   * Base size below which a state does not stretch the chart's axis: with fewer than 20 people a
   * difference of one person is 5% or more, so a state of one or two people (plots ended as attacks
   * at +6 months) swings by ±100% and would squeeze every other bar to a dot. Such bars are clipped
   * at the axis and end in an arrow; the table gives their numbers.
   */
  static final int AXIS_MIN_BASE = 20;

  /** A small triangle at a clipped end of a bar, pointing outwards ({@code direction} ±1). */
  private static void arrow(Svg s, double x, double y, int direction, String colour, String tip) {
    s.path(
        "M"
            + Svg.px(x)
            + ","
            + Svg.px(y - 4)
            + "L"
            + Svg.px(x + 6 * direction)
            + ","
            + Svg.px(y)
            + "L"
            + Svg.px(x)
            + ","
            + Svg.px(y + 4)
            + "Z",
        "fill=\"" + colour + "\"",
        tip);
  }

  private static String differenceChart(Comparison c, Page page) {
    int states = VariantComparison.HEADLINES.size();
    int variants = c.names().size() - 1;
    int months = c.months().size();
    // The axis spans the intervals of the states with at least AXIS_MIN_BASE people in the base
    // (all states when none has); the rest are clipped at its ends.
    double max = 0;
    double all = 0;
    for (int m = 0; m < months; m++) {
      for (int v = 1; v <= variants; v++) {
        for (int k = 0; k < states; k++) {
          Interval d = relative(c, m, v, k);
          double reach = Math.max(Math.abs(d.p05()), Math.abs(d.p95()));
          all = Math.max(all, reach);
          if (c.level(m, 0, k).mean() >= AXIS_MIN_BASE) {
            max = Math.max(max, reach);
          }
        }
      }
    }
    max = max > 0 ? max : all > 0 ? all : 1;
    double step = Ticks.step(2 * max, 5);
    max = Math.ceil(max / step) * step;
    double rowH = 12;
    double groupH = rowH * variants * months + 12;
    double left = labelColumn(c);
    double tickLabel = Svg.textWidth(Numbers.signed(max) + "%", Svg.FONT) / 2;
    double width = 1000;
    double plot = width - left - Math.max(30, tickLabel + 10);
    double top = 20;
    double height = top + groupH * states + 40;
    String[] colours = {"#1f4e79", "#b7791f", "#9b2c2c", "#2f6b3a", "#6b46c1", "#4a5a6a"};
    Svg s = Svg.fixed(width, height, "", "Differences from the base");
    final double limit = max;
    DoubleUnaryOperator x = v -> left + (v + limit) / (2 * limit) * plot;
    for (double v = -max; v <= max + 1e-9; v += step) {
      double px = x.applyAsDouble(v);
      s.line(px, top, px, height - 30, Math.abs(v) < 1e-9 ? "axis" : "grid");
      s.text(px, height - 14, "middle", "muted", Numbers.signed(v) + "%");
    }
    double monthRight = left - GAP;
    double stateRight = monthRight - monthColumn(c);
    for (int k = 0; k < states; k++) {
      double y0 = top + k * groupH;
      if (k > 0) {
        s.line(GAP, y0 - 6, width - GAP, y0 - 6, "grid");
      }
      s.text(stateRight, y0 + groupH / 2, "end", "", VariantComparison.HEADLINES.get(k).label());
      for (int m = 0; m < months; m++) {
        double ym = y0 + m * variants * rowH;
        s.text(monthRight, ym + variants * rowH / 2 + 4, "end", "muted", "+" + c.months().get(m));
        for (int v = 1; v <= variants; v++) {
          Interval d = relative(c, m, v, k);
          double y = ym + (v - 1) * rowH + rowH / 2;
          String col = colours[(v - 1) % colours.length];
          double low = Math.max(-limit, d.p05());
          double high = Math.min(limit, d.p95());
          String tip =
              c.names().get(v)
                  + ", +"
                  + c.months().get(m)
                  + " months: "
                  + Numbers.signed(d.mean())
                  + "% ["
                  + Numbers.signed(d.p05())
                  + "%, "
                  + Numbers.signed(d.p95())
                  + "%]";
          s.stroke(x.applyAsDouble(low), y, x.applyAsDouble(high), y, col, 3, tip);
          if (d.p05() < -limit) {
            arrow(s, x.applyAsDouble(-limit), y, -1, col, tip);
          }
          if (d.p95() > limit) {
            arrow(s, x.applyAsDouble(limit), y, 1, col, tip);
          }
          if (Math.abs(d.mean()) <= limit) {
            s.circle(x.applyAsDouble(d.mean()), y, 3.5, col);
          }
        }
      }
    }
    StringBuilder legend = new StringBuilder("<p class=\"note\">");
    for (int v = 1; v <= variants; v++) {
      legend
          .append("<span")
          .append(page.style("color:" + colours[(v - 1) % colours.length]))
          .append(">■</span> ")
          .append(Html.esc(c.names().get(v)))
          .append("&nbsp;&nbsp; ");
    }
    legend.append(
        "— for each state, one row per month after the start (+6, +12, ...); dot: mean"
            + " difference; bar: 90% interval of the paired differences; both in % of the base's"
            + " mean at that month, so that small and large states can be read on one axis. The"
            + " axis spans the states with at least "
            + AXIS_MIN_BASE
            + " people in the base; a bar beyond it ends in an arrow (its numbers are in the"
            + " table).</p>");
    return s.finish() + legend;
  }
}
