package org.dispersal.output.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.dispersal.ensemble.CompositeState;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Scope;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.State;
import org.dispersal.output.text.Json;

/**
 * A country's trajectories, shown when its name is clicked in the origins table (issue #16, finding
 * 2): fan charts of its main states over the months, drawn in the browser from data embedded in the
 * report's one inline script, so the page stays self-contained and the script's hash in the CSP
 * sidecar covers the data too.
 *
 * <p>The data ({@link #data}) is, per origin scope id, its name and, per series that is non-zero in
 * some month, five arrays over months 0 to the horizon: p05, p25, p50, p75 and p95.
 */
final class OriginTrajectories {

  /** The states charted per origin, after those who came home after the start. */
  static final List<State> STATES =
      List.of(
          State.DISENGAGED,
          State.PROSECUTED,
          State.INSURGENT,
          State.OTHER_GROUP,
          State.RELOCATED,
          State.DISPATCHED,
          State.KILLED,
          State.DETAINED,
          State.IN_CAMP,
          State.IN_THEATRE);

  /** The colour of the came-home-after-the-start series. */
  static final String RETURNED_AFTER_START_COLOUR = "#4f6f8f";

  private OriginTrajectories() {}

  /** The data the script draws from. */
  static ObjectNode data(ReportData data) {
    EnsembleSummary summary = data.summary();
    int horizon = data.horizon();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("start", data.scenario().start().toString());
    root.put("months", horizon);
    ArrayNode series = root.putArray("series");
    ObjectNode after = series.addObject();
    after.put("id", CompositeState.RETURNED_AFTER_START.id());
    after.put("label", CompositeState.RETURNED_AFTER_START.label());
    after.put("colour", RETURNED_AFTER_START_COLOUR);
    for (State s : STATES) {
      ObjectNode o = series.addObject();
      o.put("id", s.id());
      o.put("label", Palette.label(s));
      o.put("colour", Palette.colour(s));
    }
    ObjectNode origins = root.putObject("origins");
    List<Scope> scopes = summary.scopes();
    for (int scope : data.scopesOfKind(Scope.COUNTRY, Scope.UNALLOCATED)) {
      Scope sc = scopes.get(scope);
      ObjectNode origin = origins.putObject(sc.id());
      origin.put("name", sc.name() == null || sc.name().isBlank() ? sc.id() : sc.name());
      ObjectNode bySeries = origin.putObject("series");
      put(
          bySeries,
          CompositeState.RETURNED_AFTER_START.id(),
          horizon,
          m -> summary.statistic(m, scope, 0, CompositeState.RETURNED_AFTER_START));
      for (State s : STATES) {
        put(bySeries, s.id(), horizon, m -> summary.statistic(m, scope, 0, s));
      }
    }
    return root;
  }

  private static void put(
      ObjectNode bySeries, String id, int horizon, java.util.function.IntFunction<Statistic> at) {
    Statistic[] st = new Statistic[horizon + 1];
    boolean any = false;
    for (int m = 0; m <= horizon; m++) {
      st[m] = at.apply(m);
      any |= st[m].p95() > 0;
    }
    if (!any) {
      return;
    }
    ArrayNode quantiles = bySeries.putArray(id);
    ArrayNode p05 = quantiles.addArray();
    ArrayNode p25 = quantiles.addArray();
    ArrayNode p50 = quantiles.addArray();
    ArrayNode p75 = quantiles.addArray();
    ArrayNode p95 = quantiles.addArray();
    for (Statistic s : st) {
      p05.add(s.p05());
      p25.add(s.p25());
      p50.add(s.p50());
      p75.add(s.p75());
      p95.add(s.p95());
    }
  }

  /** The script: the data, then the code that draws an origin's fan charts when it is clicked. */
  static String script(ReportData data) {
    try {
      // The mapper writes <, > and & as unicode escapes, so the data cannot close the script.
      return "var DISPERSAL_ORIGINS = " + Json.MAPPER.writeValueAsString(data(data)) + ";\n" + CODE;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the trajectory data is always writable", e);
    }
  }

  /** The panel the charts are drawn into, hidden until an origin is clicked. */
  static String panel() {
    return "<section id=\"origin-trajectory\" class=\"origin-trajectory\" hidden"
        + " aria-live=\"polite\"></section>";
  }

  private static final String CODE =
      """
      (function () {
        var data = DISPERSAL_ORIGINS;
        var panel = document.getElementById('origin-trajectory');
        if (!panel) { return; }
        // The SVG namespace, read from a chart the page already has (no URL in the report).
        var drawn = document.querySelector('svg');
        if (!drawn) { return; }
        var NS = drawn.namespaceURI;
        var W = 400, H = 230, L = 52, R = 24, T = 12, B = 42;
        var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
          'Nov', 'Dec'];
        var startYear = parseInt(data.start.substring(0, 4), 10);
        var startMonth = parseInt(data.start.substring(5, 7), 10) - 1;
        function fmt(n) {
          return String(Math.round(n)).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
        }
        function date(m) {
          var k = startMonth + m;
          return MONTHS[k % 12] + ' ' + (startYear + Math.floor(k / 12));
        }
        function el(name, attrs, parent) {
          var e = document.createElementNS(NS, name);
          Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
          if (parent) { parent.appendChild(e); }
          return e;
        }
        function text(parent, x, y, anchor, cls, s) {
          var t = el('text', {x: x, y: y, 'text-anchor': anchor, 'class': cls}, parent);
          t.textContent = s;
        }
        function niceStep(max) {
          var raw = Math.max(max, 1) / 4;
          var p = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
          var steps = [1, 2, 2.5, 5, 10];
          for (var i = 0; i < steps.length; i++) {
            if (steps[i] * p >= raw) { return Math.max(1, steps[i] * p); }
          }
          return 10 * p;
        }
        function chart(label, colour, q) {
          var months = data.months;
          var max = Math.max.apply(null, q[4]);
          var step = niceStep(max);
          var top = Math.max(step, Math.ceil(max / step) * step);
          var pw = W - L - R, ph = H - T - B;
          var xs = pw / Math.max(1, months), ys = ph / top;
          var svg = el('svg', {'class': 'chart fan', viewBox: '0 0 ' + W + ' ' + H,
            role: 'img', 'aria-label': label + ': median, 50% and 90% intervals by month'});
          for (var v = 0; v <= top + 1e-9; v += step) {
            var y = T + ph - v * ys;
            el('line', {x1: L, y1: y, x2: L + pw, y2: y, 'class': v === 0 ? 'axis' : 'grid'}, svg);
            text(svg, L - 6, y + 3.5, 'end', 'tick', fmt(v));
          }
          var ms = months <= 6 ? 1 : months <= 12 ? 2 : months <= 18 ? 3 : months <= 36 ? 6 : 12;
          for (var m = 0; m <= months; m += ms) {
            var x = L + m * xs;
            el('line', {x1: x, y1: T + ph, x2: x, y2: T + ph + 4, 'class': 'axis'}, svg);
            text(svg, x, T + ph + 16, 'middle', 'tick', m === 0 ? 'start' : '+' + m);
            text(svg, x, T + ph + 28, 'middle', 'tick date', date(m));
          }
          function px(m, v) { return (L + m * xs).toFixed(1) + ',' + (T + ph - v * ys).toFixed(1); }
          function band(hi, lo) {
            var d = '';
            for (var m = 0; m <= months; m++) { d += (m === 0 ? 'M' : 'L') + px(m, hi[m]); }
            for (var k = months; k >= 0; k--) { d += 'L' + px(k, lo[k]); }
            return d + 'Z';
          }
          el('path', {d: band(q[4], q[0]), fill: colour, 'fill-opacity': '0.2'}, svg);
          el('path', {d: band(q[3], q[1]), fill: colour, 'fill-opacity': '0.4'}, svg);
          var line = '';
          for (var j = 0; j <= months; j++) { line += (j === 0 ? 'M' : 'L') + px(j, q[2][j]); }
          el('path', {d: line, fill: 'none', stroke: colour, 'stroke-width': '2',
            'stroke-linejoin': 'round'}, svg);
          return svg;
        }
        function show(id) {
          var origin = data.origins[id];
          if (!origin) { return; }
          panel.textContent = '';
          var head = document.createElement('h3');
          head.textContent = origin.name + ' (' + id + '): trajectories';
          panel.appendChild(head);
          var close = document.createElement('button');
          close.type = 'button';
          close.className = 'close-trajectory';
          close.textContent = 'Close';
          close.addEventListener('click', function () { panel.hidden = true; });
          panel.appendChild(close);
          var note = document.createElement('p');
          note.className = 'legend';
          note.textContent = 'Median (line), 50% and 90% intervals (bands) over the replications,'
            + ' month by month; each chart has its own vertical scale. States that are zero in'
            + ' every replication are left out.';
          panel.appendChild(note);
          var grid = document.createElement('div');
          grid.className = 'fans';
          data.series.forEach(function (s) {
            var q = origin.series[s.id];
            if (!q) { return; }
            var fig = document.createElement('figure');
            fig.className = 'fan-figure';
            var cap = document.createElement('figcaption');
            var title = document.createElement('span');
            title.className = 'fan-title';
            title.textContent = s.label;
            var last = document.createElement('span');
            last.className = 'fan-last';
            last.textContent = '+' + data.months + ': ' + fmt(q[2][data.months]) + ' ('
              + fmt(q[0][data.months]) + '\\u2013' + fmt(q[4][data.months]) + ')';
            cap.appendChild(title);
            cap.appendChild(last);
            fig.appendChild(cap);
            fig.appendChild(chart(origin.name + ', ' + s.label, s.colour, q));
            grid.appendChild(fig);
          });
          panel.appendChild(grid);
          panel.hidden = false;
          panel.scrollIntoView({block: 'start'});
        }
        Array.prototype.forEach.call(document.querySelectorAll('button.origin-link'),
          function (b) {
            b.addEventListener('click', function () { show(b.getAttribute('data-origin')); });
          });
      })();
      """;
}
