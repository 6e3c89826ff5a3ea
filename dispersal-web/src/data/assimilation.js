// What an as-of forecast was conditioned on: the manifest's `assimilation` block (written by
// `dispersal forecast --as-of DATE --observations FILE...`) shaped for the results page. The
// contract: { as_of, effective_sample_size, used: [{file, line, source, target, value, published}],
// set_aside: [{... the same, reason}] }. Pure functions, tested in test/assimilation.test.js.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2017-03-31" -> "31 March 2017"; "2017-03" -> "March 2017"; anything else as it is. */
export function formatDay(text) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(String(text || ''));
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return String(text || '');
  const month = `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[3] ? `${Number(m[3])} ${month}` : month;
}

const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function figure(f) {
  return {
    file: String(f.file ?? ''),
    line: f.line === undefined || f.line === null ? null : Number(f.line),
    source: String(f.source ?? ''),
    target: String(f.target ?? ''),
    value: f.value === undefined || f.value === null ? '' : String(f.value),
    published: String(f.published ?? ''),
  };
}

const byPublication = (a, b) =>
  a.published.localeCompare(b.published) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);

/**
 * The "what this forecast knew" box, or null for a forecast without assimilation. `replications`
 * (the run's) puts the effective sample size in proportion.
 */
export function assimilationBox(manifest, replications) {
  const a = manifest && manifest.assimilation;
  if (!a || typeof a !== 'object') return null;
  const used = (Array.isArray(a.used) ? a.used : []).map(figure).sort(byPublication);
  const setAside = (Array.isArray(a.set_aside) ? a.set_aside : [])
    .map((f) => ({ ...figure(f), reason: String(f.reason ?? '') }))
    .sort(byPublication);
  const date = formatDay(a.as_of);
  const ess = Number(a.effective_sample_size);
  const facts = [];
  if (Number.isFinite(ess)) {
    const of = replications > 0 ? ` of ${plural(replications, 'replication', 'replications')}` : '';
    const rounded = ess >= 100 ? Math.round(ess).toLocaleString('en') : ess.toFixed(1);
    facts.push(`Effective sample size after conditioning: ${rounded}${of}. The fewer, the more the figures narrowed the forecast and the less smooth its percentiles.`);
  }
  if (setAside.length) {
    facts.push(`${plural(setAside.length, 'figure was', 'figures were')} set aside (listed below with the reason).`);
  }
  return {
    asOf: String(a.as_of ?? ''),
    headline: `Conditioned on ${plural(used.length, 'figure', 'figures')} published by ${date}`,
    facts,
    used,
    setAside,
  };
}

/**
 * The share of the replications below which a step's effective sample size warns, for manifests
 * written before they carried `ess_warning_share`: the command line's rule of thumb
 * (`Assimilation.ESS_WARNING_SHARE`, 10%; an assumption with the range 5-50%, docs/FORECASTS.md).
 */
export const DEFAULT_ESS_WARNING_SHARE = 0.1;

const FILTERS = {
  monthly: {
    label: 'Month by month (particle filter)',
    how: 'Each month with published figures, the replications were weighed by how well they match that month’s figures, the likely ones kept and continued with fresh randomness.',
  },
  'one-step': {
    label: 'One step over all figures',
    how: 'The replications were weighed once on all the figures together, and the likely ones kept.',
  },
};

const percent = (share) => `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;

/**
 * Whether the monthly filter moved the static parameters at each step, in words, from the
 * manifest's `assimilation.parameter_move` ({method: 'liu-west' | 'off', discount?}); null when the
 * manifest has none (the one-step filter, runs made before the move existed).
 */
export function parameterMove(a) {
  const m = a && a.parameter_move;
  if (!m || typeof m !== 'object') return null;
  if (m.method === 'off') {
    return {
      moved: false,
      discount: null,
      text: 'Not moved: each kept replication ran on to the end with the parameters it started with (the Liu-West move was switched off).',
    };
  }
  const discount = Number(m.discount);
  const d = Number.isFinite(discount) ? ` with discount ${discount}` : '';
  return {
    moved: m.method === 'liu-west',
    discount: Number.isFinite(discount) ? discount : null,
    text:
      m.method === 'liu-west'
        ? `Moved at each step (Liu-West${d}): each kept replication’s parameters were pulled a little towards the ensemble’s weighted mean and given a small random shift, so the parameters do not collapse onto a few values.`
        : `Moved by ${String(m.method)}${d}.`,
  };
}

/**
 * The "Assimilation" panel of an as-of forecast: the filter, whether the parameters were moved
 * and, per resampling step, the month of its figures, how many, the effective sample size (ESS) as
 * a share of the replications, whether it is below the warning share, the distinct particles the
 * step kept and the distinct parameter vectors after it. Null without assimilation or steps (older
 * runs). The contract: the manifest's `assimilation.filter`, `assimilation.steps: [{month?,
 * figures, ess, distinct, parameter_vectors?}]`, `parameter_move?`, `ess_warning_share`,
 * `particles`. `vectors` is false when no step carries `parameter_vectors` (runs made before it):
 * the panel then has no column for it.
 */
export function assimilationSteps(manifest, replications) {
  const a = manifest && manifest.assimilation;
  if (!a || typeof a !== 'object' || !Array.isArray(a.steps)) return null;
  const particles = Number(a.particles) > 0 ? Number(a.particles) : Number(replications) > 0 ? Number(replications) : null;
  const declared = Number(a.ess_warning_share);
  const threshold = Number.isFinite(declared) && declared > 0 && declared < 1 ? declared : DEFAULT_ESS_WARNING_SHARE;
  const filter = String(a.filter ?? '');
  const known = FILTERS[filter];
  const single = a.steps.length === 1 && filter === 'one-step';
  const steps = a.steps
    .filter((s) => s && typeof s === 'object')
    .map((s) => {
      const ess = Number(s.ess);
      const share = particles && Number.isFinite(ess) ? ess / particles : null;
      const month = s.month === undefined || s.month === null ? '' : String(s.month);
      return {
        month,
        label: single ? (month ? `All months to ${formatDay(month)}` : 'All months') : month ? formatDay(month) : 'All months',
        figures: Number.isFinite(Number(s.figures)) ? Number(s.figures) : null,
        ess: Number.isFinite(ess) ? ess : null,
        essText: !Number.isFinite(ess) ? '–' : ess >= 100 ? Math.round(ess).toLocaleString('en') : ess.toFixed(1),
        share,
        shareText: share === null ? '–' : percent(share),
        distinct: Number.isFinite(Number(s.distinct)) ? Number(s.distinct) : null,
        vectors: s.parameter_vectors === undefined || s.parameter_vectors === null || !Number.isFinite(Number(s.parameter_vectors)) ? null : Number(s.parameter_vectors),
        low: share !== null && share < threshold,
      };
    });
  const low = steps.filter((s) => s.low);
  const of = particles ? plural(particles, 'replication', 'replications') : 'the replications';
  let warning = null;
  if (low.length) {
    const where = single ? 'After conditioning' : low.length === 1 ? `In ${low[0].label}` : `In ${low.length} of ${steps.length} steps`;
    warning = `${where} the effective sample size fell below ${percent(threshold)} of ${of}: the figures narrowed the ensemble to few distinct replications, so its intervals are less trustworthy than they look.`;
  }
  return {
    filter,
    filterLabel: known ? known.label : filter || 'not stated',
    how: known ? known.how : '',
    threshold,
    thresholdText: percent(threshold),
    particles,
    steps,
    vectors: steps.some((s) => s.vectors !== null),
    move: parameterMove(a),
    warning,
    reading: `The effective sample size is how many equally weighted replications the step’s weights are worth, out of ${of}. The lower it is, the more that step’s figures narrowed the forecast; below ${percent(threshold)} the conditioning rests on few replications.`,
  };
}
