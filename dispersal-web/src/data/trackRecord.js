// The "How good is this forecast?" box of a forecast's results page, as data: the server's track
// record of the run's scenario (GET /api/runs/{id}/track-record) turned into the lines the box shows.

/** Formats a share in [0, 1] as a whole percentage. */
function percent(share) {
  return `${Math.round(share * 100)}%`;
}

/**
 * The box of a track record: a title, the server's text, and for a scored scenario the key figures
 * (coverage of the 90% and 50% intervals against their nominal levels, targets met) as short facts.
 * A missing or failed track record gives a box that says the forecast's track record is unknown.
 */
export function trackRecordBox(record) {
  if (!record || typeof record.text !== 'string') {
    return {
      title: 'How good is this forecast?',
      text: 'Its track record could not be read: read its probabilities as the model\'s, not as calibrated odds.',
      facts: [],
      details: 'docs/VALIDATION.md',
    };
  }
  const facts = record.scored
    ? [
        `90% intervals held ${percent(record.coverage90)} of ${record.figures} later figures (nominal 90%)`,
        `50% intervals held ${percent(record.coverage50)} (nominal 50%)`,
        `${record.met} of ${record.measurable} targets met`,
      ]
    : [];
  return { title: 'How good is this forecast?', text: record.text, facts, details: record.details };
}
