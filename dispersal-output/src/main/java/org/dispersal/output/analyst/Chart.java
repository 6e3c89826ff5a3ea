package org.dispersal.output.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dispersal.output.page.Svg;
import org.dispersal.output.page.Ticks;

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

  /** Space between an axis and its tick labels, and between the label lines. */
  private static final double GAP = 6;

  /** The height of a line of chart text. */
  private static final double LINE = 14;

  String svg() {
    double top = 30;
    double bottom = 50;
    double ph = height - top - bottom;
    // The vertical axis label turned along the axis, broken into lines no longer than the axis, so
    // it is not cut at the top and bottom ("naining insurgent..." in the screening chart).
    List<String> yLines = Svg.wrap(yLabel, ph, Svg.FONT);
    // The legend's longest entry, measured, sets the right margin.
    double right = 40;
    for (Series s : series) {
      right = Math.max(right, 36 + Svg.textWidth(s.name(), Svg.FONT) + GAP);
    }
    right = Math.max(180, Math.min(right, width / 2));
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
    double xStep =
        wholeX ? Math.max(1, Math.ceil(Ticks.step(xmax - xmin, 5))) : Ticks.step(xmax - xmin, 5);
    double yStep = Ticks.step(ymax, 5);
    xmax = Math.max(xStep, Math.ceil(xmax / xStep) * xStep);
    ymax = Math.max(yStep, Math.ceil(ymax / yStep) * yStep);
    double widestTick = 0;
    for (double v = 0; v <= ymax + 1e-9; v += yStep) {
      widestTick = Math.max(widestTick, Svg.textWidth(tick(v, yStep), Svg.FONT));
    }
    double left = GAP + yLines.size() * LINE + GAP + widestTick + GAP;
    double pw = width - left - right;
    final double x0 = xmin;
    final double x1 = xmax;
    final double y1 = ymax;
    java.util.function.DoubleUnaryOperator sx = v -> left + (v - x0) / (x1 - x0) * pw;
    java.util.function.DoubleUnaryOperator sy = v -> top + ph - v / y1 * ph;
    Svg svg = Svg.fixed(width, height, "", title);
    for (double v = 0; v <= y1 + 1e-9; v += yStep) {
      double y = sy.applyAsDouble(v);
      svg.line(left, y, left + pw, y, "grid");
      svg.text(left - GAP, y + 4, "end", "", tick(v, yStep));
    }
    for (double v = x0; v <= x1 + 1e-9; v += xStep) {
      double x = sx.applyAsDouble(v);
      svg.line(x, top + ph, x, top + ph + 4, "axis");
      svg.text(x, top + ph + 18, "middle", "", tick(v, xStep));
    }
    svg.line(left, top + ph, left + pw, top + ph, "axis");
    svg.line(left, top, left, top + ph, "axis");
    svg.text(left + pw / 2, height - 8, "middle", "muted", xLabel);
    for (int i = 0; i < yLines.size(); i++) {
      svg.turned(GAP + LINE * (i + 1) - 3, top + ph / 2, -90, "middle", "muted", yLines.get(i));
    }
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
        svg.path(
            d + "Z", "fill=\"" + s.colour() + "\" fill-opacity=\"0.15\" stroke=\"none\"", null);
      }
    }
    int legend = 0;
    for (Series s : series) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < s.x().length; i++) {
        d.append(i == 0 ? "M" : "L")
            .append(coord(sx.applyAsDouble(s.x()[i]), sy.applyAsDouble(s.y()[i])));
      }
      svg.path(
          d.toString(), "fill=\"none\" stroke=\"" + s.colour() + "\" stroke-width=\"2\"", s.name());
      double ly = top + 10 + 20 * legend++;
      svg.rect(left + pw + 16, ly - 4, 14, 4, s.colour(), null);
      svg.text(left + pw + 36, ly + 2, "start", "", s.name());
    }
    for (Mark m : marks) {
      double x = sx.applyAsDouble(m.x());
      double y = sy.applyAsDouble(m.y());
      svg.circle(x, y, 5, m.colour(), "#fff");
      // Labelled to the right of the point unless that would leave the drawing.
      boolean fits = x + 8 + Svg.textWidth(m.label(), Svg.FONT) <= width;
      svg.text(fits ? x + 8 : x - 8, y - 8, fits ? "start" : "end", "", m.label());
    }
    return svg.finish();
  }

  private static String coord(double x, double y) {
    return Svg.px(x) + "," + Svg.px(y);
  }

  private static String tick(double v, double step) {
    return step >= 1 && step == Math.rint(step)
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%,.2f", v).replaceAll("0$", "");
  }
}
