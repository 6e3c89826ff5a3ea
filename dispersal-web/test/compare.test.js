import { describe, expect, it } from 'vitest';
import { pairingNote, partnerChoices, partnerLabel, rangesOverlap } from '../src/data/compare.js';

// As GET /api/compare/candidates?a=3 answers.
const CANDIDATES = [
  { id: 4, scenarioName: 'isis-2017', replications: 100, seed: 9, sameSeed: false, start: '2017-02', months: 36 },
  { id: 7, scenarioName: 'isis-2017-border-sealed', replications: 100, seed: 11, sameSeed: true, start: '2017-02', months: 36 },
  { id: 5, scenarioName: 'isis-2017', replications: 1000, seed: 11, sameSeed: true, start: '2017-02', months: 36 },
];

describe('the choices for run B', () => {
  it('puts runs sharing the seed first, newest first, and keeps the current choice when it is offered', () => {
    const { options, chosen } = partnerChoices(CANDIDATES, '4');
    expect(options.map((c) => c.id)).toEqual([7, 5, 4]);
    expect(chosen).toBe(4);
  });

  it('chooses the first candidate when the current choice is not comparable, none when there is none', () => {
    expect(partnerChoices(CANDIDATES, '99').chosen).toBe(7);
    expect(partnerChoices([], '4')).toEqual({ options: [], chosen: null });
  });

  it('names a candidate with its replications, horizon and whether it shares the seed', () => {
    expect(partnerLabel(CANDIDATES[2])).toBe('#5 isis-2017 (1,000 replications, 36 months, same seed)');
    expect(partnerLabel(CANDIDATES[0])).toBe('#4 isis-2017 (100 replications, 36 months)');
  });
});

describe('what the comparison may claim', () => {
  const reason =
    "no paired interval: the store keeps only each run's percentiles, not the values of each replication, so the difference's interval cannot be computed";

  it('never calls the difference of medians an interval when the server gave no paired one', () => {
    const same = pairingNote({ sameSeed: true, paired: false, pairing: reason });
    expect(same.paired).toBe(false);
    expect(same.difference).toBe('Difference of medians (B − A), not an interval');
    expect(same.text).toBe(
      "Both runs used the same seed, so their replications start from the same random numbers and a paired interval of the difference would be the right measure, but none is given: the store keeps only each run's percentiles, not the values of each replication, so the difference's interval cannot be computed.",
    );
    expect(same.caption).toContain('which is not an interval');
    const different = pairingNote({ sameSeed: false, paired: false, pairing: reason });
    expect(different.text).toMatch(/^The runs used different seeds/);
  });

  it('speaks of a paired interval only when the server computed one', () => {
    expect(pairingNote({ sameSeed: true, paired: true }).difference).toBe('Difference (paired 90% interval)');
  });

  it('says whether two 90% ranges overlap', () => {
    expect(rangesOverlap({ p05: 1, p95: 5 }, { p05: 5, p95: 9 })).toBe('overlap');
    expect(rangesOverlap({ p05: 1, p95: 4 }, { p05: 5, p95: 9 })).toBe('apart');
    expect(rangesOverlap({ p05: 6, p95: 7 }, { p05: 1, p95: 5 })).toBe('apart');
  });
});
