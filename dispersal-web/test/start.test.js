import { describe, expect, it } from 'vitest';
import { START_RULES, startSentence } from '../src/data/start.js';

describe('where a hindcast starts', () => {
  it('offers the two starts of dispersal hindcast, the date first, each explained in one line', () => {
    expect(START_RULES.map(([id]) => id)).toEqual(['date', 'scenario']);
    for (const [, label, hint] of START_RULES) {
      expect(label).not.toBe('');
      expect(hint).not.toMatch(/\n/);
    }
    expect(START_RULES[0][2]).toContain('the default');
  });

  it('says which start the manifest records', () => {
    expect(startSentence({ startAt: 'date: month 0 is the month of the forecast date, the horizon runs from it' })).toBe(
      'The forecast starts at its date: month 0 is the month of the forecast date (the default).',
    );
    expect(startSentence({ startAt: 'scenario: month 0 is the start of the scenario, the horizon runs from it' })).toBe(
      'The forecast starts at the scenario’s start; only the information set is frozen at the date.',
    );
    expect(startSentence({ startAt: 'later' })).toBe('Forecast start: later.');
  });

  it('says nothing for a manifest without the entry', () => {
    expect(startSentence(null)).toBeNull();
    expect(startSentence({})).toBeNull();
    expect(startSentence({ startAt: 3 })).toBeNull();
  });
});
