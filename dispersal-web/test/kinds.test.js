// The shaping of the views of comparison, hindcast, sensitivity and screening runs, against files
// stored by real runs (test/fixtures: compare.csv, scorecard.json, hindcast.csv, sensitivity.csv,
// screening.csv, calibration.json; see test/fixtures/README.md for the requests that made them).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { differenceOption, histogramOption, intervalsOption, pitOption, reliabilityOption, sobolOption, tornadoOption } from '../src/charts/kindOptions.js';
import { calibrationRows, calibrationSentence, histograms, intervalBars } from '../src/data/calibration.js';
import { comparisonData, comparisonTable, differenceSeries, differenceText, differs } from '../src/data/comparison.js';
import { parseCsv, parseCsvRows, percent } from '../src/data/csv.js';
import { choices, coverageRows, figureRows, filterFigures, kindRows, observedText, pitBars, placeText, reliability, targets } from '../src/data/hindcast.js';
import { screeningData, screeningSentence } from '../src/data/screening.js';
import { outputLabel, sensitivityData, sensitivityTable, sobolRows, tornado } from '../src/data/sensitivity.js';

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('csv', () => {
  it('reads quotes, doubled quotes, commas inside quotes and CRLF', () => {
    expect(parseCsvRows('a,b\r\n"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
    expect(parseCsv('a,b\n1,\n')).toEqual([{ a: '1', b: '' }]);
  });

  it('writes shares as percentages, never "-0%"', () => {
    expect(percent(-0.001)).toBe('0%');
    expect(percent(-0.12)).toBe('−12%');
    expect(percent(0.8518)).toBe('85%');
    expect(percent(null)).toBe('–');
  });
});

describe('comparison', () => {
  const data = comparisonData(fixture('compare.csv'));

  it('finds the base first, the variants, the months and the outcomes', () => {
    expect(data.base).toBe('isis-2017');
    expect(data.variants).toEqual(['isis-2017', 'isis-2017-border-sealed', 'isis-2017;border_closure=0.95']);
    expect(data.months).toEqual([6, 12, 24]);
    expect(data.states).toContain('returned');
    expect(data.runs).toBe(20);
  });

  it('sets the variants side by side with paired differences and their ranges', () => {
    const rows = comparisonTable(data, 12);
    const returned = rows.find((r) => r.state === 'returned');
    expect(returned.cells).toHaveLength(3);
    expect(returned.cells[0].difference).toBeNull();
    const raw = data.rows.find((r) => r.variant === 'isis-2017-border-sealed' && r.month === 12 && r.state === 'returned');
    expect(returned.cells[1].difference).toBe(differenceText(raw.difference));
    expect(returned.cells[1].differs).toBe(raw.difference.p05 > 0 || raw.difference.p95 < 0);
  });

  it('gives a difference series per variant at every month', () => {
    const series = differenceSeries(data, 'returned');
    expect(series.map((s) => s.variant)).toEqual(['isis-2017-border-sealed', 'isis-2017;border_closure=0.95']);
    expect(series[0].points.map((p) => p.month)).toEqual([6, 12, 24]);
    for (const p of series[0].points) {
      expect(p.p05).toBeLessThanOrEqual(p.p50);
      expect(p.p50).toBeLessThanOrEqual(p.p95);
    }
    const option = differenceOption(series, data.months, 'Returned');
    expect(option.series.filter((s) => s.type === 'scatter')).toHaveLength(2);
    expect(option.xAxis.data).toEqual(['month 6', 'month 12', 'month 24']);
  });

  it('writes differences with their signs and says when a range leaves out zero', () => {
    expect(differenceText({ p05: -3, p50: 12, p95: 30 })).toBe('+12 [−3 to +30]');
    expect(differs({ p05: -3, p50: 12, p95: 30 })).toBe(false);
    expect(differs({ p05: 1, p50: 12, p95: 30 })).toBe(true);
    expect(differs({ p05: -9, p50: -5, p95: -1 })).toBe(true);
  });
});

describe('hindcast', () => {
  const scorecard = JSON.parse(fixture('scorecard.json'));
  const rows = figureRows(fixture('hindcast.csv'));

  it('draws the reliability diagram from the coverage at every level', () => {
    const points = reliability(scorecard, 'all');
    expect(points.map((p) => p.level)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]);
    const at90 = points.find((p) => p.level === 0.9);
    expect(at90.observed).toBeCloseTo(46 / 54, 12);
    expect(at90.low).toBeLessThanOrEqual(at90.observed);
    expect(at90.high).toBeGreaterThanOrEqual(at90.observed);
    const option = reliabilityOption(points);
    expect(option.series.find((s) => s.name === 'Observed share inside').data).toHaveLength(10);
  });

  it('gives the PIT histogram with the flat line of a calibrated forecast', () => {
    const bars = pitBars(scorecard, 'all');
    expect(bars).toHaveLength(10);
    expect(bars.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 9);
    expect(bars[0]).toMatchObject({ label: '0.0–0.1', expected: 0.1 });
    expect(pitOption(bars).series[0].markLine.data[0].yAxis).toBe(0.1);
  });

  it('tabulates coverage and skill by horizon and lists the targets', () => {
    const table = coverageRows(scorecard);
    expect(table.map((r) => r.horizon)).toEqual(['All horizons', '0-6 months', '7-12 months', '13-24 months', '25-36 months']);
    expect(table[0].figures).toBe(54);
    expect(table[0].cover90).toBe('85% [79%–95%]');
    const t = targets(scorecard);
    expect(t.find((x) => x.id === 'coverage90')).toMatchObject({ status: 'met', statusText: 'Met' });
    expect(t.find((x) => x.id === 'width90_24').statusText).toBe('Not measured');
  });

  it('tabulates coverage and skill by what is counted, when the scorecard has it', () => {
    expect(kindRows(scorecard)).toEqual([]);
    const group = (by, value, figures) => ({
      by,
      value,
      horizon: 'all',
      figures,
      sources: 2,
      coverage: [{ level: 0.5, observed: 0.5, ci: [0.25, 0.75] }, { level: 0.9, observed: 1, ci: null }],
      skill: { persistence_equal: { value: 0.25, ci: null, figures }, trend_equal: { value: null, ci: null, figures: 0 } },
    });
    const rows = kindRows({ by_kind: [group('measure', 'in_theatre', 3), group('earlier_count', 'yes', 1), group('earlier_count', 'no', 2)] });
    expect(rows.map((r) => r.kind)).toEqual(['In theatre', 'Counted before the forecast date', 'Not counted before']);
    expect(rows[0]).toMatchObject({ figures: 3, cover50: '50% [25%–75%]', cover90: '100%', skillPersistence: '25% (3)', skillTrend: '–' });
  });

  it('reads every figure and filters them', () => {
    expect(rows).toHaveLength(119);
    const scored = filterFigures(rows, { status: 'scored' });
    expect(scored).toHaveLength(54);
    const outside = filterFigures(rows, { status: 'scored', in90: 'out' });
    expect(outside).toHaveLength(54 - 46);
    expect(outside.every((r) => r.in90 === false)).toBe(true);
    const sweden = filterFigures(rows, { text: 'se_sapo' });
    expect(sweden.length).toBeGreaterThan(0);
    expect(sweden.every((r) => r.source.startsWith('SE_SAPO'))).toBe(true);
    expect(choices(rows, 'status')).toEqual(['calibration', 'not_scored', 'scored']);
    expect(observedText({ low: 910, high: null })).toBe('at least 910');
    const group = rows.find((r) => r.scopeId.split('+').length > 3);
    expect(placeText(group)).toMatch(/^\d+ countries \([A-Z]{3}, [A-Z]{3}, [A-Z]{3}, …\)$/);
    expect(placeText({ scope: 'country', scopeId: 'BIH', demographic: 'men' })).toBe('BIH (men)');
    expect(observedText({ low: 150, high: 180 })).toBe('150–180');
  });
});

describe('sensitivity', () => {
  const outputs = sensitivityData(fixture('sensitivity.csv'));

  it('reads each output with its parameters in rank order', () => {
    expect(outputs.map((o) => o.output)).toEqual(['returned:region=Western Europe:month=12', 'killed:world:month=12']);
    expect(outputs[0].label).toBe('returned, Western Europe, month 12');
    expect(outputLabel('killed:world:month=12:demographic=women')).toBe('killed, world, month 12, women');
    const ranks = outputs[0].rows.map((r) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(outputs[0].rows[0].parameter).toBe('border_closure');
  });

  it('ranks the tornado by mu* and keeps Sobol indices with intervals for the top parameters', () => {
    const top = tornado(outputs[0], 5);
    expect(top).toHaveLength(5);
    for (let i = 1; i < top.length; i += 1) expect(top[i - 1].muStar).toBeGreaterThanOrEqual(top[i].muStar);
    const sobol = sobolRows(outputs[0]);
    expect(sobol).toHaveLength(3);
    expect(sobol[0]).toMatchObject({ parameter: 'border_closure', st: 0.55739, stLow: 0.342124, stHigh: 0.859958 });
    expect(sensitivityTable(outputs[0])[0].st).toBe('0.56 [0.34–0.86]');
    expect(sensitivityTable(outputs[0])[4].st).toBe('–');
    expect(tornadoOption(top, 'x').yAxis.data).toEqual(top.map((r) => r.parameter));
    expect(sobolOption(sobol).series.filter((s) => s.type === 'custom')).toHaveLength(2);
  });
});

describe('screening', () => {
  const data = screeningData(fixture('screening.csv'));

  it('reads the setting and every measure with its range', () => {
    expect(data).toMatchObject({ country: 'FRA', month: 12, window: 12, sensitivity: 0.8, specificity: 0.95, runs: 20 });
    expect(data.measures.map((m) => m.id)).toEqual(['returnees', 'committed', 'base_rate', 'flagged_committed', 'missed', 'wrongly_flagged', 'ppv']);
    expect(data.measures.find((m) => m.id === 'ppv').text).toBe('22.6% [7.6%–35.8%]');
    expect(data.measures.find((m) => m.id === 'returnees').text).toBe('219 [157–265]');
  });

  it('says what the test would find in one sentence', () => {
    expect(screeningSentence(data, (id) => (id === 'FRA' ? 'France' : id))).toBe(
      'In France, at month 12, a test that finds 80% of would-be attackers and clears 95% of the others would flag 3.28 would-be attackers and 10.8 people wrongly (averages over 20 runs); 23% of those flagged would attack.',
    );
    expect(screeningData('')).toBeNull();
  });
});

describe('calibration', () => {
  // GET /api/runs/2/calibration of a calibration run (isis-2017, 40 particles, 200 simulations).
  const doc = JSON.parse(fixture('calibration.json'));

  it('sets each parameter’s posterior against its prior, the most narrowed first', () => {
    const rows = calibrationRows(doc);
    expect(rows.map((r) => r.name).sort()).toEqual(doc.parameters.map((p) => p.name).sort());
    for (let i = 1; i < rows.length; i += 1) expect(rows[i - 1].kept).toBeLessThanOrEqual(rows[i].kept);
    const killed = rows.find((r) => r.name === 'share_killed_by_start');
    expect(killed.prior).toBe('uniform(0.1, 0.2)');
    expect(killed.priorText).toBe('0.15 [0.105–0.195]');
    expect(killed.keptText).toBe(percent(doc.parameters.find((p) => p.name === 'share_killed_by_start').kept));
  });

  it('scales the intervals to the prior’s 90% interval and keeps histograms that add up to one', () => {
    const bars = intervalBars(doc);
    expect(bars).toHaveLength(doc.parameters.length);
    for (const b of bars) {
      expect(b.prior.slice(0, 2)).toEqual([0, 1]);
      expect(b.posterior[0]).toBeLessThanOrEqual(b.posterior[2]);
      expect(b.posterior[2]).toBeLessThanOrEqual(b.posterior[1]);
    }
    const hist = histograms(doc, 'share_killed_by_start');
    expect(hist.bins).toHaveLength(24);
    expect(hist.bins.reduce((s, b) => s + b.prior, 0)).toBeCloseTo(1, 9);
    expect(hist.bins.reduce((s, b) => s + b.posterior, 0)).toBeCloseTo(1, 9);
    // A uniform prior puts the same mass in every bin of its range, to the server's resolution
    // (its quantile function at 4,000 points: 1/4,000 per bin at most).
    for (const b of hist.bins) expect(Math.abs(b.prior - 1 / 24)).toBeLessThanOrEqual(1 / 4000 + 1e-12);
    expect(histograms(doc, 'no_such_parameter')).toBeNull();
    expect(intervalsOption(bars).series.filter((s) => s.type === 'custom')).toHaveLength(2);
    expect(histogramOption(hist).series.map((s) => s.name)).toEqual(['Posterior', 'Prior']);
  });

  it('says how many parameters the figures narrowed', () => {
    expect(calibrationSentence(doc)).toMatch(/^2 parameters calibrated with 40 particles \(effective sample size \d+\); the figures narrowed \d of them/);
  });
});
