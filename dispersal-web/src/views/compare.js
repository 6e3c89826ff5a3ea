// Comparison of two finished runs at one month: medians side by side and their difference.

import { api } from '../api.js';
import { drawChart } from '../charts/echarts.js';
import { comparisonOption } from '../charts/options.js';
import { field, h, liveRegion, replace } from '../dom.js';
import { comparableRuns, comparisonRows, formatDifference, formatInterval } from '../data/shape.js';

/** Renders the comparison form and, when two runs are chosen, their comparison. */
export async function renderCompare(view, ctx, query) {
  const runs = comparableRuns(await api.runs());
  const runName = (r) => `#${r.id} ${r.scenarioName} (${r.replications} replications)`;
  const select = (name, chosen) =>
    h('select', { name, required: true }, runs.map((r) => h('option', { value: String(r.id), selected: String(r.id) === String(chosen) }, runName(r))));
  const a = select('a', query.a || (runs[1] && runs[1].id));
  const b = select('b', query.b || (runs[0] && runs[0].id));
  const month = h('input', { type: 'number', name: 'month', min: '0', step: '1', value: query.month || '12', required: true });
  const status = liveRegion();
  const out = h('div', { id: 'comparison' });
  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: (event) => {
        event.preventDefault();
        ctx.go(['compare'], { a: a.value, b: b.value, month: month.value });
      },
    },
    h('div', { class: 'row' }, field('Run A', a), field('Run B', b), field('Month', month)),
    h('button', { type: 'submit', id: 'compare-button' }, 'Compare'),
    status,
  );
  replace(
    view,
    h('h1', {}, 'Compare two runs'),
    h('p', {}, 'Medians across runs with their 90% range, and how far run B is from run A.'),
    runs.length < 2 ? h('p', { class: 'notice' }, 'At least two finished runs are needed.') : form,
    out,
  );
  if (!query.a || !query.b) return;

  let result;
  try {
    result = await api.compare(query.a, query.b, query.month || 12);
  } catch (error) {
    if (error.status !== 404) throw error;
    // A run that was deleted, or that only another team can see: the server says "no run 12".
    replace(out, h('p', { class: 'notice', id: 'compare-not-found' }, `Not compared: ${error.message}. It may have been deleted, or be visible only to a team you are not in.`));
    return;
  }
  const rows = comparisonRows(result.rows, ctx.states);
  const nameOf = (id) => {
    const r = runs.find((x) => String(x.id) === String(id));
    return r ? `#${r.id} ${r.scenarioName}` : `#${id}`;
  };
  const world = rows.filter((r) => r.scope === 'world');
  const chart = h('div', { class: 'chart chart-tall', role: 'img', 'aria-label': 'Bar chart of the world medians of both runs; the same figures are in the table' });
  const place = (r) => (r.scope === 'world' ? 'World' : r.scopeId);
  replace(
    out,
    h('h2', {}, `${nameOf(query.a)} and ${nameOf(query.b)} at month ${result.month}`),
    chart,
    h(
      'table',
      { class: 'data', id: 'comparison-table' },
      h('caption', {}, 'Medians with 90% range; difference = median of B minus median of A'),
      h('thead', {}, h('tr', {}, ['Where', 'Outcome', 'Run A', 'Run B', 'Difference'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            h('td', {}, place(r)),
            h('td', {}, ctx.stateLabel(r.state)),
            h('td', { class: 'num' }, formatInterval(r.a.p50, r.a.p05, r.a.p95)),
            h('td', { class: 'num' }, formatInterval(r.b.p50, r.b.p05, r.b.p95)),
            h('td', { class: 'num' }, formatDifference(r.diffMedian)),
          ),
        ),
      ),
    ),
  );
  drawChart(chart, comparisonOption(world, (s) => ctx.stateLabel(s), `A: ${nameOf(query.a)}`, `B: ${nameOf(query.b)}`));
}
