// The results views of comparison, hindcast, calibration, sensitivity and screening runs, by kind.
// Their code (kindResults.js, with the chart types only they use) is a separate file loaded the
// first time such a run is opened, so the forecast's results page does not wait for it.

const KINDS = ['comparison', 'hindcast', 'calibration', 'sensitivity', 'screening'];

let loaded = null;
const load = () => {
  if (!loaded) loaded = import('./kindResults.js');
  return loaded;
};

/** Shows a succeeded run of one of these kinds in `body`: (body, run, ctx) => Promise. */
export const KIND_VIEWS = Object.fromEntries(
  KINDS.map((kind) => [kind, async (body, run, ctx) => (await load()).KIND_RESULTS[kind](body, run, ctx)]),
);
