package org.dispersal.output.validation;

import java.util.List;
import org.dispersal.output.page.Svg;

/**
 * An SVG chart of forecast intervals against observed ranges, one column per observation, on a log
 * scale (log10(x + 1)) because counts run from a handful to tens of thousands: a thin bar for the
 * 90% interval, a thick bar for the 50% interval, a dot for the median, and the observed range as a
 * red band (a point is a red tick; an open range an arrow-like band to the top).
 */
final class IntervalChart {

  /** One column. */
  record Column(
      String label,
      double p05,
      double p25,
      double p50,
      double p75,
      double p95,
      double low,
      double high) {}

  /** The font size of the tick class in the style sheet, in pixels. */
  private static final double TICK_FONT = 10.5;

  private IntervalChart() {}

  static String svg(List<Column> cols) {
    int top = 10;
    // The column labels are turned 60 degrees: the longest one sets the bottom margin, and the
    // first column sits far enough right for its label to reach back without leaving the chart.
    double longest = 0;
    for (Column c : cols) {
      longest = Math.max(longest, Svg.textWidth(c.label(), TICK_FONT));
    }
    int bottom = (int) Math.max(170, Math.ceil(longest * Math.sin(Math.toRadians(60)) + 24));
    double x0 = Math.max(70, Math.ceil(longest * Math.cos(Math.toRadians(60))) + 10);
    int w = (int) Math.max(360, x0 - 10 + cols.size() * 34);
    int h = 180 + bottom;
    double max = 1;
    for (Column c : cols) {
      max = Math.max(max, Math.max(c.p95(), Double.isInfinite(c.high()) ? c.low() : c.high()));
    }
    double lmax = Math.ceil(Math.log10(max + 1));
    double plotH = h - top - bottom;
    Svg svg =
        Svg.fixed(w, h, "intervals", "Forecast intervals against the observed ranges, log scale");
    for (int e = 0; e <= lmax; e++) {
      double y = top + plotH * (1 - e / lmax);
      svg.line(50, y, w, y, "grid");
      svg.text(45, y + 4, "end", "tick", Numbers.num(Math.pow(10, e) - (e == 0 ? 1 : 0)));
    }
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      double x = x0 + i * 34;
      String forecast =
          c.label()
              + ": median "
              + Numbers.num(c.p50())
              + ", 50% "
              + Numbers.num(c.p25())
              + "–"
              + Numbers.num(c.p75())
              + ", 90% "
              + Numbers.num(c.p05())
              + "–"
              + Numbers.num(c.p95());
      svg.stroke(
          x, y(c.p05(), lmax, top, plotH), x, y(c.p95(), lmax, top, plotH), "#7aa6d6", 3, forecast);
      svg.stroke(
          x, y(c.p25(), lmax, top, plotH), x, y(c.p75(), lmax, top, plotH), "#2a5d9f", 9, forecast);
      svg.circle(x, y(c.p50(), lmax, top, plotH), 3.5, "#fff", "#000");
      boolean open = Double.isInfinite(c.high());
      double hi = open ? Math.pow(10, lmax) - 1 : c.high();
      double y1 = y(hi, lmax, top, plotH);
      double y0 = y(c.low(), lmax, top, plotH);
      svg.rect(
          x + 6,
          y1,
          14,
          Math.max(2, y0 - y1),
          "#d62728",
          open ? 0.35 : 0.8,
          c.label()
              + ": observed "
              + Numbers.num(c.low())
              + (open ? " or more" : "–" + Numbers.num(c.high())));
      svg.turned(x + 4, h - bottom + 14, -60, "end", "tick", c.label());
    }
    return svg.finish();
  }

  private static double y(double v, double lmax, int top, double plotH) {
    return top + plotH * (1 - Math.log10(Math.max(0, v) + 1) / lmax);
  }
}
