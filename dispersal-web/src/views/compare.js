// Comparison of two comparable forecasts at one month: each run's median with its 90% range side
// by side, and what may be said of the difference: when the server paired the runs (same seed,
// replications and per-replication values), the median and 90% interval of the paired differences,
// in the table and in a chart of their own; otherwise the difference of the medians, named as such. Run B is chosen among the runs the
// server finds comparable with run A (same start month and horizon, forecasts with replications).

import { api } from '../api.js';
import { drawChart } from '../charts/draw.js';
import { comparisonOption } from '../charts/options.js';
import { field, h, liveRegion, replace } from '../dom.js';
import { differenceText, differenceVerdict, pairedChartRows, pairingNote, partnerChoices, partnerLabel } from '../data/compare.js';
import { comparableRuns, comparisonRows, formatInterval } from '../data/shape.js';

/** Renders the comparison form and, when two runs are chosen, their comparison. */
export async function renderCompare(view, ctx, query) {
  const runs = comparableRuns(await api.runs());
  const runName = (r) => `#${r.id} ${r.scenarioName} (${r.replications} replications)`;
  const a = h(
    'select',
    { name: 'a', required: true },
    runs.map((r) => h('option', { value: String(r.id), selected: String(r.id) === String(query.a || (runs[1] && runs[1].id)) }, runName(r))),
  );
  const b = h('select', { name: 'b', required: true });
  const month = h('input', { type: 'number', name: 'month', min: '0', step: '1', value: query.month || '12', required: true });
  const status = liveRegion();
  const out = h('div', { id: 'comparison' });
  const button = h('button', { type: 'submit', id: 'compare-button' }, 'Compare');

  // Run B: the runs comparable with run A, asked for again whenever A changes. The choice made so
  // far is kept when it is still comparable.
  let asked = 0;
  const fillPartners = async (keep) => {
    const ticket = ++asked;
    b.setAttribute('aria-busy', 'true');
    let candidates = [];
    try {
      candidates = a.value ? await api.compareCandidates(a.value) : [];
    } catch (error) {
      if (error.status !== 404 && error.status !== 409 && error.status !== 422) throw error;
    }
    if (ticket !== asked) return;
    b.removeAttribute('aria-busy');
    const { options, chosen } = partnerChoices(candidates, keep ?? b.value);
    replace(b, options.map((c) => h('option', { value: String(c.id), selected: c.id === chosen }, partnerLabel(c))));
    button.disabled = !options.length;
    status.textContent = options.length ? '' : 'No other finished forecast has the same start and horizon as run A.';
    const horizon = options.find((c) => c.months);
    if (horizon) month.max = String(horizon.months);
  };
  a.addEventListener('change', () => fillPartners());

  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: (event) => {
        event.preventDefault();
        if (!b.value) return;
        ctx.go(['compare'], { a: a.value, b: b.value, month: month.value });
      },
    },
    h('div', { class: 'row' }, field('Run A', a), field('Run B (same start and horizon as A)', b), field('Month', month)),
    button,
    status,
  );
  replace(
    view,
    h('h1', {}, 'Compare two runs'),
    h(
      'p',
      {},
      'Two forecasts that start at the same month and run for the same number of months, side by side: each median with the range that holds 90% of its runs.',
    ),
    runs.length < 2 ? h('p', { class: 'notice' }, 'At least two finished forecasts are needed.') : form,
    out,
  );
  if (runs.length >= 2) await fillPartners(query.b || null);
  if (!query.a || !query.b) return;

  let result;
  try {
    result = await api.compare(query.a, query.b, query.month || 12);
  } catch (error) {
    if (error.status === 404) {
      // A run that was deleted, or that only another team can see: the server says "no run 12".
      replace(out, h('p', { class: 'notice', id: 'compare-not-found' }, `Not compared: ${error.message}. It may have been deleted, or be visible only to a team you are not in.`));
      return;
    }
    if (error.status === 400 || error.status === 409 || error.status === 422) {
      replace(out, h('p', { class: 'notice', id: 'compare-refused' }, `Not compared: ${error.message}.`));
      return;
    }
    throw error;
  }
  const rows = comparisonRows(result.rows, ctx.states);
  const nameOf = (id) => {
    const r = runs.find((x) => String(x.id) === String(id));
    return r ? `#${r.id} ${r.scenarioName}` : `#${id}`;
  };
  const note = pairingNote(result);
  const world = rows.filter((r) => r.scope === 'world');
  const chart = h('div', { class: 'chart chart-compare', role: 'img', 'aria-label': "Bar chart of the world medians of both runs with each run's 90% range; the same figures are in the table" });
  const pairedRows = note.paired ? pairedChartRows(rows) : [];
  const pairedChart = pairedRows.length
    ? h('div', {
        class: 'chart chart-compare',
        id: 'compare-paired-chart',
        role: 'img',
        'aria-label': 'The median and paired 90% interval of the differences B − A for each outcome of the world; the same figures are in the table',
      })
    : null;
  const place = (r) => (r.scope === 'world' ? 'World' : r.scopeId);
  const when = result.start ? `month ${result.month} of ${result.months} from ${result.start}` : `month ${result.month}`;
  replace(
    out,
    h(
      'div',
      { id: 'compare-charts' },
      h('h2', {}, `A: ${nameOf(query.a)} and B: ${nameOf(query.b)} at ${when}`),
      h('p', { class: note.paired ? 'note paired' : 'note', id: 'compare-pairing' }, note.text),
      h('h3', {}, 'Each run with its 90% range (world)'),
      chart,
      pairedChart ? h('h3', { id: 'compare-paired-title' }, 'The paired difference B − A, with its 90% interval (world)') : null,
      pairedChart,
    ),
    h(
      'table',
      { class: 'data', id: 'comparison-table' },
      h('caption', {}, note.caption),
      h(
        'thead',
        {},
        h('tr', {}, ['Where', 'Outcome', 'Run A', 'Run B', note.difference, note.verdict].map((t) => h('th', { scope: 'col' }, t))),
      ),
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
            h('td', { class: 'num' }, differenceText(r, note.paired)),
            h('td', {}, differenceVerdict(r, note.paired)),
          ),
        ),
      ),
    ),
  );
  drawChart(chart, comparisonOption(world, (s) => ctx.stateLabel(s), `A: ${nameOf(query.a)}`, `B: ${nameOf(query.b)}`));
  if (pairedChart) {
    // The interval chart's parts (custom series) live in the chunk of the run kinds' views.
    const { pairedDifferenceOption } = await import('../charts/kindOptions.js');
    drawChart(pairedChart, pairedDifferenceOption(pairedRows, (s) => ctx.stateLabel(s)));
  }
}
