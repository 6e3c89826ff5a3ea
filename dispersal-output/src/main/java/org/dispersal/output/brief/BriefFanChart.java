package org.dispersal.output.brief;

import java.time.YearMonth;
import java.util.Locale;
import org.dispersal.ensemble.Statistic;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.Svg;
import org.dispersal.output.page.Ticks;

/**
 * The brief's fan chart of one world count: the 90% interval as a light band, the 50% interval as a
 * darker band and the median as a line, with the headline months marked. Drawn with presentation
 * attributes only (no style sheet), since the PDF's SVG renderer (Batik) sees none of the page's
 * CSS; fonts are Helvetica, as in the rest of the brief.
 */
final class BriefFanChart {

  static final double WIDTH = 520;
  static final double HEIGHT = 230;
  private static final double LEFT = 58;
  private static final double RIGHT = 30;
  private static final double TOP = 14;
  private static final double BOTTOM = 40;
  private static final String FONT = "font-family=\"Helvetica\" font-size=\"10\" fill=\"#444\"";

  private BriefFanChart() {}

  /**
   * The SVG markup, with the SVG namespace so that it can sit inside XHTML.
   *
   * @param title what the series counts
   * @param colour the series colour
   * @param start the date of month 0
   * @param series the statistic of each month from 0 to the horizon
   */
  static String svg(String title, String colour, YearMonth start, Statistic[] series) {
    int months = series.length - 1;
    double max = 0;
    for (Statistic s : series) {
      max = Math.max(max, s.p95());
    }
    Ticks ticks = Ticks.counts(max, 5);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double xs = plotW / Math.max(1, months);
    double ys = plotH / ticks.top();
    StringBuilder o = new StringBuilder();
    o.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(Svg.px(WIDTH))
        .append("\" height=\"")
        .append(Svg.px(HEIGHT))
        .append("\" viewBox=\"0 0 ")
        .append(Svg.px(WIDTH))
        .append(' ')
        .append(Svg.px(HEIGHT))
        .append("\"><title>")
        .append(Html.esc(title))
        .append("</title>");
    for (int i = 0; i <= ticks.count(); i++) {
      double v = i * ticks.step();
      double y = TOP + plotH - v * ys;
      line(o, LEFT, y, LEFT + plotW, y, i == 0 ? "#666" : "#ddd");
      text(o, LEFT - 6, y + 3.5, "end", Numbers.count(v));
    }
    int step = months <= 12 ? 3 : months <= 48 ? 6 : 12;
    for (int m = 0; m <= months; m += step) {
      double x = LEFT + m * xs;
      line(o, x, TOP + plotH, x, TOP + plotH + 4, "#666");
      text(o, x, TOP + plotH + 15, "middle", m == 0 ? "start" : "+" + m);
      text(o, x, TOP + plotH + 27, "middle", Numbers.month(start.plusMonths(m)));
    }
    o.append("<path d=\"")
        .append(band(series, xs, ys, true))
        .append("\" fill=\"")
        .append(colour)
        .append("\" fill-opacity=\"0.2\"/>");
    o.append("<path d=\"")
        .append(band(series, xs, ys, false))
        .append("\" fill=\"")
        .append(colour)
        .append("\" fill-opacity=\"0.4\"/>");
    StringBuilder median = new StringBuilder();
    for (int m = 0; m <= months; m++) {
      median.append(m == 0 ? 'M' : 'L').append(point(m, series[m].p50(), xs, ys));
    }
    o.append("<path d=\"")
        .append(median)
        .append("\" fill=\"none\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"2\"/>");
    return o.append("</svg>").toString();
  }

  private static void line(StringBuilder o, double x1, double y1, double x2, double y2, String c) {
    o.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"0.8\"/>",
            Svg.px(x1),
            Svg.px(y1),
            Svg.px(x2),
            Svg.px(y2),
            c));
  }

  private static void text(StringBuilder o, double x, double y, String anchor, String text) {
    o.append("<text x=\"")
        .append(Svg.px(x))
        .append("\" y=\"")
        .append(Svg.px(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" ")
        .append(FONT)
        .append('>')
        .append(Html.esc(text))
        .append("</text>");
  }

  private static String band(Statistic[] series, double xs, double ys, boolean outer) {
    StringBuilder d = new StringBuilder();
    int months = series.length - 1;
    for (int m = 0; m <= months; m++) {
      d.append(m == 0 ? 'M' : 'L')
          .append(point(m, outer ? series[m].p95() : series[m].p75(), xs, ys));
    }
    for (int m = months; m >= 0; m--) {
      d.append('L').append(point(m, outer ? series[m].p05() : series[m].p25(), xs, ys));
    }
    return d.append('Z').toString();
  }

  private static String point(int month, double value, double xs, double ys) {
    return Svg.px(LEFT + month * xs) + "," + Svg.px(HEIGHT - BOTTOM - value * ys);
  }
}
