import { describe, expect, it } from 'vitest';
import { differenceText, differenceVerdict, pairedChartRows, pairingNote, partnerChoices, partnerLabel, rangesOverlap } from '../src/data/compare.js';
import { pairedDifferenceOption } from '../src/charts/kindOptions.js';

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
    'no paired interval: run 4 kept no per-replication values (a run stored before they were kept, run on a cluster, drawn from a posterior, or of more than 10,000 replications), so the difference\'s interval cannot be computed; the two runs\' intervals are shown side by side and the difference is that of the medians';

  it('never calls the difference of medians an interval when the server gave no paired one', () => {
    const same = pairingNote({ sameSeed: true, paired: false, pairing: reason });
    expect(same.paired).toBe(false);
    expect(same.difference).toBe('Difference of medians (B − A), not an interval');
    expect(same.verdict).toBe('90% ranges');
    expect(same.text).toBe(
      "Both runs used the same seed, so their replications start from the same random numbers and a paired interval of the difference would be the right measure, but none is given: run 4 kept no per-replication values (a run stored before they were kept, run on a cluster, drawn from a posterior, or of more than 10,000 replications), so the difference's interval cannot be computed; the two runs' intervals are shown side by side and the difference is that of the medians.",
    );
    expect(same.caption).toContain('which is not an interval');
    const different = pairingNote({ sameSeed: false, paired: false, pairing: 'no paired interval: the runs used different seeds (7 and 8), so their replications are independent' });
    expect(different.text).toBe(
      'The runs used different seeds, so their replications are independent and cannot be paired: the runs used different seeds (7 and 8), so their replications are independent.',
    );
  });

  it('speaks of a paired interval only when the server computed one, in its words', () => {
    const note = pairingNote({
      sameSeed: true,
      paired: true,
      pairing: 'paired: both runs used seed 7 and 12 replications, so replication i of B started from the same random numbers as replication i of A',
    });
    expect(note.paired).toBe(true);
    expect(note.difference).toBe('Difference B − A: median (paired 90% interval)');
    expect(note.verdict).toBe('Paired interval');
    expect(note.text).toBe(
      'Paired comparison: both runs used seed 7 and 12 replications, so replication i of B started from the same random numbers as replication i of A.',
    );
  });

  it('says whether two 90% ranges overlap', () => {
    expect(rangesOverlap({ p05: 1, p95: 5 }, { p05: 5, p95: 9 })).toBe('overlap');
    expect(rangesOverlap({ p05: 1, p95: 4 }, { p05: 5, p95: 9 })).toBe('apart');
    expect(rangesOverlap({ p05: 6, p95: 7 }, { p05: 1, p95: 5 })).toBe('apart');
  });
});

// Rows as GET /api/compare answers for two paired runs (pairedDiff is null when not paired).
const ROWS = [
  { scope: 'world', scopeId: '', state: 'prosecuted', a: { p05: 900, p50: 1000, p95: 1150 }, b: { p05: 1700, p50: 1950, p95: 2200 }, diffMedian: 950, pairedDiff: { p05: 780, p50: 940, p95: 1080 } },
  { scope: 'world', scopeId: '', state: 'killed', a: { p05: 5000, p50: 5400, p95: 5900 }, b: { p05: 5010, p50: 5390, p95: 5880 }, diffMedian: -10, pairedDiff: { p05: -1200, p50: -20, p95: -3 } },
  { scope: 'world', scopeId: '', state: 'in_camp', a: { p05: 10, p50: 40, p95: 90 }, b: { p05: 12, p50: 41, p95: 88 }, diffMedian: 1, pairedDiff: { p05: -6, p50: 0, p95: 5 } },
  { scope: 'world', scopeId: '', state: 'attack', a: { p05: 0, p50: 0, p95: 0 }, b: { p05: 0, p50: 0, p95: 0 }, diffMedian: 0, pairedDiff: { p05: 0, p50: 0, p95: 0 } },
  { scope: 'region', scopeId: 'Maghreb', state: 'prosecuted', a: { p05: 50, p50: 60, p95: 80 }, b: { p05: 90, p50: 120, p95: 150 }, diffMedian: 60, pairedDiff: { p05: 30, p50: 58, p95: 75 } },
];

describe('the paired difference', () => {
  it('writes the median and paired interval of B − A with signs, or the difference of medians alone', () => {
    expect(differenceText(ROWS[0], true)).toBe('+940 (+780 to +1,080)');
    expect(differenceText(ROWS[1], true)).toBe('−20 (−1,200 to −3)');
    expect(differenceText(ROWS[3], true)).toBe('0 (0 to 0)');
    expect(differenceText(ROWS[0], false)).toBe('+950');
    expect(differenceText({ ...ROWS[0], pairedDiff: null }, true)).toBe('+950');
  });

  it('says which way a paired interval that leaves out zero points, and falls back to the ranges', () => {
    expect(differenceVerdict(ROWS[0], true)).toBe('higher in B');
    expect(differenceVerdict(ROWS[1], true)).toBe('lower in B');
    expect(differenceVerdict(ROWS[2], true)).toBe('could be either way');
    expect(differenceVerdict(ROWS[3], true)).toBe('no difference');
    expect(differenceVerdict(ROWS[0], false)).toBe('apart');
    expect(differenceVerdict(ROWS[2], false)).toBe('overlap');
  });

  it('charts the world outcomes that differ in some replication, with their paired intervals', () => {
    const rows = pairedChartRows(ROWS);
    expect(rows).toEqual([
      { state: 'prosecuted', p05: 780, p50: 940, p95: 1080 },
      { state: 'killed', p05: -1200, p50: -20, p95: -3 },
      { state: 'in_camp', p05: -6, p50: 0, p95: 5 },
    ]);
    expect(pairedChartRows(ROWS.map((r) => ({ ...r, pairedDiff: null })))).toEqual([]);
    const option = pairedDifferenceOption(rows, (s) => s.toUpperCase());
    expect(option.yAxis.data).toEqual(['PROSECUTED', 'KILLED', 'IN_CAMP']);
    const [interval, median] = option.series;
    expect(interval.data).toEqual([
      [0, 780, 1080],
      [1, -1200, -3],
      [2, -6, 5],
    ]);
    expect(median.data).toEqual([
      [940, 0],
      [-20, 1],
      [0, 2],
    ]);
    expect(median.markLine.data).toEqual([{ xAxis: 0 }]);
    expect(option.tooltip.formatter({ dataIndex: 1 })).toContain('paired 90% interval -1,200 to -3');
  });
});
