package org.dispersal.output.report;

import org.dispersal.ensemble.CompositeState;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.State;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.Page;

/** The small multiples of fan charts, one per state, world scope and all people. */
final class Trajectories {

  private Trajectories() {}

  /** The grid of figures with a shared legend. */
  static String section(ReportData data, Page page) {
    int horizon = data.horizon();
    StringBuilder h = new StringBuilder();
    h.append("<p class=\"legend\"><span class=\"key band90\"></span>90% interval")
        .append("<span class=\"key band50\"></span>50% interval")
        .append("<span class=\"key line\"></span>median")
        .append("<span class=\"note\">Each chart has its own vertical scale.</span></p>")
        .append("<div class=\"fans\">");
    for (State state : Palette.ORDER) {
      Statistic[] series = new Statistic[horizon + 1];
      for (int m = 0; m <= horizon; m++) {
        series[m] = data.world(m, state);
      }
      Statistic last = series[horizon];
      h.append("<figure class=\"fan-figure\"><figcaption><span class=\"fan-title\">")
          .append(Overview.badge(state, page))
          .append(Html.esc(Palette.label(state)))
          .append("</span><span class=\"fan-last\">+")
          .append(horizon)
          .append(": <strong>")
          .append(Fmt.count(last.p50()))
          .append("</strong> <span class=\"ci\">(")
          .append(Fmt.interval(last))
          .append(")</span></span></figcaption>")
          .append(
              FanChart.svg(
                  Palette.label(state), Palette.colour(state), data.scenario().start(), series))
          .append("</figure>");
    }
    Statistic[] born = new Statistic[horizon + 1];
    for (int m = 0; m <= horizon; m++) {
      born[m] = data.world(m, CompositeState.BORN_IN_TERRITORY);
    }
    String label = CompositeState.BORN_IN_TERRITORY.label();
    h.append("<figure class=\"fan-figure\"><figcaption><span class=\"fan-title\">")
        .append(Html.esc(label))
        .append(" (minors)</span><span class=\"fan-last\">+")
        .append(horizon)
        .append(": <strong>")
        .append(Fmt.count(born[horizon].p50()))
        .append("</strong> <span class=\"ci\">(")
        .append(Fmt.interval(born[horizon]))
        .append(")</span></span></figcaption>")
        .append(FanChart.svg(label, Palette.colour(State.IN_CAMP), data.scenario().start(), born))
        .append("</figure>");
    return h.append("</div>").toString();
  }
}
