package org.dispersal.output.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.dispersal.ensemble.CompositeState;
import org.dispersal.ensemble.Scope;
import org.dispersal.ensemble.Statistic;
import org.dispersal.model.Origin;
import org.dispersal.model.Region;
import org.dispersal.model.State;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.Page;

/**
 * The table of origins: every country and unallocated remainder with how many travelled and the
 * median and 90% interval of each pathway, killed, detained, held in camps and the children born in
 * the territory at the horizon, largest first. A small script adds a filter box and sorting by any
 * column; without it the table reads in its printed order. An origin's name is a button that shows
 * its trajectories ({@link OriginTrajectories}).
 */
final class OriginTable {

  /** The states shown per origin, after the number who travelled. */
  private static final List<State> COLUMNS =
      Palette.pathwaysThen(State.KILLED, State.DETAINED, State.IN_CAMP);

  /** The script for filtering and sorting, inline so the report works offline. */
  static final String SCRIPT =
      """
      (function () {
        var table = document.getElementById('origins');
        var filter = document.getElementById('origin-filter');
        if (!table || !filter) { return; }
        var body = table.tBodies[0];
        filter.hidden = false;
        filter.addEventListener('input', function () {
          var q = filter.value.trim().toLowerCase();
          Array.prototype.forEach.call(body.rows, function (row) {
            row.hidden = q !== '' && row.textContent.toLowerCase().indexOf(q) < 0;
          });
        });
        var heads = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads, function (th, col) {
          th.tabIndex = 0;
          th.classList.add('sortable');
          var sort = function () {
            var numeric = th.getAttribute('data-type') === 'num';
            var state = th.getAttribute('aria-sort');
            var asc = state === 'descending' ? true : state === 'ascending' ? false : !numeric;
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[col].getAttribute('data-v');
              var y = b.cells[col].getAttribute('data-v');
              var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
              return asc ? c : -c;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
          };
          th.addEventListener('click', sort);
          th.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
          });
        });
      })();
      """;

  private record Row(int scope, Origin origin, double travelled) {}

  private OriginTable() {}

  /** The filter box and the table. */
  static String section(ReportData data, Page page) {
    int horizon = data.horizon();
    List<Row> rows = new ArrayList<>();
    List<Scope> scopes = data.summary().scopes();
    for (int s : data.scopesOfKind(Scope.COUNTRY, Scope.UNALLOCATED)) {
      rows.add(new Row(s, data.origin(scopes.get(s)), data.total(0, s)));
    }
    rows.sort(Comparator.comparingDouble((Row r) -> -r.travelled()));
    StringBuilder h = new StringBuilder();
    h.append("<input id=\"origin-filter\" class=\"filter\" type=\"search\" hidden")
        .append(" placeholder=\"Filter by country, code or region\"")
        .append(" aria-label=\"Filter the origins table\">")
        .append("<div class=\"table-wrap\"><table id=\"origins\" class=\"data origins\"><caption>")
        .append(rows.size())
        .append(" origins. Travelled: mean count at the start. Other columns: median at +")
        .append(horizon)
        .append(" months (")
        .append(Fmt.month(data.scenario().start().plusMonths(horizon)))
        .append(") with its 90% interval beneath. Click an origin's name for its trajectories")
        .append(" month by month.</caption><thead><tr>")
        .append("<th scope=\"col\" data-type=\"text\">Origin</th>")
        .append("<th scope=\"col\" data-type=\"text\">Region</th>")
        .append("<th scope=\"col\" data-type=\"num\" class=\"num\">Travelled</th>");
    for (State state : COLUMNS) {
      h.append(Overview.stateHeader(state, page, " data-type=\"num\""));
    }
    h.append("<th scope=\"col\" data-type=\"num\" class=\"num\" title=\"")
        .append(Html.esc(CompositeState.BORN_IN_TERRITORY.label()))
        .append("\">Born</th>");
    h.append("</tr></thead><tbody>");
    String link =
        page.style(
            "font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;"
                + "text-align:left;text-decoration:underline dotted;text-underline-offset:3px");
    for (Row r : rows) {
      Origin o = r.origin();
      Region region = data.scenario().region(o.region());
      String regionName = region == null ? o.region() : region.name();
      String name = o.name() == null || o.name().isBlank() ? o.id() : o.name();
      h.append(o.remainder() ? "<tr class=\"unallocated\">" : "<tr>")
          .append("<th scope=\"row\" data-v=\"")
          .append(Html.esc(name.toLowerCase(Locale.ROOT)))
          .append("\"><button type=\"button\" class=\"origin-link\" data-origin=\"")
          .append(Html.esc(o.id()))
          .append("\" title=\"Show the trajectories of ")
          .append(Html.esc(name))
          .append("\"")
          .append(link)
          .append(">")
          .append(Html.esc(name))
          .append("</button> <span class=\"code\">")
          .append(Html.esc(o.id()))
          .append("</span>");
      if (o.remainder()) {
        h.append(" <span class=\"flag\" title=\"people counted in regional or world totals but")
            .append(" by no country figure\">unallocated</span>");
      } else if (!o.country()) {
        h.append(" <span class=\"flag\" title=\"an origin the scenario names that is not a")
            .append(" country\">group</span>");
      }
      h.append("</th><td class=\"region\" data-v=\"")
          .append(Html.esc(regionName.toLowerCase(Locale.ROOT)))
          .append("\">")
          .append(Html.esc(regionName))
          .append("</td><td class=\"num\" data-v=\"")
          .append(Math.round(r.travelled()))
          .append("\" title=\"source figure ")
          .append(range(o))
          .append("\">")
          .append(Fmt.count(r.travelled()))
          .append("</td>");
      for (State state : COLUMNS) {
        Statistic s = data.scope(horizon, r.scope(), state);
        h.append("<td class=\"num\" data-v=\"")
            .append(s.p50())
            .append("\">")
            .append(Breakdowns.medianAndInterval(s))
            .append("</td>");
      }
      Statistic born =
          data.summary().statistic(horizon, r.scope(), 0, CompositeState.BORN_IN_TERRITORY);
      h.append("<td class=\"num\" data-v=\"")
          .append(born.p50())
          .append("\">")
          .append(Breakdowns.medianAndInterval(born))
          .append("</td>");
      h.append("</tr>");
    }
    return h.append("</tbody></table></div>").toString();
  }

  private static String range(Origin o) {
    if (o.travelled().low() == o.travelled().high()) {
      return Fmt.count(o.travelled().low());
    }
    return Fmt.count(o.travelled().low()) + "\u2013" + Fmt.count(o.travelled().high());
  }
}
