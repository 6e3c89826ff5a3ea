// Pure data shaping: summary rows from the API in, chart-ready arrays out. No DOM, no fetch, so
// every function here is unit-tested (test/shape.test.js).

import { REGION_COLOUR, stateColour } from './palette.js';

/** Scope names that mean "one origin country" (the API says origin, summary.csv says country). */
export const ORIGIN_SCOPES = new Set(['origin', 'country']);

/** A row that is a state's total, not its split by destination. */
export function isStateTotal(row) {
  return row.destination === null || row.destination === undefined || row.destination === '';
}

function demographicOf(row) {
  return row.demographic || 'all';
}

/**
 * The months present in a set of rows with their calendar dates, in order. Rows that are zero in
 * every replication are left out by the server (except at world scope), so the month axis of a
 * country or region comes from all of its rows together, not from one state's rows.
 */
export function monthAxis(rows) {
  const dates = new Map();
  for (const row of rows) if (!dates.has(row.month)) dates.set(row.month, row.date);
  return [...dates.keys()].sort((a, b) => a - b).map((month) => ({ month, date: dates.get(month) }));
}

/**
 * The fan of one state over time: for each month of the axis, the 5th, 25th, 50th, 75th and 95th
 * percentiles of the number of people in that state across replications. Months without a row are
 * months where the state was empty in every replication, so they count as zero.
 */
export function fanSeries(rows, state, axis = monthAxis(rows), demographic = 'all') {
  const byMonth = new Map();
  for (const row of rows) {
    if (row.state === state && isStateTotal(row) && demographicOf(row) === demographic) {
      byMonth.set(row.month, row);
    }
  }
  const pick = (key) => axis.map(({ month }) => (byMonth.has(month) ? Number(byMonth.get(month)[key]) : 0));
  return {
    state,
    months: axis.map((a) => a.month),
    dates: axis.map((a) => a.date),
    p05: pick('p05'),
    p25: pick('p25'),
    p50: pick('p50'),
    p75: pick('p75'),
    p95: pick('p95'),
  };
}

/** True when a fan is zero everywhere (nobody ever in that state): such charts can be folded away. */
export function isEmptyFan(fan) {
  return fan.p95.every((v) => v === 0);
}

/**
 * The flow from origin regions to states at one month, for a Sankey diagram: one link per region and
 * state with the ensemble mean number of people (means add up, percentiles do not). Regions are
 * ordered by their total, states by the display order of `states`; nodes without a flow are dropped.
 * Each node carries its total (`value`) and its colour (states: the server's, the report's palette).
 */
export function flowData(rows, month, states) {
  const labelOf = new Map(states.map((s) => [s.id, s.label]));
  const totals = new Map();
  const links = [];
  for (const row of rows) {
    if (row.scope !== 'region' || row.month !== month || !isStateTotal(row)) continue;
    if (demographicOf(row) !== 'all' || !labelOf.has(row.state)) continue;
    const value = Number(row.mean);
    if (!(value > 0)) continue;
    links.push({ source: row.scopeId, target: labelOf.get(row.state), value, state: row.state });
    totals.set(row.scopeId, (totals.get(row.scopeId) || 0) + value);
  }
  const regions = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
  const used = new Set(links.map((l) => l.state));
  const stateNodes = states.filter((s) => used.has(s.id)).map((s) => s.label);
  links.sort(
    (a, b) =>
      regions.indexOf(a.source) - regions.indexOf(b.source) ||
      stateNodes.indexOf(a.target) - stateNodes.indexOf(b.target),
  );
  const stateTotals = new Map();
  for (const l of links) stateTotals.set(l.target, (stateTotals.get(l.target) || 0) + l.value);
  const colourOf = new Map(states.filter((s) => used.has(s.id)).map((s) => [s.label, stateColour(states, s.id)]));
  return {
    nodes: [
      ...regions.map((name) => ({ name, kind: 'region', value: totals.get(name), colour: REGION_COLOUR })),
      ...stateNodes.map((name) => ({ name, kind: 'state', value: stateTotals.get(name), colour: colourOf.get(name) })),
    ],
    links: links.map(({ source, target, value }) => ({ source, target, value })),
  };
}

/**
 * The value of one state at one month for each origin country (ISO3 code), from origin-scope rows:
 * the median across replications and its 90% interval. Countries whose rows were left out (zero in
 * every replication) are absent. Sorted from the largest median down.
 */
export function originValues(rows, state, month) {
  const out = [];
  for (const row of rows) {
    if (!ORIGIN_SCOPES.has(row.scope) || row.state !== state || row.month !== month) continue;
    if (!isStateTotal(row) || demographicOf(row) !== 'all') continue;
    out.push({ iso3: row.scopeId, p05: Number(row.p05), p50: Number(row.p50), p95: Number(row.p95), mean: Number(row.mean) });
  }
  return out.sort((a, b) => b.p50 - a.p50 || b.mean - a.mean || a.iso3.localeCompare(b.iso3));
}

/**
 * Rows of a run comparison in reading order: the world first, then regions by name, and within each
 * place the states in display order. Each row keeps the two runs' medians and intervals.
 */
export function comparisonRows(rows, states) {
  const order = new Map(states.map((s, i) => [s.id, i]));
  const scopeRank = (row) => (row.scope === 'world' ? 0 : 1);
  return [...rows]
    .filter((row) => order.has(row.state))
    .sort(
      (a, b) =>
        scopeRank(a) - scopeRank(b) ||
        (a.scopeId || '').localeCompare(b.scopeId || '') ||
        order.get(a.state) - order.get(b.state),
    );
}

const countFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** A count of people as a reader expects it: 12,345. */
export function formatCount(value) {
  return countFormat.format(Math.round(Number(value) || 0));
}

/** A signed difference: +120, -45, 0. */
export function formatDifference(value) {
  const rounded = Math.round(Number(value) || 0);
  return rounded > 0 ? `+${formatCount(rounded)}` : formatCount(rounded);
}

/** A median with its 90% interval: "1,234 (800–2,000)". */
export function formatInterval(p50, p05, p95) {
  return `${formatCount(p50)} (${formatCount(p05)}–${formatCount(p95)})`;
}

/** Percentage of replications done, 0-100, safe when the total is not known yet. */
export function percentDone(done, total) {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((100 * done) / total)));
}

/**
 * Character offsets of a 1-based line in a text, for selecting the line a validation error names.
 * A line number past the end selects the end of the text.
 */
export function lineRange(text, line) {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return { start: text.length, end: text.length };
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return { start, end: end < 0 ? text.length : end };
}

/**
 * The runs that "Compare runs" offers: finished forecasts with at least one replication, newest
 * first. Other kinds (threat outlooks, hypothesis updates with 0 replications) have no summaries
 * to compare.
 */
export function comparableRuns(runs) {
  return runs
    .filter((r) => r.status === 'succeeded' && r.kind === 'forecast' && r.replications > 0)
    .sort((a, b) => b.id - a.id);
}
