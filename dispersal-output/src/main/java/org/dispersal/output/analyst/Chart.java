package org.dispersal.output.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dispersal.output.page.Html;

/**
 * A line chart in inline SVG: series of (x, y) points with optional 90% bands, marked points, axes
 * with round ticks and a legend. Only what the analyst pages need.
 */
final class Chart {

  /** One line, with an optional band (lower and upper per point, or null). */
  record Series(String name, String colour, double[] x, double[] y, double[] low, double[] high) {}

  /** A marked point with a label. */
  record Mark(double x, double y, String colour, String label) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();
  private double width = 760;
  private double height = 380;
  private boolean wholeX;

  Chart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  Chart size(double w, double h) {
    width = w;
    height = h;
    return this;
  }

  /** Ticks on the x axis at whole numbers only (counts, such as evidence items). */
  Chart wholeX() {
    wholeX = true;
    return this;
  }

  Chart add(Series s) {
    series.add(s);
    return this;
  }

  Chart mark(Mark m) {
    marks.add(m);
    return this;
  }

  String svg() {
    double left = 70;
    // Room for the longest legend entry (about 7 px a character at the page's font size).
    double right = 40;
    for (Series s : series) {
      right = Math.max(right, 50 + 7 * s.name().length());
    }
    right = Math.max(180, Math.min(right, width / 2));
    double top = 30;
    double bottom = 50;
    double pw = width - left - right;
    double ph = height - top - bottom;
    double xmin = Double.POSITIVE_INFINITY;
    double xmax = Double.NEGATIVE_INFINITY;
    double ymax = 0;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        xmin = Math.min(xmin, s.x()[i]);
        xmax = Math.max(xmax, s.x()[i]);
        ymax = Math.max(ymax, s.high() != null ? s.high()[i] : s.y()[i]);
      }
    }
    for (Mark m : marks) {
      ymax = Math.max(ymax, m.y());
      xmax = Math.max(xmax, m.x());
      xmin = Math.min(xmin, m.x());
    }
    xmin = Math.min(xmin, 0);
    double xStep = wholeX ? Math.max(1, Math.ceil(step(xmax - xmin))) : step(xmax - xmin);
    double yStep = step(ymax);
    xmax = Math.max(xStep, Math.ceil(xmax / xStep) * xStep);
    ymax = Math.max(yStep, Math.ceil(ymax / yStep) * yStep);
    final double x0 = xmin;
    final double x1 = xmax;
    final double y1 = ymax;
    java.util.function.DoubleUnaryOperator sx = v -> left + (v - x0) / (x1 - x0) * pw;
    java.util.function.DoubleUnaryOperator sy = v -> top + ph - v / y1 * ph;
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "<svg viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\""
                + " height=\"%.0f\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
            width,
            height,
            width,
            height,
            Html.esc(title),
            Html.esc(title)));
    for (double v = 0; v <= y1 + 1e-9; v += yStep) {
      double y = sy.applyAsDouble(v);
      out.append(line(left, y, left + pw, y, "grid"));
      out.append(text(left - 6, y + 4, "end", "", tick(v, yStep)));
    }
    for (double v = x0; v <= x1 + 1e-9; v += xStep) {
      double x = sx.applyAsDouble(v);
      out.append(line(x, top + ph, x, top + ph + 4, "axis"));
      out.append(text(x, top + ph + 18, "middle", "", tick(v, xStep)));
    }
    out.append(line(left, top + ph, left + pw, top + ph, "axis"));
    out.append(line(left, top, left, top + ph, "axis"));
    out.append(text(left + pw / 2, height - 8, "middle", "muted", xLabel));
    out.append(
        String.format(
            Locale.ROOT,
            "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" class=\"muted\""
                + " transform=\"rotate(-90 14 %.1f)\">%s</text>",
            top + ph / 2,
            top + ph / 2,
            Html.esc(yLabel)));
    for (Series s : series) {
      if (s.low() != null) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.x().length; i++) {
          d.append(i == 0 ? "M" : "L")
              .append(coord(sx.applyAsDouble(s.x()[i]), sy.applyAsDouble(s.high()[i])));
        }
        for (int i = s.x().length - 1; i >= 0; i--) {
          d.append("L").append(coord(sx.applyAsDouble(s.x()[i]), sy.applyAsDouble(s.low()[i])));
        }
        out.append("<path d=\"")
            .append(d)
            .append("Z\" fill=\"")
            .append(s.colour())
            .append("\" fill-opacity=\"0.15\" stroke=\"none\"/>");
      }
    }
    int legend = 0;
    for (Series s : series) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < s.x().length; i++) {
        d.append(i == 0 ? "M" : "L")
            .append(coord(sx.applyAsDouble(s.x()[i]), sy.applyAsDouble(s.y()[i])));
      }
      out.append("<path d=\"")
          .append(d)
          .append("\" fill=\"none\" stroke=\"")
          .append(s.colour())
          .append("\" stroke-width=\"2\"><title>")
          .append(Html.esc(s.name()))
          .append("</title></path>");
      double ly = top + 10 + 20 * legend++;
      out.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"4\" fill=\"%s\"/>",
              left + pw + 16,
              ly - 4,
              s.colour()));
      out.append(text(left + pw + 36, ly + 2, "start", "", s.name()));
    }
    for (Mark m : marks) {
      double x = sx.applyAsDouble(m.x());
      double y = sy.applyAsDouble(m.y());
      out.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
              x,
              y,
              m.colour()));
      out.append(text(x + 8, y - 8, "start", "", m.label()));
    }
    return out.append("</svg>").toString();
  }

  private static String coord(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
  }

  private static String line(double x1, double y1, double x2, double y2, String cls) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>",
        x1,
        y1,
        x2,
        y2,
        cls);
  }

  private static String text(double x, double y, String anchor, String cls, String s) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>",
        x,
        y,
        anchor,
        cls.isEmpty() ? "" : " class=\"" + cls + "\"",
        Html.esc(s));
  }

  private static String tick(double v, double step) {
    return step >= 1 && step == Math.rint(step)
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%,.2f", v).replaceAll("0$", "");
  }

  /** A round tick step giving about five ticks over a range. */
  static double step(double range) {
    if (!(range > 0)) {
      return 1;
    }
    double raw = range / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double r = raw / mag;
    double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
    return nice * mag;
  }
}
