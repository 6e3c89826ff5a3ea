import { describe, expect, it } from 'vitest';
import { assimilationBox, assimilationSteps, DEFAULT_ESS_WARNING_SHARE, formatDay, parameterMove } from '../src/data/assimilation.js';
import manifest from './fixtures/assimilation-manifest.json';

describe('the as-of box', () => {
  it('says how many figures published by the date the forecast is conditioned on', () => {
    const box = assimilationBox(manifest, 1000);
    expect(box.headline).toBe('Conditioned on 3 figures published by 31 March 2017');
    expect(box.asOf).toBe('2017-03-31');
    expect(box.facts[0]).toMatch(/^Effective sample size after conditioning: 312 of 1,000 replications\./);
    expect(box.facts[1]).toBe('2 figures were set aside (listed below with the reason).');
  });

  it('lists the figures used and set aside in order of publication, with the reason', () => {
    const box = assimilationBox(manifest, 1000);
    expect(box.used.map((f) => [f.published, f.file, f.line])).toEqual([
      ['2016-10-24', 'observations.csv', 4],
      ['2017-01-15', 'observations.csv', 7],
      ['2017-03-01', 'extra.csv', 2],
    ]);
    expect(box.used[0]).toEqual({
      file: 'observations.csv',
      line: 4,
      source: 'SOUFAN2017',
      target: 'returned:FRA',
      value: '217',
      published: '2016-10-24',
    });
    expect(box.setAside.map((f) => [f.target, f.reason])).toEqual([
      ['returned:GBR', 'published after the forecast date'],
      ['returned:BEL', 'published after the forecast date'],
    ]);
  });

  it('is absent for a forecast without assimilation, and copes with an empty one', () => {
    expect(assimilationBox({ seed: 1 }, 10)).toBeNull();
    expect(assimilationBox(null, 10)).toBeNull();
    const empty = assimilationBox({ assimilation: { as_of: '2017-03', used: [] } }, 0);
    expect(empty.headline).toBe('Conditioned on 0 figures published by March 2017');
    expect(empty.facts).toEqual([]);
    expect(assimilationBox({ assimilation: { as_of: '2017-03-31', effective_sample_size: 7.25, used: [{ file: 'a.csv', line: 1 }] } }, 50).facts[0]).toMatch(
      /^Effective sample size after conditioning: 7.3 of 50 replications/,
    );
  });

  it('writes dates in words', () => {
    expect(formatDay('2017-03-31')).toBe('31 March 2017');
    expect(formatDay('2019-12')).toBe('December 2019');
    expect(formatDay('soon')).toBe('soon');
  });
});

describe('the assimilation panel', () => {
  const monthly = {
    assimilation: {
      as_of: '2017-08-31',
      particles: 1000,
      filter: 'monthly',
      ess_warning_share: 0.1,
      steps: [
        { month: '2017-04', figures: 3, ess: 129.5, distinct: 339 },
        { month: '2017-07', figures: 3, ess: 61.1, distinct: 89 },
        { month: '2017-08', figures: 2, ess: 898.6, distinct: 909 },
      ],
    },
  };

  it('names the filter and gives each step its month, figures, ESS share and distinct particles', () => {
    const p = assimilationSteps(monthly, 1000);
    expect(p.filter).toBe('monthly');
    expect(p.filterLabel).toBe('Month by month (particle filter)');
    expect(p.thresholdText).toBe('10%');
    expect(p.steps.map((s) => [s.label, s.figures, s.essText, s.shareText, s.distinct, s.low])).toEqual([
      ['April 2017', 3, '130', '13%', 339, false],
      ['July 2017', 3, '61.1', '6.1%', 89, true],
      ['August 2017', 2, '899', '90%', 909, false],
    ]);
    expect(p.steps[1].share).toBeCloseTo(0.0611, 10);
    expect(p.warning).toBe(
      'In July 2017 the effective sample size fell below 10% of 1,000 replications: the figures narrowed the ensemble to few distinct replications, so its intervals are less trustworthy than they look.',
    );
  });

  it('warns from the threshold the manifest states, at its edge not below it', () => {
    const at = (share, ess) => assimilationSteps({ assimilation: { ...monthly.assimilation, ess_warning_share: share, steps: [{ month: '2017-04', figures: 1, ess, distinct: 5 }] } }, 1000);
    expect(at(0.2, 199.9).steps[0].low).toBe(true);
    expect(at(0.2, 200).steps[0].low).toBe(false);
    expect(at(0.2, 200).warning).toBeNull();
    // A manifest without the share (older runs) uses the command line's 10%.
    expect(at(undefined, 99).steps[0].low).toBe(true);
    expect(at(undefined, 100).steps[0].low).toBe(false);
    expect(DEFAULT_ESS_WARNING_SHARE).toBe(0.1);
  });

  it('shows one step over all months for the one-step filter, and counts several low steps', () => {
    const one = assimilationSteps({ assimilation: { particles: 500, filter: 'one-step', steps: [{ month: '2017-08', figures: 8, ess: 42, distinct: 60 }] } }, 500);
    expect(one.filterLabel).toBe('One step over all figures');
    expect(one.steps[0].label).toBe('All months to August 2017');
    expect(one.steps[0].shareText).toBe('8.4%');
    expect(one.warning).toMatch(/^After conditioning the effective sample size fell below 10% of 500 replications/);
    const noMonth = assimilationSteps({ assimilation: { filter: 'one-step', steps: [{ figures: 2, ess: 50, distinct: 50 }] } }, 100);
    expect(noMonth.steps[0].label).toBe('All months');
    const two = assimilationSteps({ assimilation: { ...monthly.assimilation, steps: [{ month: '2017-04', figures: 1, ess: 5, distinct: 5 }, { month: '2017-05', figures: 1, ess: 9, distinct: 9 }] } }, 1000);
    expect(two.warning).toMatch(/^In 2 of 2 steps /);
  });

  it('is absent without steps, and uses the run replications when the manifest has no particles', () => {
    expect(assimilationSteps(manifest, 1000)).toBeNull();
    expect(assimilationSteps(null, 1000)).toBeNull();
    const p = assimilationSteps({ assimilation: { filter: 'monthly', steps: [{ month: '2017-04', figures: 1, ess: 'x', distinct: 3 }, null] } }, 0);
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0].essText).toBe('–');
    expect(p.steps[0].share).toBeNull();
    expect(p.steps[0].low).toBe(false);
    expect(assimilationSteps({ assimilation: { filter: 'monthly', steps: [{ month: '2017-04', figures: 1, ess: 40, distinct: 3 }] } }, 200).steps[0].shareText).toBe('20%');
  });

  it('says whether the parameters were moved, and adds the parameter vectors when the steps carry them', () => {
    const moved = assimilationSteps(
      {
        assimilation: {
          ...monthly.assimilation,
          parameter_move: { method: 'liu-west', discount: 0.98, shrinkage: 0.9897, bandwidth_squared: 0.0204, covariance: 'diagonal', note: 'x' },
          steps: monthly.assimilation.steps.map((s) => ({ ...s, parameter_vectors: 1000 })),
        },
      },
      1000,
    );
    expect(moved.vectors).toBe(true);
    expect(moved.steps.map((s) => s.vectors)).toEqual([1000, 1000, 1000]);
    expect(moved.move.moved).toBe(true);
    expect(moved.move.discount).toBe(0.98);
    expect(moved.move.text).toMatch(/^Moved at each step \(Liu-West with discount 0\.98\): /);

    const off = assimilationSteps(
      { assimilation: { ...monthly.assimilation, parameter_move: { method: 'off', note: 'x' }, steps: [{ month: '2017-04', figures: 3, ess: 129.5, distinct: 339, parameter_vectors: 339 }, { month: '2017-07', figures: 3, ess: 61.1, distinct: 89 }] } },
      1000,
    );
    expect(off.move).toEqual({ moved: false, discount: null, text: expect.stringMatching(/^Not moved: .*switched off/) });
    // A step without the count shows none; the column stays because another step has it.
    expect(off.vectors).toBe(true);
    expect(off.steps.map((s) => s.vectors)).toEqual([339, null]);
  });

  it('has no parameter column and no move line for runs made before them (and for one step)', () => {
    const old = assimilationSteps(monthly, 1000);
    expect(old.vectors).toBe(false);
    expect(old.steps.every((s) => s.vectors === null)).toBe(true);
    expect(old.move).toBeNull();
    expect(parameterMove({ filter: 'one-step' })).toBeNull();
    expect(parameterMove(null)).toBeNull();
    expect(parameterMove({ parameter_move: 'liu-west' })).toBeNull();
    const junk = assimilationSteps({ assimilation: { ...monthly.assimilation, steps: [{ month: '2017-04', figures: 1, ess: 5, distinct: 5, parameter_vectors: 'many' }] } }, 1000);
    expect(junk.vectors).toBe(false);
    // A discount that is not a number is left out of the words, not shown as NaN.
    expect(parameterMove({ parameter_move: { method: 'liu-west' } }).text).toMatch(/^Moved at each step \(Liu-West\): /);
  });
});
