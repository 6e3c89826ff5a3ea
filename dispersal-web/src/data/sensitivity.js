// The shaping of a sensitivity run's sensitivity.csv: for each output, the parameters ranked by
// Morris's mu* (the elementary effects' mean absolute size), with sigma, and the Sobol' first-order
// (S1) and total (ST) indices with their bootstrap intervals for the top parameters. Pure functions.

import { formatNumber, num, parseCsv } from './csv.js';

/** sensitivity.csv read into outputs, each with its parameters in rank order. */
export function sensitivityData(csvText) {
  const outputs = new Map();
  for (const r of parseCsv(csvText)) {
    if (!outputs.has(r.output)) outputs.set(r.output, []);
    outputs.get(r.output).push({
      parameter: r.parameter,
      rank: num(r.rank),
      muStar: num(r.morris_mu_star),
      mu: num(r.morris_mu),
      sigma: num(r.morris_sigma),
      s1: num(r.S1),
      s1Low: num(r.S1_low),
      s1High: num(r.S1_high),
      st: num(r.ST),
      stLow: num(r.ST_low),
      stHigh: num(r.ST_high),
    });
  }
  return [...outputs].map(([output, rows]) => ({ output, label: outputLabel(output), rows: rows.sort((a, b) => a.rank - b.rank) }));
}

/**
 * An output spec in words: "returned:region=Western Europe:month=12" is "returned, Western
 * Europe, month 12"; "killed:world:month=12" is "killed, world, month 12".
 */
export function outputLabel(spec) {
  const parts = String(spec).split(':');
  const words = [parts[0].replace(/_/g, ' ')];
  for (const p of parts.slice(1)) {
    const [key, value] = p.split('=');
    if (key === 'month') words.push(`month ${value}`);
    else if (key === 'demographic') words.push(value);
    else words.push(value === undefined ? key : value);
  }
  return words.join(', ');
}

/**
 * The tornado chart of one output: the `top` parameters with the largest mu*, largest first, each
 * with its signed mean effect mu, so the bar shows which way the parameter pushes.
 */
export function tornado(output, top = 10) {
  return [...output.rows]
    .filter((r) => r.muStar !== null)
    .sort((a, b) => b.muStar - a.muStar)
    .slice(0, top)
    .map((r) => ({ parameter: r.parameter, muStar: r.muStar, mu: r.mu, sigma: r.sigma }));
}

/** The parameters that have Sobol' indices (the top of the Morris screening), in rank order. */
export function sobolRows(output) {
  return output.rows.filter((r) => r.st !== null || r.s1 !== null);
}

/** "0.56 [0.34–0.86]": an index with its bootstrap interval. */
export function indexText(value, low, high) {
  if (value === null) return '–';
  const f = (v) => (v === null ? '?' : v.toFixed(2));
  return low === null && high === null ? f(value) : `${f(value)} [${f(low)}–${f(high)}]`;
}

/** The table rows of one output, every parameter with Morris and (where computed) Sobol' columns. */
export function sensitivityTable(output) {
  return output.rows.map((r) => ({
    rank: r.rank,
    parameter: r.parameter,
    muStar: formatNumber(r.muStar),
    mu: formatNumber(r.mu),
    sigma: formatNumber(r.sigma),
    s1: indexText(r.s1, r.s1Low, r.s1High),
    st: indexText(r.st, r.stLow, r.stHigh),
  }));
}
