import { describe, expect, it } from 'vitest';
import { assimilationBox, formatDay } from '../src/data/assimilation.js';
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
