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
