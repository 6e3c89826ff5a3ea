import { describe, expect, it } from 'vitest';
import {
  comparableRuns,
  comparisonRows,
  fanSeries,
  flowData,
  formatDifference,
  formatInterval,
  isEmptyFan,
  lineRange,
  monthAxis,
  originValues,
  percentDone,
} from '../src/data/shape.js';

const row = (over) => ({
  month: 0,
  date: '2017-02',
  scope: 'world',
  scopeId: '',
  demographic: 'all',
  state: 'killed',
  destination: '',
  mean: 0,
  p05: 0,
  p25: 0,
  p50: 0,
  p75: 0,
  p95: 0,
  ...over,
});

const STATES = [
  { id: 'in_theatre', label: 'In theatre' },
  { id: 'killed', label: 'Killed' },
  { id: 'disengaged', label: 'Returned home' },
];

describe('fan series', () => {
  it('takes the five percentiles of one state in month order, ignoring destinations and groups', () => {
    const rows = [
      row({ month: 1, date: '2017-03', p05: 10, p25: 20, p50: 30, p75: 40, p95: 50 }),
      row({ month: 0, date: '2017-02', p05: 1, p25: 2, p50: 3, p75: 4, p95: 5 }),
      row({ month: 1, date: '2017-03', destination: 'FRA', p50: 999 }),
      row({ month: 1, date: '2017-03', demographic: 'women', p50: 777 }),
      row({ month: 1, date: '2017-03', state: 'disengaged', p50: 555 }),
    ];
    const fan = fanSeries(rows, 'killed');
    expect(fan.months).toEqual([0, 1]);
    expect(fan.dates).toEqual(['2017-02', '2017-03']);
    expect(fan.p05).toEqual([1, 10]);
    expect(fan.p50).toEqual([3, 30]);
    expect(fan.p95).toEqual([5, 50]);
  });

  it('counts months left out by the server as zero on the shared month axis', () => {
    const rows = [
      row({ scope: 'country', scopeId: 'FRA', month: 0, state: 'in_theatre', p50: 100, p95: 120 }),
      row({ scope: 'country', scopeId: 'FRA', month: 1, date: '2017-03', state: 'in_theatre', p50: 90, p95: 110 }),
      row({ scope: 'country', scopeId: 'FRA', month: 1, date: '2017-03', state: 'killed', p50: 5, p95: 9 }),
    ];
    const axis = monthAxis(rows);
    expect(axis).toEqual([
      { month: 0, date: '2017-02' },
      { month: 1, date: '2017-03' },
    ]);
    const killed = fanSeries(rows, 'killed', axis);
    expect(killed.p50).toEqual([0, 5]);
    expect(isEmptyFan(killed)).toBe(false);
    expect(isEmptyFan(fanSeries(rows, 'disengaged', axis))).toBe(true);
  });
});

describe('flow from regions to states', () => {
  it('links each region to each state with the mean, largest region first, states in display order', () => {
    const rows = [
      row({ scope: 'region', scopeId: 'Maghreb', month: 6, state: 'killed', mean: 100 }),
      row({ scope: 'region', scopeId: 'Maghreb', month: 6, state: 'in_theatre', mean: 50 }),
      row({ scope: 'region', scopeId: 'Western Europe', month: 6, state: 'disengaged', mean: 400 }),
      row({ scope: 'region', scopeId: 'Western Europe', month: 6, state: 'killed', mean: 0 }),
      row({ scope: 'region', scopeId: 'Western Europe', month: 5, state: 'killed', mean: 70 }),
      row({ scope: 'region', scopeId: 'Western Europe', month: 6, state: 'disengaged', destination: 'cooperating', mean: 300 }),
      row({ scope: 'world', month: 6, state: 'killed', mean: 100 }),
    ];
    const flow = flowData(rows, 6, STATES);
    expect(flow.nodes.map((n) => n.name)).toEqual(['Western Europe', 'Maghreb', 'In theatre', 'Killed', 'Returned home']);
    expect(flow.nodes.map((n) => n.value)).toEqual([400, 150, 50, 100, 400]);
    expect(flow.links).toEqual([
      { source: 'Western Europe', target: 'Returned home', value: 400 },
      { source: 'Maghreb', target: 'In theatre', value: 50 },
      { source: 'Maghreb', target: 'Killed', value: 100 },
    ]);
  });
});

describe('origin values for the map', () => {
  it('keeps origin rows of the chosen state and month, largest median first, for both scope names', () => {
    const rows = [
      row({ scope: 'country', scopeId: 'FRA', month: 12, state: 'disengaged', p05: 10, p50: 40, p95: 90 }),
      row({ scope: 'origin', scopeId: 'TUN', month: 12, state: 'disengaged', p05: 20, p50: 80, p95: 150 }),
      row({ scope: 'origin', scopeId: 'BEL', month: 11, state: 'disengaged', p50: 500 }),
      row({ scope: 'origin', scopeId: 'DEU', month: 12, state: 'killed', p50: 500 }),
      row({ scope: 'unallocated', scopeId: 'rest:world', month: 12, state: 'disengaged', p50: 500 }),
    ];
    expect(originValues(rows, 'disengaged', 12)).toEqual([
      { iso3: 'TUN', p05: 20, p50: 80, p95: 150, mean: 0 },
      { iso3: 'FRA', p05: 10, p50: 40, p95: 90, mean: 0 },
    ]);
  });
});

describe('comparison rows', () => {
  it('puts the world first, then regions by name, states in display order, and drops unknown states', () => {
    const cell = { p05: 0, p50: 0, p95: 0 };
    const make = (scope, scopeId, state) => ({ scope, scopeId, state, a: cell, b: cell, diffMedian: 0 });
    const ordered = comparisonRows(
      [make('region', 'Maghreb', 'killed'), make('world', '', 'disengaged'), make('region', 'Balkans', 'killed'), make('world', '', 'in_theatre'), make('world', '', 'unknown')],
      STATES,
    );
    expect(ordered.map((r) => `${r.scope}:${r.scopeId}:${r.state}`)).toEqual([
      'world::in_theatre',
      'world::disengaged',
      'region:Balkans:killed',
      'region:Maghreb:killed',
    ]);
  });
});

describe('formats', () => {
  it('writes counts, intervals and signed differences as a reader expects', () => {
    expect(formatInterval(1234.4, 800, 20000)).toBe('1,234 (800–20,000)');
    expect(formatDifference(120)).toBe('+120');
    expect(formatDifference(-45.6)).toBe('-46');
    expect(formatDifference(0)).toBe('0');
  });

  it('gives the percentage done without dividing by zero', () => {
    expect(percentDone(5, 10)).toBe(50);
    expect(percentDone(10, 10)).toBe(100);
    expect(percentDone(3, 0)).toBe(0);
    expect(percentDone(1, 3)).toBe(33);
  });
});

describe('line range for editor errors', () => {
  const text = 'name: a\nmonths: x\nstart: 2017-02';
  it('finds the start and end of a 1-based line', () => {
    expect(lineRange(text, 1)).toEqual({ start: 0, end: 7 });
    expect(text.slice(lineRange(text, 2).start, lineRange(text, 2).end)).toBe('months: x');
    expect(text.slice(lineRange(text, 3).start, lineRange(text, 3).end)).toBe('start: 2017-02');
  });
  it('goes to the end of the text for a line past the end', () => {
    expect(lineRange(text, 9)).toEqual({ start: text.length, end: text.length });
  });
});

describe('comparableRuns', () => {
  it('offers finished forecasts with replications, newest first, and nothing else', () => {
    const runs = [
      { id: 1, kind: 'forecast', status: 'succeeded', replications: 100 },
      { id: 2, kind: 'update', status: 'succeeded', replications: 0 },
      { id: 3, kind: 'forecast', status: 'running', replications: 100 },
      { id: 4, kind: 'threat', status: 'succeeded', replications: 50 },
      { id: 5, kind: 'forecast', status: 'succeeded', replications: 8 },
    ];
    expect(comparableRuns(runs).map((r) => r.id)).toEqual([5, 1]);
  });
});
