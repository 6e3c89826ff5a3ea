package org.dispersal.output.validation;

import java.util.List;
import org.dispersal.output.page.Html;

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

  private IntervalChart() {}

  static String svg(List<Column> cols) {
    int w = Math.max(360, 60 + cols.size() * 34);
    int h = 300;
    int top = 10;
    int bottom = 120;
    double max = 1;
    for (Column c : cols) {
      max = Math.max(max, Math.max(c.p95(), Double.isInfinite(c.high()) ? c.low() : c.high()));
    }
    double lmax = Math.ceil(Math.log10(max + 1));
    double plotH = h - top - bottom;
    StringBuilder b = new StringBuilder();
    b.append(
        Numbers.fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", w, h));
    for (int e = 0; e <= lmax; e++) {
      double y = top + plotH * (1 - e / lmax);
      b.append(
          Numbers.fmt(
              "<line x1=\"50\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", w, y, y));
      b.append(
          Numbers.fmt(
              "<text x=\"45\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              y + 4, Numbers.num(Math.pow(10, e) - (e == 0 ? 1 : 0))));
    }
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      double x = 70 + i * 34;
      b.append(
          Numbers.fmt(
              "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#7aa6d6\" stroke-width=\"3\"/>",
              x, x, y(c.p05(), lmax, top, plotH), y(c.p95(), lmax, top, plotH)));
      b.append(
          Numbers.fmt(
              "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#2a5d9f\" stroke-width=\"9\"/>",
              x, x, y(c.p25(), lmax, top, plotH), y(c.p75(), lmax, top, plotH)));
      b.append(
          Numbers.fmt(
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#fff\" stroke=\"#000\"/>",
              x, y(c.p50(), lmax, top, plotH)));
      double hi = Double.isInfinite(c.high()) ? Math.pow(10, lmax) - 1 : c.high();
      double y1 = y(hi, lmax, top, plotH);
      double y0 = y(c.low(), lmax, top, plotH);
      b.append(
          Numbers.fmt(
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"%.1f\" fill=\"#d62728\" fill-opacity=\"%s\"/>",
              x + 6, y1, Math.max(2, y0 - y1), Double.isInfinite(c.high()) ? "0.35" : "0.8"));
      b.append(
          Numbers.fmt(
              "<text transform=\"translate(%.1f,%d) rotate(-60)\" text-anchor=\"end\">%s</text>",
              x + 4, h - bottom + 14, Html.esc(c.label())));
    }
    b.append("</svg>");
    return b.toString();
  }

  private static double y(double v, double lmax, int top, double plotH) {
    return top + plotH * (1 - Math.log10(Math.max(0, v) + 1) / lmax);
  }
}
