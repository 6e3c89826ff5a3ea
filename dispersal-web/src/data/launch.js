// The body of POST /api/runs for each kind of run the launcher offers, built from the form's
// values (strings as the inputs hold them; files already read into {name, text}). Pure functions,
// so every kind's request is tested without a browser. The fields are those the server's
// RunSubmissions reads (docs/SERVICE.md).

/** The kinds the launcher offers, in its order. */
export const LAUNCH_KINDS = ['forecast', 'threat', 'update', 'comparison', 'hindcast', 'calibration', 'sensitivity', 'screening'];

const number = (value) => (value === undefined || value === null || String(value).trim() === '' ? undefined : Number(value));

function put(spec, key, value) {
  if (value !== undefined && value !== null && value !== '' && !(typeof value === 'number' && Number.isNaN(value))) spec[key] = value;
}

/**
 * Several observation files as one text in the observations format: the first file's header, then
 * every file's rows (a later file's header line is dropped when it repeats the first's).
 */
export function joinObservations(files) {
  const texts = (files || []).map((f) => String(f.text || '').replace(/\r\n/g, '\n'));
  if (!texts.length) return '';
  const [first, ...rest] = texts;
  const header = first.split('\n')[0];
  const body = rest.map((t) => {
    const lines = t.split('\n');
    return (lines[0].trim() === header.trim() ? lines.slice(1) : lines).join('\n');
  });
  return [first, ...body].map((t) => t.replace(/\n+$/, '')).filter((t) => t !== '').join('\n') + '\n';
}

/** "6, 12 24" as [6, 12, 24]; empty as undefined. */
export function monthList(text) {
  const parts = String(text || '').split(/[\s,;]+/).filter(Boolean);
  return parts.length ? parts.map(Number) : undefined;
}

/** Lines of text without blank ones, trimmed. */
export function lines(text) {
  return String(text || '').split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * The variants of a comparison: the base scenario first, then each other scenario chosen, then one
 * variant of the base per line of overrides ("border_closure=0.95; exit_rate_base=0.02").
 */
export function comparisonVariants(baseId, otherIds, overrideLines) {
  const variants = [{ scenarioId: Number(baseId) }];
  for (const id of otherIds || []) variants.push({ scenarioId: Number(id) });
  for (const line of lines(overrideLines)) {
    variants.push({ scenarioId: Number(baseId), set: line.split(';').map((s) => s.trim()).filter(Boolean) });
  }
  return variants;
}

/**
 * The request body of a run of `kind` from the launcher's values `v`. Empty optional fields are
 * left out, so the server's defaults apply.
 */
export function buildRunSpec(kind, v) {
  const spec = { scenarioId: Number(v.scenarioId) };
  if (kind !== 'forecast') spec.kind = kind;
  put(spec, 'seed', number(v.seed));
  switch (kind) {
    case 'forecast':
    case 'threat':
      spec.replications = number(v.replications);
      put(spec, 'months', number(v.months));
      if (kind === 'forecast') {
        put(spec, 'asOf', v.asOf);
        const files = (v.observationFiles || []).filter((f) => f && f.text);
        if (files.length) spec.observations = files.map((f) => ({ name: f.name, text: f.text }));
        // The filter conditions a forecast as of a date only; the service refuses it without one.
        if (v.asOf) put(spec, 'filter', v.filter);
        // The Liu-West move is on by default with the monthly filter; unticked, it is switched off.
        if (v.asOf && v.moveParameters === false && v.filter !== 'one-step') spec.filterDiscount = 'off';
        // The stock rule builds the initial stocks at a date; the service refuses it without one.
        if (v.asOf) put(spec, 'stocks', v.stocks);
      }
      return spec;
    case 'update':
      delete spec.seed;
      spec.events = v.events;
      spec.format = v.format;
      spec.replications = 0;
      put(spec, 'asOf', v.asOf);
      put(spec, 'reliability', number(v.reliability));
      put(spec, 'duplicateDays', number(v.duplicateDays));
      return spec;
    case 'comparison':
      spec.replications = number(v.replications);
      spec.variants = comparisonVariants(v.scenarioId, v.otherScenarios, v.overrides);
      put(spec, 'compareMonths', monthList(v.compareMonths));
      return spec;
    case 'hindcast':
      spec.asOf = v.asOf;
      spec.observations = joinObservations(v.observationFiles);
      put(spec, 'replications', number(v.replications));
      put(spec, 'particles', number(v.particles));
      put(spec, 'simulations', number(v.simulations));
      if (v.definitions === false) spec.definitions = false;
      put(spec, 'stocks', v.stocks);
      put(spec, 'startAt', v.startAt);
      return spec;
    case 'calibration':
      spec.observations = joinObservations(v.observationFiles);
      put(spec, 'asOf', v.asOf);
      put(spec, 'particles', number(v.particles));
      put(spec, 'simulations', number(v.simulations));
      put(spec, 'checkRuns', number(v.checkRuns));
      if (v.definitions === false) spec.definitions = false;
      return spec;
    case 'sensitivity':
      spec.outputs = lines(v.outputs);
      put(spec, 'trajectories', number(v.trajectories));
      put(spec, 'levels', number(v.levels));
      put(spec, 'top', number(v.top));
      put(spec, 'baseSamples', number(v.baseSamples));
      put(spec, 'replications', number(v.replications));
      put(spec, 'bootstrap', number(v.bootstrap));
      put(spec, 'sampling', v.sampling);
      return spec;
    case 'screening':
      spec.replications = number(v.replications);
      spec.country = v.country;
      put(spec, 'month', number(v.month));
      put(spec, 'window', number(v.window));
      spec.sensitivity = number(v.sensitivity);
      spec.specificity = number(v.specificity);
      return spec;
    default:
      throw new Error(`unknown kind of run: ${kind}`);
  }
}
