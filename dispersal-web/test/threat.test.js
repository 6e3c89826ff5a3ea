import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plotBarsOption, threatFanOption } from '../src/charts/options.js';
import {
  addMonths,
  atLargeMonth,
  dispatchedSentence,
  formatAmount,
  formatMeanRange,
  formatPercent,
  formatShare,
  formatTick,
  oneIn,
  threatFan,
  threatRows,
  topPlotBars,
} from '../src/data/threat.js';

const threat = JSON.parse(readFileSync(new URL('./fixtures/threat.json', import.meta.url), 'utf8'));

describe('months and numbers', () => {
  it('counts calendar months across a year end', () => {
    expect(addMonths('2017-11', 0)).toBe('2017-11');
    expect(addMonths('2017-11', 2)).toBe('2018-01');
    expect(addMonths('2017-02', 36)).toBe('2020-02');
  });

  it('gives the three figures of an interval the decimals of the largest', () => {
    expect(formatMeanRange(1.4, 0, 3)).toBe('1.4 [0.0–3.0]');
    expect(formatMeanRange(0.35, 0, 0.9)).toBe('0.35 [0.00–0.90]');
    expect(formatMeanRange(1234.4, 900, 1610)).toBe('1,234 [900–1,610]');
    expect(formatMeanRange(0, 0, 0)).toBe('0 [0–0]');
    expect(formatMeanRange(null, null, null)).toBe('–');
    expect(formatMeanRange(2.5, null, 4)).toBe('2.5');
    expect(formatAmount(0.42)).toBe('0.42');
    expect(formatTick(2)).toBe('2');
    expect(formatTick(2.5)).toBe('2.5');
    expect(formatTick(12000)).toBe('12,000');
  });

  it('writes shares as percentages and as one in N when close', () => {
    expect(formatPercent(0.083)).toBe('8%');
    expect(formatPercent(0.001)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(oneIn(0.1111)).toBe('1 in 9');
    expect(oneIn(0.3)).toBe('30%');
    expect(formatShare(0.0137)).toBe('1.4%');
    expect(formatShare(0.25)).toBe('25%');
  });
});

describe('threat table rows', () => {
  const rows = threatRows(threat);

  it('keeps the server ranking and reads at large at month 12, plots and attacks at the horizon', () => {
    expect(rows.map((r) => [r.rank, r.id, r.name])).toEqual([
      [1, 'FRA', 'France'],
      [2, 'BEL', 'Belgium'],
    ]);
    expect(atLargeMonth(threat)).toBe(12);
    expect(rows[0].atLarge).toEqual({ mean: 24.5, p05: 12, p50: 24, p95: 36 });
    expect(rows[0].atLargeText).toBe('25 [12–36]');
    expect(rows[0].plotsText).toBe('1.4 [0.0–3.0]');
    expect(rows[0].attacksText).toBe('0.05 [0.00–1.00]');
    expect(rows[1].plotsText).toBe('0.35 [0.00–1.00]');
  });

  it('uses the horizon for at large when the outlook is shorter than a year', () => {
    const short = { ...threat, months: 6 };
    expect(atLargeMonth(short)).toBe(6);
    expect(threatRows(short)[0].atLarge.mean).toBe(12);
  });

  it('shows only the mean when a percentile is missing (null)', () => {
    expect(rows[1].attacksText).toBe('0');
  });
});

describe('threat fan', () => {
  it('gives one point per month with calendar dates', () => {
    const fan = threatFan(threat, 'FRA', 'cumulative_plots');
    expect(fan.months).toHaveLength(15);
    expect(fan.dates[0]).toBe('2017-11');
    expect(fan.dates[14]).toBe('2019-01');
    expect(fan.measure).toBe('Plots since the start');
    expect(fan.destination).toBe('France');
    expect(fan.p95[14]).toBe(3);
  });

  it('is null for a measure or destination the outlook does not have', () => {
    expect(threatFan(threat, 'BEL', 'plots')).toBeNull();
    expect(threatFan(threat, 'ESP', 'at_large')).toBeNull();
  });

  it('stacks the band from the 5th to the 95th percentile and draws median and mean', () => {
    const option = threatFanOption(threatFan(threat, 'FRA', 'at_large'));
    const [base, band, median, mean] = option.series;
    expect(base.data[12]).toBe(12);
    expect(band.data[12]).toBe(24);
    expect(median.data[12]).toBe(24);
    expect(mean.data[12]).toBe(24.5);
    expect(mean.lineStyle.type).toBe('dashed');
    expect(option.tooltip.formatter([{ dataIndex: 12 }])).toContain('90% of runs: 12–36');
  });
});

describe('top destinations by plots', () => {
  it('takes the first N in ranking order with their interval', () => {
    const bars = topPlotBars(threat, 1);
    expect(bars).toEqual([{ id: 'FRA', name: 'France', mean: 1.4, p05: 0, p95: 3, text: '1.4 [0.0–3.0]' }]);
    const option = plotBarsOption(topPlotBars(threat));
    expect(option.yAxis[0].data).toEqual(['France', 'Belgium']);
    expect(option.series[0].data).toEqual([1.4, 0.35]);
    expect(option.series[1].data).toEqual([0, 0]);
    expect(option.series[2].data).toEqual([3, 1]);
  });
});

describe('dispatched share in words', () => {
  it('states the share, its range and the ceiling', () => {
    expect(dispatchedSentence(threat)).toBe(
      'On average 8.0% of returnees are dispatched toward plots (90% of runs between 5.0% and 11%). ' +
        'That stays under the ceiling of 1 in 9 (11%) in at least 95% of runs. ' +
        'Ceiling: Hegghammer (2013): at most 1 in 9 returnees involved in plots.',
    );
  });

  it('says when runs or the average go above the ceiling', () => {
    const some = { ...threat, dispatchedShare: { mean: 0.1, p05: 0.05, p50: 0.1, p95: 0.15 } };
    expect(dispatchedSentence(some)).toContain('The average stays under the ceiling of 1 in 9 (11%), but some runs go above it.');
    const above = { ...threat, dispatchedShare: { mean: 0.2, p05: 0.15, p50: 0.2, p95: 0.25 } };
    expect(dispatchedSentence(above)).toContain('The average is above the ceiling');
    expect(dispatchedSentence({ ...threat, dispatchedShare: null })).toContain('does not state');
  });
});
