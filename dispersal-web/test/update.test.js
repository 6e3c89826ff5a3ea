import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { weightAxisMax, weightsOption } from '../src/charts/options.js';
import {
  eventRows,
  formatRatio,
  hasEvidence,
  indicatorRows,
  leaderSentence,
  statusLabel,
  trailRows,
  watchItems,
  weightBars,
} from '../src/data/update.js';

const update = JSON.parse(readFileSync(new URL('./fixtures/update.json', import.meta.url), 'utf8'));

/** The same hypotheses as a scenario states them: prior weights, no events (the contract's shape). */
function atPrior(doc) {
  return {
    ...doc,
    asOf: null,
    hypotheses: doc.hypotheses.map((h) => ({ ...h, posterior: h.prior, words: h.prior === 0.5 ? 'roughly even chance' : h.words })),
    trail: [],
    events: [],
    sources: [],
    notes: [],
    indicators: doc.indicators.map((i) => ({ ...i, status: null, found: null })),
  };
}

describe('weight bars', () => {
  it('gives prior and posterior per hypothesis in order, with percentages and words', () => {
    expect(weightBars(update)).toEqual([
      { id: 'baseline', name: 'Gradual dispersal', prior: 0.5, posterior: 0.3, words: 'unlikely', priorText: '50%', posteriorText: '30%' },
      { id: 'relocation', name: 'Relocation to Libya', prior: 0.3, posterior: 0.6, words: 'likely', priorText: '30%', posteriorText: '60%' },
      { id: 'merger', name: 'Merger', prior: 0.2, posterior: 0.1, words: 'very unlikely', priorText: '20%', posteriorText: '10%' },
    ]);
  });

  it('labels the posterior bars with percentage and words, and can show the prior alone', () => {
    const option = weightsOption(weightBars(update));
    expect(option.series.map((s) => s.name)).toEqual(['Before the events', 'After the events']);
    expect(option.series[1].label.formatter({ dataIndex: 1 })).toBe('60% (likely)');
    expect(option.series[0].label.formatter({ dataIndex: 1 })).toBe('30%');
    const prior = weightsOption(weightBars(update), { posterior: false });
    expect(prior.series).toHaveLength(1);
    expect(prior.series[0].data).toEqual([0.5, 0.3, 0.2]);
  });
});

describe('the leader in a sentence', () => {
  it('names the leader after the events, its words and how it moved', () => {
    expect(hasEvidence(update)).toBe(true);
    expect(leaderSentence(update)).toBe(
      'After the events up to 2017-09-30, “Relocation to Libya” leads with 60% (likely), up from 30% before them.',
    );
  });

  it('speaks of the prior weights for a scenario, and of ties', () => {
    const prior = atPrior(update);
    expect(hasEvidence(prior)).toBe(false);
    expect(leaderSentence({ ...prior, leader: 'baseline' })).toBe('Before any events, “Gradual dispersal” leads with 50% (roughly even chance).');
    const tied = atPrior({
      ...update,
      hypotheses: update.hypotheses.map((h) => ({ ...h, prior: h.id === 'merger' ? 0.4 : 0.3, words: 'unlikely' })),
    });
    expect(leaderSentence(tied)).toBe('Before any events, “Merger” leads with 40% (unlikely).');
    const level = { ...tied, hypotheses: tied.hypotheses.map((h) => ({ ...h, prior: 1 / 3, posterior: 1 / 3 })) };
    expect(leaderSentence(level)).toBe(
      'Before any events, “Gradual dispersal”, “Relocation to Libya” and “Merger” lead with 33% (unlikely) each.',
    );
  });
});

describe('audit trail', () => {
  it('shows each step with the weights before → after in hypothesis order', () => {
    expect(trailRows(update)).toEqual([
      {
        step: 1,
        date: '2017-07-09',
        indicator: 'Attacks in Libya',
        observed: 'Observed',
        basis: 'T01, T02, T04',
        changes: ['50% → 40%', '30% → 50%', '20% → 10%'],
      },
      {
        step: 2,
        date: '2017-09-30',
        indicator: 'Attack in Europe',
        observed: 'Not observed',
        basis: '',
        changes: ['40% → 30%', '50% → 60%', '10% → 10%'],
      },
    ]);
  });
});

describe('indicators', () => {
  const rows = indicatorRows(update);

  it('gives status, found, ratios, bits and the hypothesis favoured', () => {
    expect(rows[0]).toMatchObject({
      name: 'Attacks in Libya',
      window: '2017-03-01 to 2017-12-31',
      threshold: 'at least 3',
      status: 'Observed',
      found: '4',
      ratioIfObserved: '×2.4',
      ratioIfNotObserved: '×1.3',
      bits: '0.21',
      flat: false,
      favours: 'Relocation to Libya',
    });
  });

  it('flags a flat indicator as not diagnostic and favours nobody', () => {
    expect(rows[1]).toMatchObject({ flat: true, diagnostic: 'not diagnostic', favours: '', status: 'Not observed (not used: the feed may miss it)' });
  });

  it('leaves missing figures as dashes or empty', () => {
    expect(rows[2]).toMatchObject({ threshold: '', found: '', ratioIfObserved: '–', bits: '–', status: 'No figures given' });
    expect(statusLabel(null)).toBe('');
    expect(formatRatio(12.345)).toBe('×12');
  });
});

describe('indicators to watch', () => {
  const items = watchItems(update);

  it('ranks by expected shift', () => {
    expect(items.map((w) => w.indicator)).toEqual(['sahel_attacks', 'merger_announced']);
    expect(items[0]).toMatchObject({ chance: '42%', shift: '14 percentage points', bits: '0.09' });
  });

  it('says what each outcome does to the leader', () => {
    expect(items[0].sentence).toBe(
      'If seen (chance 42%): “Relocation to Libya” 60% → 75%. If not: “Relocation to Libya” 60% → 50%.',
    );
  });

  it('says who would lead instead when the leader loses its place', () => {
    expect(items[1].sentence).toBe(
      'If seen (chance 10%): “Relocation to Libya” 60% → 30%; “Merger” would lead with 50%. ' +
        'If not: “Relocation to Libya” 60% → 62%.',
    );
  });
});

describe('events', () => {
  it('tells what each event was used for, naming the indicator', () => {
    expect(eventRows(update).map((e) => [e.id, e.use, e.counted, e.detail])).toEqual([
      ['T01', 'Counted', true, 'Attacks in Libya'],
      ['T03', 'Duplicate (not counted)', false, 'T02'],
      ['T11', 'After the as-of date (not counted)', false, ''],
    ]);
  });
});

describe('weight axis', () => {
  it('ends a little past the largest weight, never past 100%', () => {
    expect(weightAxisMax(weightBars(update))).toBe(0.7);
    expect(weightAxisMax(weightBars(update), false)).toBe(0.6);
    expect(weightAxisMax([{ prior: 0.2, posterior: 0.95 }])).toBe(1);
  });
});
