import { describe, expect, it } from 'vitest';
import {
  destinationFans,
  destinationMap,
  destinationName,
  destinationRanking,
  destinationStates,
  formatShare,
} from '../src/data/destinations.js';

// Rows as GET /api/runs/{id}/summary?scope=world sends them (see test/fixtures), a state's total
// and its split by destination.
const row = (over) => ({ scope: 'world', scopeId: '', demographic: 'all', date: '2017-02', p25: 0, p75: 0, ...over });
const ROWS = [
  row({ month: 0, state: 'relocated', destination: '', mean: 100, p05: 80, p50: 100, p95: 120 }),
  row({ month: 0, state: 'relocated', destination: 'libya', mean: 60, p05: 40, p50: 58, p95: 90, p25: 50, p75: 70 }),
  row({ month: 0, state: 'relocated', destination: 'sahel', mean: 30, p05: 10, p50: 31, p95: 50 }),
  row({ month: 0, state: 'relocated', destination: 'yemen', mean: 10, p05: 2, p50: 9, p95: 20 }),
  row({ month: 1, date: '2017-03', state: 'relocated', destination: 'libya', mean: 70, p05: 45, p50: 68, p95: 99 }),
  row({ month: 1, date: '2017-03', state: 'dispatched', destination: 'FRA', mean: 3, p05: 0, p50: 3, p95: 7 }),
  row({ month: 1, date: '2017-03', state: 'dispatched', destination: 'rest:maghreb', mean: 1, p05: 0, p50: 1, p95: 3 }),
  row({ month: 1, date: '2017-03', state: 'dispatched', destination: 'BEL', mean: 0, p05: 0, p50: 0, p95: 0 }),
  row({ month: 1, date: '2017-03', state: 'dispatched', destination: 'DEU', mean: 3, p05: 0, p50: 2, p95: 6 }),
  row({ month: 1, date: '2017-03', state: 'dispatched', destination: 'GBR', demographic: 'women', mean: 9, p05: 0, p50: 9, p95: 9 }),
  row({ month: 1, date: '2017-03', scope: 'region', scopeId: 'maghreb', state: 'dispatched', destination: 'ITA', mean: 9, p05: 9, p50: 9, p95: 9 }),
];
const PLACES = [
  { id: 'libya', name: 'Libya', kind: 'third_theatre', countries: ['LBY'] },
  { id: 'sahel', name: 'Sahel (Mali, Niger, Burkina Faso)', kind: 'third_theatre', countries: ['MLI', 'NER', 'BFA'] },
  { id: 'yemen', name: 'Yemen', kind: 'third_theatre', countries: ['YEM'] },
];
const COUNTRIES = { FRA: 'France', DEU: 'Germany' };
const nameOf = (id) => destinationName(id, PLACES, (code) => COUNTRIES[code] || code);

describe('destination names', () => {
  it('names theatres from the places, countries from the origins, remainders in words', () => {
    expect(nameOf('sahel')).toBe('Sahel (Mali, Niger, Burkina Faso)');
    expect(nameOf('FRA')).toBe('France');
    expect(nameOf('IRN')).toBe('IRN');
    expect(nameOf('rest:former_soviet')).toBe('Other countries (Former Soviet)');
    expect(nameOf('rest:world')).toBe('Other countries (rest of the world)');
  });

  it('offers the destination states the server knows, in order', () => {
    const states = [
      { id: 'attack', label: 'Attacks' },
      { id: 'killed', label: 'Killed' },
      { id: 'relocated', label: 'Relocated' },
    ];
    expect(destinationStates(states).map((s) => s.id)).toEqual(['relocated', 'attack']);
  });
});

describe('destination ranking', () => {
  it('ranks the theatres of relocators at a month by their mean, with median, interval and share', () => {
    const ranking = destinationRanking(ROWS, 'relocated', 0, nameOf);
    expect(ranking.map((d) => [d.rank, d.id, d.p50, d.p05, d.p95])).toEqual([
      [1, 'libya', 58, 40, 90],
      [2, 'sahel', 31, 10, 50],
      [3, 'yemen', 9, 2, 20],
    ]);
    expect(ranking.map((d) => d.share)).toEqual([0.6, 0.3, 0.1]);
    expect(ranking[1].name).toBe('Sahel (Mali, Niger, Burkina Faso)');
  });

  it('keeps world rows for everyone only, drops empty destinations, breaks ties by median then id', () => {
    const ranking = destinationRanking(ROWS, 'dispatched', 1, nameOf);
    expect(ranking.map((d) => d.id)).toEqual(['FRA', 'DEU', 'rest:maghreb']);
    expect(ranking.map((d) => d.share)).toEqual([3 / 7, 3 / 7, 1 / 7]);
  });

  it('formats shares as whole percentages', () => {
    expect(formatShare(0.604)).toBe('60%');
    expect(formatShare(0.003)).toBe('<1%');
    expect(formatShare(0)).toBe('0%');
  });
});

describe('destination fans over time', () => {
  it('gives each destination its percentiles month by month, zero where no row was kept', () => {
    const axis = [
      { month: 0, date: '2017-02' },
      { month: 1, date: '2017-03' },
    ];
    const [libya, yemen] = destinationFans(ROWS, 'relocated', ['libya', 'yemen'], axis);
    expect(libya.id).toBe('libya');
    expect(libya.fan.p50).toEqual([58, 68]);
    expect(libya.fan.p25).toEqual([50, 0]);
    expect(libya.fan.p95).toEqual([90, 99]);
    expect(libya.fan.dates).toEqual(['2017-02', '2017-03']);
    expect(yemen.fan.p50).toEqual([9, 0]);
  });
});

describe('destinations on the map', () => {
  it("colours each country of a theatre with the theatre's figures and lists what has no shape", () => {
    const theatres = destinationMap(destinationRanking(ROWS, 'relocated', 0, nameOf), PLACES);
    expect(theatres.values.map((v) => [v.iso3, v.p50])).toEqual([
      ['LBY', 58],
      ['MLI', 31],
      ['NER', 31],
      ['BFA', 31],
      ['YEM', 9],
    ]);
    expect(theatres.nameOf('NER')).toBe('Sahel (Mali, Niger, Burkina Faso)');
    expect(theatres.unmapped).toEqual([]);

    const countries = destinationMap(destinationRanking(ROWS, 'dispatched', 1, nameOf), PLACES);
    expect(countries.values.map((v) => v.iso3)).toEqual(['FRA', 'DEU']);
    expect(countries.unmapped).toEqual(['Other countries (Maghreb)']);
  });
});
