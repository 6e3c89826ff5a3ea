// Pure shaping of a threat outlook (threat.json, see the server's API): the ranked table, the fan of
// one measure for one destination, the top destinations' plots and the dispatched share in words.
// No DOM, no fetch: unit-tested in test/threat.test.js.

/** The month of the ranked table's "operatives at large" column: month 12, or the horizon if shorter. */
export const AT_LARGE_MONTH = 12;

/** "2017-02" plus `offset` months, as "YYYY-MM". */
export function addMonths(start, offset) {
  const [year, month] = String(start).split('-').map(Number);
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function decimalsFor(values) {
  const largest = Math.max(0, ...values.filter((v) => v !== null && v !== undefined).map((v) => Math.abs(Number(v))));
  if (largest >= 10 || largest === 0) return 0;
  if (largest >= 1) return 1;
  return 2;
}

function formatWith(value, decimals) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '–';
  return new Intl.NumberFormat('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(value));
}

/** One figure with decimals for its size: 1,234 · 35 · 3.4 · 0.42. */
export function formatAmount(value) {
  return formatWith(value, decimalsFor([value]));
}

/** An axis tick: whole numbers without decimals (2, 10, 1,000), others with what they need (0.5, 2.5). */
export function formatTick(value) {
  const v = Number(value);
  if (Number.isInteger(v)) return new Intl.NumberFormat('en').format(v);
  return new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(v);
}

/**
 * An expected value with its 90% interval, "mean [p05–p95]": "1.4 [0.0–3.0]", "1,234 [900–1,610]".
 * The three share the number of decimals the mean needs (threat figures are often below 1:
 * expected plots per destination). Without an interval only the mean is shown; a missing mean is "–".
 */
export function formatMeanRange(mean, p05, p95) {
  const missing = (v) => v === null || v === undefined;
  if (missing(p05) || missing(p95)) return formatAmount(mean);
  const decimals = decimalsFor(missing(mean) ? [p05, p95] : [mean]);
  return `${formatWith(mean, decimals)} [${formatWith(p05, decimals)}–${formatWith(p95, decimals)}]`;
}

/** A share 0–1 as a whole percentage: 0.083 → "8%"; below half a percent but above zero → "<1%". */
export function formatPercent(share) {
  if (share === null || share === undefined || Number.isNaN(Number(share))) return '–';
  const value = Number(share);
  if (value > 0 && value < 0.005) return '<1%';
  return `${Math.round(value * 100)}%`;
}

function at(stats, month) {
  if (!stats) return { mean: null, p05: null, p50: null, p95: null };
  const pick = (key) => (Array.isArray(stats[key]) && stats[key][month] !== undefined ? stats[key][month] : null);
  return { mean: pick('mean'), p05: pick('p05'), p50: pick('p50'), p95: pick('p95') };
}

/** The month shown in the "operatives at large" column of a threat outlook. */
export function atLargeMonth(threat) {
  return Math.min(AT_LARGE_MONTH, threat.months);
}

/**
 * The ranked table: one row per destination in the server's ranking order, with operatives at large
 * at month 12 (or the horizon), and cumulative plots and attacks at the horizon, each as numbers and
 * as "mean [p05–p95]" text.
 */
export function threatRows(threat) {
  const horizon = threat.months;
  const early = atLargeMonth(threat);
  return (threat.destinations || []).map((d) => {
    const atLarge = at(d.series.at_large, early);
    const plots = at(d.series.cumulative_plots, horizon);
    const attacks = at(d.series.cumulative_attacks, horizon);
    return {
      rank: d.rank,
      id: d.id,
      name: d.name || d.id,
      atLarge,
      plots,
      attacks,
      atLargeText: formatMeanRange(atLarge.mean, atLarge.p05, atLarge.p95),
      plotsText: formatMeanRange(plots.mean, plots.p05, plots.p95),
      attacksText: formatMeanRange(attacks.mean, attacks.p05, attacks.p95),
    };
  });
}

/**
 * The fan of one measure for one destination: calendar months, mean, median and the 90% band, or
 * null when the destination or measure is not in the outlook.
 */
export function threatFan(threat, destinationId, measureId) {
  const destination = (threat.destinations || []).find((d) => d.id === destinationId);
  const stats = destination && destination.series ? destination.series[measureId] : null;
  if (!stats || !Array.isArray(stats.mean)) return null;
  const months = stats.mean.map((_, m) => m);
  const values = (key) => months.map((m) => (Array.isArray(stats[key]) && stats[key][m] !== null && stats[key][m] !== undefined ? Number(stats[key][m]) : null));
  return {
    destination: destination.name || destination.id,
    measure: measureLabel(threat, measureId),
    months,
    dates: months.map((m) => addMonths(threat.start, m)),
    mean: values('mean'),
    p05: values('p05'),
    p50: values('p50'),
    p95: values('p95'),
  };
}

/** The reader's name of a measure ("Plots since the start"), or its id when the outlook has no label. */
export function measureLabel(threat, measureId) {
  const measure = (threat.measures || []).find((m) => m.id === measureId);
  return measure ? measure.label : measureId;
}

/**
 * The `count` highest-ranked destinations with their cumulative plots at the horizon (mean and 90%
 * interval), for the bar chart, in ranking order.
 */
export function topPlotBars(threat, count = 10) {
  return threatRows(threat)
    .slice(0, count)
    .map((row) => ({ id: row.id, name: row.name, mean: row.plots.mean, p05: row.plots.p05, p95: row.plots.p95, text: row.plotsText }));
}

/**
 * The dispatched share against the ceiling, in words: how many returnees in a hundred the model
 * sends toward plots, the 90% range across runs, and whether that stays under the ceiling from the
 * literature (Hegghammer 2013: at most 1 in 9).
 */
export function dispatchedSentence(threat) {
  const share = threat.dispatchedShare;
  const ceiling = threat.ceiling;
  if (!share || share.mean === null || share.mean === undefined) return 'This outlook does not state the share of returnees dispatched toward plots.';
  const first =
    `On average ${formatShare(share.mean)} of returnees are dispatched toward plots ` +
    `(90% of runs between ${formatShare(share.p05)} and ${formatShare(share.p95)}).`;
  if (!ceiling || ceiling.share === null || ceiling.share === undefined) return first;
  const limit = `the ceiling of ${oneIn(ceiling.share)} (${formatPercent(ceiling.share)})`;
  let verdict;
  if (share.p95 !== null && share.p95 !== undefined && share.p95 <= ceiling.share) verdict = `That stays under ${limit} in at least 95% of runs.`;
  else if (share.mean <= ceiling.share) verdict = `The average stays under ${limit}, but some runs go above it.`;
  else verdict = `The average is above ${limit}: the outlook dispatches more returnees than the literature supports.`;
  return `${first} ${verdict}${ceiling.label ? ` Ceiling: ${ceiling.label}.` : ''}`;
}

/** A share with one decimal below 10% (small shares matter here: 1.4%), whole percentages above. */
export function formatShare(share) {
  const value = Number(share);
  if (share === null || share === undefined || Number.isNaN(value)) return '–';
  return value > 0 && value < 0.1 ? `${(value * 100).toFixed(1)}%` : formatPercent(value);
}

/** A share as "1 in N" when it is close to one (0.1111 → "1 in 9"), else as a percentage. */
export function oneIn(share) {
  if (!(share > 0)) return formatPercent(share);
  const n = Math.round(1 / share);
  return Math.abs(1 / n - share) < 0.002 ? `1 in ${n}` : formatPercent(share);
}
