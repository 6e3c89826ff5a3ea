// The shaping of a hindcast's results: its scorecard (scorecard.json: coverage, PIT histogram,
// skill, the targets met) and its scored figures (hindcast.csv), filterable. Pure functions.

import { num, parseCsv, percent } from './csv.js';

/** The scorecard's groups by horizon ("all", "0-6", ...) pooled over forecast dates. */
export function horizons(scorecard) {
  return ((scorecard && scorecard.pooled) || []).map((g) => g.horizon);
}

function group(scorecard, horizon) {
  const groups = (scorecard && scorecard.pooled) || [];
  return groups.find((g) => g.horizon === horizon) || groups[0] || null;
}

/**
 * The reliability diagram of one horizon: for each nominal level, the share of figures inside the
 * central interval of that level, with its bootstrap interval; a calibrated forecast lies on the
 * diagonal.
 */
export function reliability(scorecard, horizon = 'all') {
  const g = group(scorecard, horizon);
  if (!g) return [];
  return (g.coverage || []).map((c) => ({
    level: c.level,
    observed: c.observed,
    low: c.ci ? c.ci[0] : null,
    high: c.ci ? c.ci[1] : null,
  }));
}

/** The coverage of the 50% and 90% intervals at every horizon, in a table's rows. */
export function coverageRows(scorecard) {
  return ((scorecard && scorecard.pooled) || []).map(coverageRow);
}

function coverageRow(g) {
  const at = (level) => (g.coverage || []).find((c) => Math.abs(c.level - level) < 1e-9) || null;
  const cell = (level) => {
    const c = at(level);
    if (!c || c.observed === null) return '–';
    return c.ci ? `${percent(c.observed)} [${percent(c.ci[0])}–${percent(c.ci[1])}]` : percent(c.observed);
  };
  return {
    horizon: horizonLabel(g.horizon),
    figures: g.figures,
    sources: g.sources,
    cover50: cell(0.5),
    cover90: cell(0.9),
    skillPersistence: skillText(g.skill && g.skill.persistence_equal),
    skillTrend: skillText(g.skill && g.skill.trend_equal),
  };
}

/**
 * Coverage and skill by what is counted (scorecard.json's by_kind): each measure, then the
 * quantities counted by the forecast date and those not, in a table's rows; none from a scorecard
 * written before the key existed.
 */
export function kindRows(scorecard) {
  return ((scorecard && scorecard.by_kind) || []).map((g) => ({
    ...coverageRow(g),
    kind: kindLabel(g),
  }));
}

/** A by_kind group's name in words. */
export function kindLabel(g) {
  if (g.by === 'earlier_count') {
    return g.value === 'yes' ? 'Counted before the forecast date' : 'Not counted before';
  }
  const words = String(g.value || '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function skillText(s) {
  if (!s || s.value === null || s.value === undefined) return '–';
  const ci = s.ci ? ` [${percent(s.ci[0])} to ${percent(s.ci[1])}]` : '';
  return `${percent(s.value)}${ci} (${s.figures})`;
}

/** A horizon group's name in words. */
export function horizonLabel(horizon) {
  return horizon === 'all' ? 'All horizons' : `${horizon} months`;
}

/**
 * The PIT histogram of one horizon as bars: the share of figures whose probability integral
 * transform falls in each tenth; a calibrated forecast has every bar near 1/bins.
 */
export function pitBars(scorecard, horizon = 'all') {
  const g = group(scorecard, horizon);
  const shares = (g && g.pit_histogram) || [];
  const n = shares.length;
  return shares.map((share, i) => ({
    label: `${(i / n).toFixed(1)}–${((i + 1) / n).toFixed(1)}`,
    share,
    expected: n ? 1 / n : 0,
  }));
}

/** The scorecard's targets, each with its goal, its status in words and its sentence. */
export function targets(scorecard) {
  const words = { met: 'Met', missed: 'Missed', not_measured: 'Not measured' };
  return (((scorecard && scorecard.verdict) || {}).targets || []).map((t) => ({
    id: t.id,
    goal: t.goal,
    status: t.status,
    statusText: words[t.status] || t.status,
    text: t.text,
  }));
}

/** The verdict's summary sentence. */
export function verdict(scorecard) {
  return ((scorecard && scorecard.verdict) || {}).summary || '';
}

/** The figures of hindcast.csv as rows for the table, with numbers parsed. */
export function figureRows(csvText) {
  return parseCsv(csvText).map((r) => ({
    date: r.date,
    published: r.published,
    scope: r.scope,
    scopeId: r.scope_id,
    demographic: r.demographic,
    measure: r.measure,
    low: num(r.low),
    high: num(r.high),
    source: r.source_id,
    status: r.status,
    month: num(r.month),
    p05: num(r.p05),
    p50: num(r.p50),
    p95: num(r.p95),
    in50: r.in50 === 'true' ? true : r.in50 === 'false' ? false : null,
    in90: r.in90 === 'true' ? true : r.in90 === 'false' ? false : null,
    crps: num(r.crps),
    pit: num(r.pit),
    note: r.note,
    asOf: r.as_of,
  }));
}

/** The distinct values of a field of the figures, sorted, for a filter's choices. */
export function choices(rows, key) {
  return [...new Set(rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined && v !== ''))].sort();
}

/**
 * The figures a filter keeps: `status`, `measure`, `scope` (exact, empty for any), `in90`
 * ("in", "out" or empty) and `text` (part of the place, source or note, any case).
 */
export function filterFigures(rows, { status = '', measure = '', scope = '', in90 = '', text = '' } = {}) {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!status || r.status === status) &&
      (!measure || r.measure === measure) &&
      (!scope || r.scope === scope) &&
      (!in90 || (in90 === 'in' ? r.in90 === true : r.in90 === false)) &&
      (!needle || [r.scopeId, r.source, r.note, r.date].some((v) => String(v || '').toLowerCase().includes(needle))),
  );
}

/** The observed figure as text: "300", "150–180" or "at least 910". */
export function observedText(row) {
  if (row.low !== null && row.high !== null) return row.low === row.high ? String(row.low) : `${row.low}–${row.high}`;
  if (row.low !== null) return `at least ${row.low}`;
  if (row.high !== null) return `at most ${row.high}`;
  return '–';
}

/**
 * Where a figure is, in short: its scope id ("FRA"), with the demographic when not everyone; a
 * group of countries ("AUT+BEL+...") as "28 countries (AUT, BEL, BGR, ...)".
 */
export function placeText(row) {
  const ids = String(row.scopeId || '').split('+').filter(Boolean);
  const place = ids.length > 3 ? `${ids.length} countries (${ids.slice(0, 3).join(', ')}, …)` : ids.join(', ');
  return `${place || row.scope}${row.demographic && row.demographic !== 'all' ? ` (${row.demographic})` : ''}`;
}
