import { describe, expect, it } from 'vitest';
import { trackRecordBox } from '../src/data/trackRecord.js';

describe('trackRecordBox', () => {
  it('shows a scored scenario with its coverage and targets', () => {
    const box = trackRecordBox({
      scenario: 'isis-2017',
      scored: true,
      text: 'Frozen at 2017-02-13 and scored against 54 figures.',
      coverage90: 0.8333,
      coverage50: 0.4629,
      figures: 54,
      met: 4,
      measurable: 6,
      details: 'docs/VALIDATION.md (section Scorecard)',
    });
    expect(box.text).toBe('Frozen at 2017-02-13 and scored against 54 figures.');
    expect(box.facts).toEqual([
      '90% intervals held 83% of 54 later figures (nominal 90%)',
      '50% intervals held 46% (nominal 50%)',
      '4 of 6 targets met',
    ]);
    expect(box.details).toBe('docs/VALIDATION.md (section Scorecard)');
  });

  it('says plainly when no hindcast has scored the scenario', () => {
    const box = trackRecordBox({ scenario: 'mali-2013', scored: false, text: 'No hindcast has scored mali-2013.', details: 'x' });
    expect(box.facts).toEqual([]);
    expect(box.text).toBe('No hindcast has scored mali-2013.');
  });

  it('says the track record is unknown when it could not be read', () => {
    expect(trackRecordBox(null).text).toMatch(/could not be read/);
    expect(trackRecordBox({}).facts).toEqual([]);
  });
});
