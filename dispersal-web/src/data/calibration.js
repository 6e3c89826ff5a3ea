// The shaping of a calibration's posterior against its priors (GET /api/runs/{id}/calibration):
// a row per calibrated parameter with the prior's and the posterior's median and 90% interval and
// the share of the prior's width the posterior keeps, and a parameter's two histograms. Pure.

import { formatNumber, percent } from './csv.js';

function at(doc, values, q) {
  if (!values) return null;
  const i = (doc.quantiles || []).findIndex((x) => Math.abs(x - q) < 1e-9);
  return i < 0 ? null : values[i];
}

/** "0.153 [0.121–0.190]": a median with its 90% interval. */
export function intervalText(median, low, high) {
  if (median === null || median === undefined) return '–';
  return `${formatNumber(median)} [${formatNumber(low)}–${formatNumber(high)}]`;
}

/**
 * The parameters, those the figures narrowed most first: prior (as written), prior and posterior
 * medians with 90% intervals, the share of the prior's 90% width kept, and whether the posterior's
 * median moved outside the prior's central half.
 */
export function calibrationRows(doc) {
  const rows = ((doc && doc.parameters) || []).map((p) => {
    const prior = p.priorQuantiles;
    const post = p.posterior;
    return {
      name: p.name,
      prior: p.prior || 'not in the scenario',
      priorText: prior ? intervalText(at(doc, prior, 0.5), at(doc, prior, 0.05), at(doc, prior, 0.95)) : '–',
      posteriorText: intervalText(at(doc, post, 0.5), at(doc, post, 0.05), at(doc, post, 0.95)),
      kept: p.kept,
      keptText: p.kept === null || p.kept === undefined ? '–' : percent(p.kept),
      moved: !!prior && (at(doc, post, 0.5) < at(doc, prior, 0.25) || at(doc, post, 0.5) > at(doc, prior, 0.75)),
    };
  });
  return rows.sort((a, b) => (a.kept === null || a.kept === undefined ? 1 : b.kept === null || b.kept === undefined ? -1 : a.kept - b.kept));
}

/** The interval bars of every parameter on its own prior scale, 0 (prior's 5%) to 1 (prior's 95%). */
export function intervalBars(doc) {
  return ((doc && doc.parameters) || [])
    .filter((p) => p.priorQuantiles)
    .map((p) => {
      const lo = at(doc, p.priorQuantiles, 0.05);
      const hi = at(doc, p.priorQuantiles, 0.95);
      const span = hi - lo || 1;
      const scale = (v) => (v - lo) / span;
      return {
        name: p.name,
        prior: [0, 1, scale(at(doc, p.priorQuantiles, 0.5))],
        posterior: [scale(at(doc, p.posterior, 0.05)), scale(at(doc, p.posterior, 0.95)), scale(at(doc, p.posterior, 0.5))],
      };
    });
}

/** One parameter's prior and posterior as histograms over the same bins (shares of 1 each). */
export function histograms(doc, name) {
  const p = ((doc && doc.parameters) || []).find((x) => x.name === name);
  if (!p) return null;
  const edges = p.edges || [];
  const bins = edges.slice(0, -1).map((lo, i) => ({
    label: formatNumber((lo + edges[i + 1]) / 2),
    prior: p.priorHistogram ? p.priorHistogram[i] : null,
    posterior: p.posteriorHistogram[i],
  }));
  return { name: p.name, prior: p.prior, bins };
}

/** The calibration in one sentence: particles, effective sample size, parameters narrowed. */
export function calibrationSentence(doc) {
  if (!doc) return '';
  const rows = calibrationRows(doc);
  const narrowed = rows.filter((r) => r.kept !== null && r.kept !== undefined && r.kept < 0.5).length;
  return (
    `${doc.parameters.length} parameter${doc.parameters.length === 1 ? '' : 's'} calibrated with ${doc.particles} particles ` +
    `(effective sample size ${Math.round(doc.effectiveParticles)}); the figures narrowed ${narrowed} of them to less than half of the prior's 90% width.`
  );
}
