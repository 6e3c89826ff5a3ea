package org.dispersal.output.report;

import java.time.YearMonth;
import org.dispersal.ensemble.Statistic;
import org.dispersal.output.page.Svg;
import org.dispersal.output.page.Ticks;

/**
 * A fan chart of one count over the months of a forecast: the 90% interval (p05 to p95) as a light
 * band, the 50% interval (p25 to p75) as a darker band, and the median as a line.
 *
 * <p>The month axis is labelled with the months after the start and their dates; the count axis has
 * round ticks from 0.
 */
final class FanChart {

  private static final double WIDTH = 400;
  private static final double HEIGHT = 230;
  private static final double LEFT = 52;
  private static final double RIGHT = 24;
  private static final double TOP = 12;
  private static final double BOTTOM = 42;
  private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120};

  private FanChart() {}

  /**
   * The SVG of one series.
   *
   * @param title what the series counts, for the accessible title
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
    Ticks ticks = Ticks.counts(max, 4);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double xScale = plotW / Math.max(1, months);
    double yScale = plotH / ticks.top();
    Svg svg = new Svg(WIDTH, HEIGHT, "fan", title + ": median, 50% and 90% intervals by month");

    for (int i = 0; i <= ticks.count(); i++) {
      double value = i * ticks.step();
      double y = TOP + plotH - value * yScale;
      svg.line(LEFT, y, LEFT + plotW, y, i == 0 ? "axis" : "grid");
      svg.text(LEFT - 6, y + 3.5, "end", "tick", Fmt.count(value));
    }
    int step = monthStep(months);
    for (int m = 0; m <= months; m += step) {
      double x = LEFT + m * xScale;
      svg.line(x, TOP + plotH, x, TOP + plotH + 4, "axis");
      svg.text(x, TOP + plotH + 16, "middle", "tick", m == 0 ? "start" : "+" + m);
      svg.text(x, TOP + plotH + 28, "middle", "tick date", Fmt.month(start.plusMonths(m)));
    }

    svg.path(
        band(series, xScale, yScale, true), "fill=\"" + colour + "\" fill-opacity=\"0.2\"", null);
    svg.path(
        band(series, xScale, yScale, false), "fill=\"" + colour + "\" fill-opacity=\"0.4\"", null);
    StringBuilder median = new StringBuilder();
    for (int m = 0; m <= months; m++) {
      median.append(m == 0 ? 'M' : 'L').append(point(m, series[m].p50(), xScale, yScale));
    }
    svg.path(
        median.toString(),
        "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" stroke-linejoin=\"round\"",
        null);
    Statistic last = series[months];
    svg.circle(LEFT + months * xScale, y(last.p50(), yScale), 3, colour);
    return svg.finish();
  }

  /** The smallest step of the month axis that gives at most six intervals. */
  static int monthStep(int months) {
    for (int s : MONTH_STEPS) {
      if (months <= 6 * s) {
        return s;
      }
    }
    return MONTH_STEPS[MONTH_STEPS.length - 1];
  }

  private static String band(Statistic[] series, double xScale, double yScale, boolean outer) {
    StringBuilder d = new StringBuilder();
    int months = series.length - 1;
    for (int m = 0; m <= months; m++) {
      int upper = outer ? series[m].p95() : series[m].p75();
      d.append(m == 0 ? 'M' : 'L').append(point(m, upper, xScale, yScale));
    }
    for (int m = months; m >= 0; m--) {
      int lower = outer ? series[m].p05() : series[m].p25();
      d.append('L').append(point(m, lower, xScale, yScale));
    }
    return d.append('Z').toString();
  }

  private static String point(int month, double value, double xScale, double yScale) {
    return Svg.px(LEFT + month * xScale) + "," + Svg.px(y(value, yScale));
  }

  private static double y(double value, double yScale) {
    return HEIGHT - BOTTOM - value * yScale;
  }
}
