// The shaping of a comparison run's compare.csv: every variant's level of each outcome at each
// compared month with its 90% range, and its paired difference from the base (the first variant)
// with the 90% range of the difference across paired replications. Pure functions.

import { formatNumber, num, parseCsv } from './csv.js';

/** compare.csv read: variants (base first), months, states and the parsed rows. */
export function comparisonData(csvText) {
  const rows = parseCsv(csvText).map((r) => ({
    variant: r.variant,
    base: r.base,
    month: num(r.month),
    runs: num(r.runs),
    state: r.state,
    level: { mean: num(r.level_mean), p05: num(r.level_p05), p50: num(r.level_p50), p95: num(r.level_p95) },
    difference: { mean: num(r.difference_mean), p05: num(r.difference_p05), p50: num(r.difference_p50), p95: num(r.difference_p95) },
  }));
  const unique = (values) => [...new Set(values)];
  const base = rows.length ? rows[0].base : null;
  const variants = unique([base, ...rows.map((r) => r.variant)].filter((v) => v !== null));
  return {
    base,
    variants,
    months: unique(rows.map((r) => r.month)).sort((a, b) => a - b),
    states: unique(rows.map((r) => r.state)),
    runs: rows.length ? rows[0].runs : 0,
    rows,
  };
}

function find(data, variant, month, state) {
  return data.rows.find((r) => r.variant === variant && r.month === month && r.state === state) || null;
}

/** "1,126 [700–1,788]": a median with its 90% range. */
export function bandText(band) {
  if (!band || band.p50 === null) return '–';
  return `${formatNumber(band.p50)} [${formatNumber(band.p05)}–${formatNumber(band.p95)}]`;
}

/** "+12 [−3 to +30]": a paired difference with its 90% range, signs always shown. */
export function differenceText(band) {
  if (!band || band.p50 === null) return '–';
  const signed = (v) => (v > 0 ? `+${formatNumber(v)}` : v < 0 ? `−${formatNumber(-v)}` : '0');
  return `${signed(band.p50)} [${signed(band.p05)} to ${signed(band.p95)}]`;
}

/** Whether a difference's 90% range leaves out zero (the variants differ at that level). */
export function differs(band) {
  return !!band && band.p05 !== null && band.p95 !== null && (band.p05 > 0 || band.p95 < 0);
}

/**
 * The table of one month: a row per outcome, for each variant its level (median and 90% range)
 * and, for every variant but the base, its paired difference from the base.
 */
export function comparisonTable(data, month) {
  return data.states.map((state) => ({
    state,
    cells: data.variants.map((variant) => {
      const r = find(data, variant, month, state);
      const isBase = variant === data.base;
      return {
        variant,
        level: bandText(r && r.level),
        difference: isBase ? null : differenceText(r && r.difference),
        differs: !isBase && differs(r && r.difference),
      };
    }),
  }));
}

/**
 * The paired differences of one outcome from the base at every compared month, one series per
 * variant other than the base: median and 90% range.
 */
export function differenceSeries(data, state) {
  return data.variants
    .filter((v) => v !== data.base)
    .map((variant) => ({
      variant,
      points: data.months.map((month) => {
        const r = find(data, variant, month, state);
        return r ? { month, ...r.difference } : { month, mean: null, p05: null, p50: null, p95: null };
      }),
    }));
}

/** The levels of one outcome for every variant at every month (median and 90% range). */
export function levelSeries(data, state) {
  return data.variants.map((variant) => ({
    variant,
    points: data.months.map((month) => {
      const r = find(data, variant, month, state);
      return r ? { month, ...r.level } : { month, mean: null, p05: null, p50: null, p95: null };
    }),
  }));
}
