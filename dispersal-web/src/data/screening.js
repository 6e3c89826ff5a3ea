// The shaping of a screening run's screening.csv: in one destination country at one month, how many
// returnees would be screened, how many of them would go on to commit an attack, and what a test of
// the given sensitivity and specificity would flag: found, missed and wrongly flagged, and the
// share of flagged people who would attack (the positive predictive value). Pure functions.

import { formatNumber, num, parseCsv, percent } from './csv.js';

const MEASURES = [
  ['returnees', 'Returnees screened'],
  ['committed', 'Of them, would attack'],
  ['base_rate', 'Base rate (share who would attack)'],
  ['flagged_committed', 'Would-be attackers flagged'],
  ['missed', 'Would-be attackers missed'],
  ['wrongly_flagged', 'People flagged wrongly'],
  ['ppv', 'Flagged people who would attack (PPV)'],
];

const SHARES = new Set(['base_rate', 'ppv']);

/** screening.csv read: the setting (country, month, window, test) and one row per measure. */
export function screeningData(csvText) {
  const rows = parseCsv(csvText);
  if (!rows.length) return null;
  const first = rows[0];
  const byMeasure = new Map(rows.map((r) => [r.measure, r]));
  return {
    country: first.country,
    month: num(first.month),
    window: num(first.window_months),
    sensitivity: num(first.sensitivity),
    specificity: num(first.specificity),
    runs: num(first.runs),
    measures: MEASURES.filter(([id]) => byMeasure.has(id)).map(([id, label]) => {
      const r = byMeasure.get(id);
      const fmt = SHARES.has(id) ? (v) => percent(v, 1) : formatNumber;
      return {
        id,
        label,
        mean: num(r.mean),
        p05: num(r.p05),
        p50: num(r.p50),
        p95: num(r.p95),
        text: `${fmt(num(r.mean))} [${fmt(num(r.p05))}–${fmt(num(r.p95))}]`,
      };
    }),
  };
}

/** The screening's result in one sentence. */
export function screeningSentence(data, countryName = (id) => id) {
  if (!data) return '';
  const m = Object.fromEntries(data.measures.map((x) => [x.id, x]));
  const part = (id, fmt) => (m[id] ? fmt(m[id].mean) : '?');
  return (
    `In ${countryName(data.country)}, at month ${data.month}, a test that finds ${percent(data.sensitivity)} of would-be attackers ` +
    `and clears ${percent(data.specificity)} of the others would flag ${part('flagged_committed', formatNumber)} would-be attackers ` +
    `and ${part('wrongly_flagged', formatNumber)} people wrongly (averages over ${data.runs} runs); ` +
    `${part('ppv', (v) => percent(v, 0))} of those flagged would attack.`
  );
}
