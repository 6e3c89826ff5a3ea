package org.dispersal.output.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dispersal.ensemble.Scope;
import org.dispersal.model.State;
import org.dispersal.output.page.Svg;
import org.dispersal.output.report.ReportData.Destination;
import org.dispersal.output.report.SankeyLayout.Link;
import org.dispersal.output.report.SankeyLayout.Node;

/**
 * The flow diagram of the report: origin regions on the left, the state everyone is in at the
 * horizon in the middle, and on the right the third theatres of those who relocated and the
 * destination countries of dispatched operatives. Values are ensemble means, which add up across
 * regions and destinations where medians would not.
 */
final class FlowDiagram {

  /** Destination countries of operatives shown one by one; the rest are pooled. */
  private static final int COUNTRIES_SHOWN = 7;

  private static final double WIDTH = 1140;
  private static final double BAND = 600;
  private static final double TOP = 50;
  private static final double NODE_WIDTH = 14;
  private static final double[] COLUMN_X = {190, 520, 790};

  /** Font sizes of a node's label and its value ({@code node-label} in the style sheet). */
  private static final double LABEL_FONT = 12.5;

  private static final double VALUE_FONT = 11.5;

  /** Space between a node and its label. */
  private static final double LABEL_GAP = 6;

  private static final double MIN_BAND = 0.7;
  private static final String THEATRES = "Third theatres";
  private static final String COUNTRIES = "Operatives' destinations";
  private static final List<State> OPERATIVE_STATES =
      List.of(State.DISPATCHED, State.ARRESTED, State.ATTACK);

  private FlowDiagram() {}

  /** The SVG of the diagram at the horizon. */
  static String svg(ReportData data) {
    int month = data.horizon();
    SankeyLayout layout = new SankeyLayout();
    List<Scope> scopes = data.summary().scopes();
    List<Integer> regionScopes = data.scopesOfKind(Scope.REGION);
    List<Node> regions = new ArrayList<>();
    for (int s : regionScopes) {
      regions.add(layout.node(0, "", scopes.get(s).name(), Palette.REGION));
    }
    Map<State, Node> states = new LinkedHashMap<>();
    for (State state : Palette.ORDER) {
      states.put(state, layout.node(1, "", Palette.label(state), Palette.colour(state)));
    }
    for (int r = 0; r < regionScopes.size(); r++) {
      for (State state : Palette.ORDER) {
        double mean = data.scope(month, regionScopes.get(r), state).mean();
        layout.link(
            regions.get(r),
            states.get(state),
            mean,
            Palette.colour(state),
            scopes.get(regionScopes.get(r)).name()
                + " \u2192 "
                + Palette.label(state)
                + ": "
                + Fmt.count(mean));
      }
    }
    for (Destination d : data.destinations(State.RELOCATED)) {
      double mean = data.world(month, d.key()).mean();
      Node theatre = layout.node(2, THEATRES, d.name(), Palette.colour(State.RELOCATED));
      link(layout, states.get(State.RELOCATED), theatre, State.RELOCATED, mean);
    }
    operativeDestinations(data, layout, states);
    layout.magnify(2);
    layout.layout(BAND);
    return render(layout, data);
  }

  /** Adds the destination countries of pathway 5, the largest first, the rest pooled. */
  private static void operativeDestinations(
      ReportData data, SankeyLayout layout, Map<State, Node> states) {
    int month = data.horizon();
    Map<String, double[]> byCountry = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < OPERATIVE_STATES.size(); i++) {
      State state = OPERATIVE_STATES.get(i);
      for (Destination d : data.destinations(state)) {
        byCountry.computeIfAbsent(d.id(), k -> new double[OPERATIVE_STATES.size()])[i] +=
            data.world(month, d.key()).mean();
        names.put(d.id(), d.name());
      }
    }
    byCountry.values().removeIf(v -> sum(v) <= 0);
    List<String> ranked = new ArrayList<>(byCountry.keySet());
    ranked.sort(Comparator.comparingDouble((String c) -> -sum(byCountry.get(c))));
    double[] rest = new double[OPERATIVE_STATES.size()];
    for (int c = 0; c < ranked.size(); c++) {
      double[] values = byCountry.get(ranked.get(c));
      if (c < COUNTRIES_SHOWN || ranked.size() == COUNTRIES_SHOWN + 1) {
        Node country =
            layout.node(2, COUNTRIES, names.get(ranked.get(c)), Palette.colour(State.DISPATCHED));
        for (int i = 0; i < values.length; i++) {
          State state = OPERATIVE_STATES.get(i);
          link(layout, states.get(state), country, state, values[i]);
        }
      } else {
        for (int i = 0; i < values.length; i++) {
          rest[i] += values[i];
        }
      }
    }
    if (sum(rest) > 0) {
      int others = ranked.size() - COUNTRIES_SHOWN;
      Node pooled =
          layout.node(2, COUNTRIES, others + " other countries", Palette.colour(State.DISPATCHED));
      for (int i = 0; i < rest.length; i++) {
        State state = OPERATIVE_STATES.get(i);
        link(layout, states.get(state), pooled, state, rest[i]);
      }
    }
  }

  private static void link(SankeyLayout layout, Node from, Node to, State state, double mean) {
    layout.link(
        from,
        to,
        mean,
        Palette.colour(state),
        Palette.label(state) + " \u2192 " + to.label + ": " + Fmt.count(mean));
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  private static String render(SankeyLayout layout, ReportData data) {
    double height = TOP + BAND + 8;
    Svg svg =
        new Svg(
            WIDTH,
            height,
            "flow",
            "Flows from origin regions to states at +"
                + data.horizon()
                + " months and on to destinations");
    svg.text(COLUMN_X[0] + NODE_WIDTH, 14, "end", "column-head", "Origin region");
    svg.text(
        COLUMN_X[1],
        14,
        "start",
        "column-head",
        "State at +"
            + data.horizon()
            + " months ("
            + Fmt.month(data.scenario().start().plusMonths(data.horizon()))
            + ")");
    if (layout.nodes().stream().anyMatch(n -> n.column == 2)) {
      double zoom = layout.magnification(2);
      svg.text(
          COLUMN_X[2],
          14,
          "start",
          "column-head",
          zoom > 1 ? "Destination, drawn \u00d7" + Fmt.count(zoom) : "Destination");
    }
    for (Link l : layout.links()) {
      svg.path(band(l), "class=\"band\" fill=\"" + l.colour + "\"", l.tooltip);
    }
    String group = "";
    for (Node n : layout.nodes()) {
      double x = COLUMN_X[n.column];
      double y = TOP + n.y;
      if (n.column == 2 && !n.group.equals(group)) {
        svg.text(x, TOP + n.slotTop - 8, "start", "group-head", n.group);
        group = n.group;
      }
      svg.rect(x, y, NODE_WIDTH, n.height, n.colour, n.label + ": " + Fmt.count(n.value));
      // Each label gets the room up to the edge of the drawing (the left margin for the origins)
      // or the next column, measured; a longer one ends in an ellipsis rather than leaving it.
      String value = Fmt.count(n.value);
      double room =
          n.column == 0
              ? x - LABEL_GAP
              : (n.column + 1 < COLUMN_X.length ? COLUMN_X[n.column + 1] : WIDTH)
                  - (x + NODE_WIDTH + LABEL_GAP);
      String label = shorten(n.label, room - Svg.textWidth(" " + value, VALUE_FONT));
      double baseline = TOP + n.centre() + 4;
      if (n.column == 0) {
        svg.label(x - LABEL_GAP, baseline, "end", label, value);
      } else {
        svg.label(x + NODE_WIDTH + LABEL_GAP, baseline, "start", label, value);
      }
    }
    return svg.finish();
  }

  /**
   * The outline of a band: cubic Bezier edges from the source to the target end, each end at least
   * {@link #MIN_BAND} wide so that the thinnest flows stay visible.
   */
  private static String band(Link l) {
    double x0 = COLUMN_X[l.source.column] + NODE_WIDTH;
    double x1 = COLUMN_X[l.target.column];
    double xm = (x0 + x1) / 2;
    double sw = Math.max(MIN_BAND, l.sourceWidth);
    double tw = Math.max(MIN_BAND, l.targetWidth);
    double s0 = TOP + l.sourceY + (l.sourceWidth - sw) / 2;
    double t0 = TOP + l.targetY + (l.targetWidth - tw) / 2;
    String a = Svg.px(x0);
    String b = Svg.px(xm);
    String c = Svg.px(x1);
    String sTop = Svg.px(s0);
    String sBottom = Svg.px(s0 + sw);
    String tTop = Svg.px(t0);
    String tBottom = Svg.px(t0 + tw);
    return String.format(
        Locale.ROOT,
        "M%s,%sC%s,%s %s,%s %s,%sV%sC%s,%s %s,%s %s,%sZ",
        a,
        sTop,
        b,
        sTop,
        b,
        tTop,
        c,
        tTop,
        tBottom,
        b,
        tBottom,
        b,
        sBottom,
        a,
        sBottom);
  }

  /** The label, or as much of it as fits in {@code room} followed by an ellipsis. */
  private static String shorten(String label, double room) {
    if (Svg.textWidth(label, LABEL_FONT) <= room) {
      return label;
    }
    int keep = label.length() - 1;
    while (keep > 1 && Svg.textWidth(label.substring(0, keep) + "\u2026", LABEL_FONT) > room) {
      keep--;
    }
    return label.substring(0, keep).strip() + "\u2026";
  }
}
