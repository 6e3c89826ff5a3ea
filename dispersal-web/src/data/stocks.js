// The rule that built a run's initial stocks at its date (`stocks` of a hindcast or a forecast as
// of a date, as --stocks; docs/DATA.md "Pooled stocks"): the launcher's choices and the sentence
// the results show from the manifest's `stocks` entry (`latest`, or `pooled: ` and the constants
// estimated at the date). Pure, tested in test/stocks.test.js.

/** The rules, in the launcher's order: id, label, one-line explanation. */
export const STOCK_RULES = [
  ['latest', 'Latest figure', 'Each country’s latest published figure (the default).'],
  ['pooled', 'Pooled', 'Every source’s latest figure, de-biased, projected with the revision trend and pooled: wider ranges.'],
];

/**
 * What the manifest says of the initial stocks, in one sentence, or null when it says nothing (a
 * run of another kind, or made before the rule existed).
 */
export function stockRuleSentence(manifest) {
  const rule = manifest && manifest.stocks;
  if (typeof rule !== 'string' || !rule.trim()) return null;
  if (rule === 'latest') return 'Initial stocks: each country’s latest published figure (the default rule).';
  const pooled = /^pooled(?::\s*(.*))?$/s.exec(rule);
  if (pooled) {
    const constants = pooled[1] ? ` Estimated at the date: ${pooled[1].trim()}.` : '';
    return `Initial stocks: pooled, every source’s latest figure de-biased, projected and pooled.${constants}`;
  }
  return `Initial stocks: ${rule}.`;
}
