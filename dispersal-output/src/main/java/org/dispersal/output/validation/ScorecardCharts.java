package org.dispersal.output.validation;

import java.util.List;
import org.dispersal.output.page.Svg;
import org.dispersal.output.page.Ticks;
import org.dispersal.scoring.Scorecard;

/**
 * The scorecard's two charts: the PIT histogram, as density against the flat line of a calibrated
 * forecast, and the reliability diagram, observed against nominal coverage of the central intervals
 * with their bootstrap intervals.
 */
final class ScorecardCharts {

  private static final double W = 380;
  private static final double H = 250;
  private static final double LEFT = 48;
  private static final double RIGHT = 16;
  private static final double TOP = 12;
  private static final double BOTTOM = 44;
  private static final String BAR = "#2a5d9f";
  private static final String IDEAL = "#d62728";

  private ScorecardCharts() {}

  /** The PIT histogram: each bin's share of PIT mass times the number of bins (1 when flat). */
  static String pit(Scorecard.Group g) {
    double[] h = g.pitHistogram();
    int bins = h.length;
    double max = 1;
    for (double share : h) {
      max = Math.max(max, share * bins);
    }
    Ticks ticks = Ticks.of(max, 4);
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    Svg svg =
        Svg.fixed(
            W,
            H,
            "pit",
            "PIT histogram of " + g.figures() + " figures: density in ten bins, 1 when calibrated");
    for (int i = 0; i <= ticks.count(); i++) {
      double v = i * ticks.step();
      double y = TOP + plotH * (1 - v / ticks.top());
      svg.line(LEFT, y, W - RIGHT, y, "grid");
      svg.text(LEFT - 6, y + 4, "end", "tick", Numbers.num(v));
    }
    double bw = plotW / bins;
    for (int i = 0; i < bins; i++) {
      double d = h[i] * bins;
      double y = TOP + plotH * (1 - d / ticks.top());
      svg.rect(
          LEFT + i * bw + 1,
          y,
          bw - 2,
          TOP + plotH - y,
          BAR,
          Numbers.fmt(
              "PIT %.1f–%.1f: %.0f%% of the figures (%.2f times the flat share)",
              (double) i / bins, (double) (i + 1) / bins, 100 * h[i], d));
    }
    double flat = TOP + plotH * (1 - 1 / ticks.top());
    svg.path(
        "M" + Svg.px(LEFT) + " " + Svg.px(flat) + "H" + Svg.px(W - RIGHT),
        "fill=\"none\" stroke=\"" + IDEAL + "\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"",
        "a calibrated forecast: flat at 1");
    axis(svg, plotW, "PIT (0: below the whole forecast, 1: above it)", false);
    svg.turned(12, TOP + plotH / 2, -90, "middle", "tick", "density");
    return svg.finish();
  }

  /** The reliability diagram: observed against nominal coverage of the central intervals. */
  static String reliability(Scorecard.Group g) {
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    Svg svg =
        Svg.fixed(
            W,
            H,
            "reliability",
            "Reliability: observed against nominal coverage of the central intervals");
    for (int i = 0; i <= 5; i++) {
      double v = i / 5.0;
      double y = TOP + plotH * (1 - v);
      svg.line(LEFT, y, W - RIGHT, y, "grid");
      svg.text(LEFT - 6, y + 4, "end", "tick", Scorecard.pct(v));
    }
    svg.path(
        "M"
            + Svg.px(LEFT)
            + " "
            + Svg.px(TOP + plotH)
            + "L"
            + Svg.px(W - RIGHT)
            + " "
            + Svg.px(TOP),
        "fill=\"none\" stroke=\"" + IDEAL + "\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"",
        "a calibrated forecast: observed equals nominal");
    List<Scorecard.Coverage> points =
        g.coverage().stream().filter(c -> c.level() < 0.91 && !Double.isNaN(c.observed())).toList();
    StringBuilder line = new StringBuilder();
    for (Scorecard.Coverage c : points) {
      double x = LEFT + plotW * c.level();
      line.append(line.isEmpty() ? "M" : "L")
          .append(Svg.px(x))
          .append(' ')
          .append(Svg.px(TOP + plotH * (1 - c.observed())));
    }
    if (!line.isEmpty()) {
      svg.path(line.toString(), "fill=\"none\" stroke=\"" + BAR + "\" stroke-width=\"2\"", null);
    }
    for (Scorecard.Coverage c : points) {
      double x = LEFT + plotW * c.level();
      String tip =
          Numbers.fmt(
              "central %s interval: held %s of the figures (bootstrap 90%%: %s)",
              Scorecard.pct(c.level()), Scorecard.pct(c.observed()), Scorecard.pctInterval(c.ci()));
      if (!Double.isNaN(c.ci().low())) {
        svg.stroke(
            x,
            TOP + plotH * (1 - c.ci().low()),
            x,
            TOP + plotH * (1 - c.ci().high()),
            "#7aa6d6",
            3,
            tip);
      }
      svg.circle(x, TOP + plotH * (1 - c.observed()), 4, BAR, "#fff");
    }
    axis(svg, plotW, "nominal coverage of the central interval", true);
    svg.turned(12, TOP + plotH / 2, -90, "middle", "tick", "observed coverage");
    return svg.finish();
  }

  /** The x axis from 0 to 1 (or 0% to 100%) with its label. */
  private static void axis(Svg svg, double plotW, String label, boolean percent) {
    double y = H - BOTTOM;
    svg.line(LEFT, y, W - RIGHT, y, "axis");
    for (int i = 0; i <= 5; i++) {
      double v = i / 5.0;
      svg.text(
          LEFT + plotW * v,
          y + 15,
          "middle",
          "tick",
          percent ? Scorecard.pct(v) : Numbers.fmt("%.1f", v));
    }
    svg.text(LEFT + plotW / 2, H - 8, "middle", "tick", label);
  }
}
