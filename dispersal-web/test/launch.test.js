import { describe, expect, it } from 'vitest';
import { buildRunSpec, comparisonVariants, joinObservations, monthList } from '../src/data/launch.js';

const HEADER = 'date,published,scope,scope_id,demographic,measure,low,high,source_id';

describe('the request body of each kind of run', () => {
  it('a forecast sends as-of and the observation files read in the browser (#14)', () => {
    const spec = buildRunSpec('forecast', {
      scenarioId: '3',
      replications: '100',
      seed: '7',
      months: '',
      asOf: '2017-06-30',
      observationFiles: [{ name: 'known.csv', text: `${HEADER}\n2017-05,2017-06-01,country,FRA,all,returned,250,250,X\n` }],
    });
    expect(spec).toEqual({
      scenarioId: 3,
      replications: 100,
      seed: 7,
      asOf: '2017-06-30',
      observations: [{ name: 'known.csv', text: `${HEADER}\n2017-05,2017-06-01,country,FRA,all,returned,250,250,X\n` }],
    });
  });

  it('a forecast as of a date sends the chosen filter, and none without a date', () => {
    const v = { scenarioId: '3', replications: '100', seed: '', months: '', asOf: '2017-06-30', observationFiles: [], filter: 'one-step' };
    expect(buildRunSpec('forecast', v)).toEqual({ scenarioId: 3, replications: 100, asOf: '2017-06-30', filter: 'one-step' });
    expect(buildRunSpec('forecast', { ...v, filter: 'monthly' }).filter).toBe('monthly');
    expect(buildRunSpec('forecast', { ...v, asOf: '' })).toEqual({ scenarioId: 3, replications: 100 });
    expect(buildRunSpec('threat', { ...v, kind: 'threat' }).filter).toBeUndefined();
  });

  it('a forecast as of a date switches the parameter move off only when unticked with the monthly filter', () => {
    const v = { scenarioId: '3', replications: '100', seed: '', months: '', asOf: '2017-06-30', observationFiles: [], filter: 'monthly', moveParameters: true };
    expect(buildRunSpec('forecast', v).filterDiscount).toBeUndefined();
    expect(buildRunSpec('forecast', { ...v, moveParameters: false })).toEqual({ scenarioId: 3, replications: 100, asOf: '2017-06-30', filter: 'monthly', filterDiscount: 'off' });
    expect(buildRunSpec('forecast', { ...v, moveParameters: false, filter: 'one-step' }).filterDiscount).toBeUndefined();
    expect(buildRunSpec('forecast', { ...v, moveParameters: false, asOf: '' }).filterDiscount).toBeUndefined();
    expect(buildRunSpec('threat', { ...v, moveParameters: false }).filterDiscount).toBeUndefined();
  });

  it('a forecast as of a date and a hindcast send the stock rule, and no other kind does', () => {
    const v = { scenarioId: '3', replications: '100', seed: '', months: '', asOf: '2017-06-30', observationFiles: [], filter: 'monthly', stocks: 'pooled' };
    expect(buildRunSpec('forecast', v)).toEqual({ scenarioId: 3, replications: 100, asOf: '2017-06-30', filter: 'monthly', stocks: 'pooled' });
    expect(buildRunSpec('forecast', { ...v, stocks: 'latest' }).stocks).toBe('latest');
    expect(buildRunSpec('forecast', { ...v, asOf: '' })).toEqual({ scenarioId: 3, replications: 100 });
    expect(buildRunSpec('threat', v).stocks).toBeUndefined();
    const files = [{ name: 'k.csv', text: `${HEADER}\nA` }];
    const h = { scenarioId: '1', seed: '', asOf: '2017-02-13', replications: '', particles: '', simulations: '', observationFiles: files, stocks: 'pooled' };
    expect(buildRunSpec('hindcast', h)).toEqual({ scenarioId: 1, kind: 'hindcast', asOf: '2017-02-13', observations: `${HEADER}\nA\n`, stocks: 'pooled' });
    expect(buildRunSpec('hindcast', { ...h, stocks: '' }).stocks).toBeUndefined();
    expect(buildRunSpec('hindcast', { ...h, startAt: 'scenario' }).startAt).toBe('scenario');
    expect(buildRunSpec('hindcast', { ...h, startAt: '' }).startAt).toBeUndefined();
    expect(buildRunSpec('calibration', { ...h, startAt: 'scenario', checkRuns: '' }).startAt).toBeUndefined();
    expect(buildRunSpec('calibration', { ...h, checkRuns: '' }).stocks).toBeUndefined();
  });

  it('a plain forecast leaves the optional fields out', () => {
    expect(buildRunSpec('forecast', { scenarioId: '1', replications: '50', seed: '', months: '', asOf: '', observationFiles: [] })).toEqual({
      scenarioId: 1,
      replications: 50,
    });
    expect(buildRunSpec('threat', { scenarioId: '1', replications: '50', seed: '', months: '36' })).toEqual({
      scenarioId: 1,
      kind: 'threat',
      replications: 50,
      months: 36,
    });
  });

  it('an update sends its events and no seed', () => {
    expect(
      buildRunSpec('update', { scenarioId: '1', seed: '9', events: 'a,b\n', format: 'gtd', asOf: '', reliability: '0.8', duplicateDays: '1' }),
    ).toEqual({ scenarioId: 1, kind: 'update', events: 'a,b\n', format: 'gtd', replications: 0, reliability: 0.8, duplicateDays: 1 });
  });

  it('a comparison sends the base first, other scenarios, then one variant per override line', () => {
    const spec = buildRunSpec('comparison', {
      scenarioId: '1',
      replications: '20',
      seed: '',
      otherScenarios: ['3'],
      overrides: 'border_closure=0.95\n\n exit_rate_base=0.02; border_closure=0.5 \n',
      compareMonths: '6, 12 24',
    });
    expect(spec).toEqual({
      scenarioId: 1,
      kind: 'comparison',
      replications: 20,
      compareMonths: [6, 12, 24],
      variants: [
        { scenarioId: 1 },
        { scenarioId: 3 },
        { scenarioId: 1, set: ['border_closure=0.95'] },
        { scenarioId: 1, set: ['exit_rate_base=0.02', 'border_closure=0.5'] },
      ],
    });
    expect(comparisonVariants('2', [], '')).toEqual([{ scenarioId: 2 }]);
    expect(monthList('  ')).toBeUndefined();
  });

  it('a hindcast joins its observation files under one header', () => {
    const spec = buildRunSpec('hindcast', {
      scenarioId: '1',
      replications: '40',
      seed: '7',
      asOf: '2017-02-13',
      particles: '40',
      simulations: '',
      observationFiles: [
        { name: 'known.csv', text: `${HEADER}\r\nA\r\nB\r\n` },
        { name: 'later.csv', text: `${HEADER}\nC\n` },
      ],
    });
    expect(spec).toEqual({
      scenarioId: 1,
      kind: 'hindcast',
      seed: 7,
      asOf: '2017-02-13',
      replications: 40,
      particles: 40,
      observations: `${HEADER}\nA\nB\nC\n`,
    });
  });

  it('a calibration, a sensitivity analysis and a screening send their own fields', () => {
    expect(
      buildRunSpec('calibration', { scenarioId: '1', seed: '', asOf: '', particles: '20', simulations: '40', checkRuns: '4', observationFiles: [{ name: 'k.csv', text: `${HEADER}\nA` }] }),
    ).toEqual({ scenarioId: 1, kind: 'calibration', observations: `${HEADER}\nA\n`, particles: 20, simulations: 40, checkRuns: 4 });
    expect(
      buildRunSpec('calibration', { scenarioId: '1', seed: '', asOf: '', particles: '20', simulations: '40', checkRuns: '', definitions: false, observationFiles: [{ name: 'k.csv', text: `${HEADER}\nA` }] }),
    ).toEqual({ scenarioId: 1, kind: 'calibration', observations: `${HEADER}\nA\n`, particles: 20, simulations: 40, definitions: false });
    expect(
      buildRunSpec('hindcast', { scenarioId: '1', seed: '', asOf: '2017-02-13', replications: '', particles: '', simulations: '0', definitions: false, observationFiles: [{ name: 'k.csv', text: `${HEADER}\nA` }] }),
    ).toEqual({ scenarioId: 1, kind: 'hindcast', asOf: '2017-02-13', observations: `${HEADER}\nA\n`, simulations: 0, definitions: false });
    expect(
      buildRunSpec('sensitivity', {
        scenarioId: '1',
        seed: '7',
        outputs: 'returned:region=Western Europe:month=12\n killed:world:month=12\n',
        trajectories: '3',
        levels: '',
        top: '2',
        baseSamples: '16',
        replications: '1',
        bootstrap: '50',
        sampling: 'sobol',
      }),
    ).toEqual({
      scenarioId: 1,
      kind: 'sensitivity',
      seed: 7,
      outputs: ['returned:region=Western Europe:month=12', 'killed:world:month=12'],
      trajectories: 3,
      top: 2,
      baseSamples: 16,
      replications: 1,
      bootstrap: 50,
      sampling: 'sobol',
    });
    expect(
      buildRunSpec('screening', { scenarioId: '1', seed: '', replications: '20', country: 'FRA', month: '12', window: '', sensitivity: '0.8', specificity: '0.95' }),
    ).toEqual({ scenarioId: 1, kind: 'screening', replications: 20, country: 'FRA', month: 12, sensitivity: 0.8, specificity: 0.95 });
  });

  it('refuses a kind it does not know', () => {
    expect(() => buildRunSpec('astrology', { scenarioId: '1' })).toThrow('unknown kind of run: astrology');
    expect(joinObservations([])).toBe('');
  });
});
