import { describe, expect, it } from 'vitest';
import { STOCK_RULES, stockRuleSentence } from '../src/data/stocks.js';

describe('the stock rule of a run', () => {
  it('offers the two rules of --stocks, latest first, each explained in one line', () => {
    expect(STOCK_RULES.map(([id]) => id)).toEqual(['latest', 'pooled']);
    for (const [, label, hint] of STOCK_RULES) {
      expect(label).not.toBe('');
      expect(hint).not.toMatch(/\n/);
    }
    expect(STOCK_RULES[0][2]).toContain('the default');
  });

  it('says which rule the manifest records, with the constants of the pooled estimate', () => {
    expect(stockRuleSentence({ stocks: 'latest' })).toBe('Initial stocks: each country’s latest published figure (the default rule).');
    expect(
      stockRuleSentence({ stocks: 'pooled: latest figure of each series, de-biased, projected, heavy-tailed; persistent sigma 0.412 of 0.650; no revision trend' }),
    ).toBe(
      'Initial stocks: pooled, every source’s latest figure de-biased, projected and pooled. Estimated at the date: latest figure of each series, de-biased, projected, heavy-tailed; persistent sigma 0.412 of 0.650; no revision trend.',
    );
    expect(stockRuleSentence({ stocks: 'pooled' })).toBe('Initial stocks: pooled, every source’s latest figure de-biased, projected and pooled.');
  });

  it('says nothing for a manifest without the entry', () => {
    expect(stockRuleSentence(null)).toBeNull();
    expect(stockRuleSentence({})).toBeNull();
    expect(stockRuleSentence({ stocks: 5 })).toBeNull();
  });
});
