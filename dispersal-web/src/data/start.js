// Where a hindcast's forecast starts (`startAt`, as dispersal hindcast's --start-at-date and
// --start-at-scenario; docs/FORECASTS.md): the launcher's choices and the sentence the results show
// from the manifest's `startAt` entry. Pure, tested in test/start.test.js.

/** The starts, in the launcher's order: id, label, one-line explanation. */
export const START_RULES = [
  ['date', 'At the forecast date', 'Month 0 is the month of the date, with what was lost and known by then (the default).'],
  ['scenario', 'At the scenario’s start', 'Month 0 stays the scenario’s start; only what was published is frozen at the date.'],
];

/**
 * What the manifest says of the forecast's start, in one sentence, or null when it says nothing (a
 * run of another kind, or a hindcast made before the entry existed).
 */
export function startSentence(manifest) {
  const start = manifest && manifest.startAt;
  if (typeof start !== 'string' || !start.trim()) return null;
  if (start.startsWith('date')) return 'The forecast starts at its date: month 0 is the month of the forecast date (the default).';
  if (start.startsWith('scenario')) return 'The forecast starts at the scenario’s start; only the information set is frozen at the date.';
  return `Forecast start: ${start}.`;
}
