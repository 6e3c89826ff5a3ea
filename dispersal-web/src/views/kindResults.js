// Results of comparison, hindcast, calibration, sensitivity and screening runs, each from the files
// the run stored (read through GET /api/runs/{id}/files/{name} and /calibration): charts, tables
// and the run's report and tables to download, by kind in KIND_RESULTS (loaded on first use
// through kindViews.js).

import { api, downloads } from '../api.js';
import { drawChart } from '../charts/draw.js';
import {
  differenceOption,
  histogramOption,
  intervalsOption,
  pitOption,
  reliabilityOption,
  screeningOption,
  sobolOption,
  tornadoOption,
} from '../charts/kindOptions.js';
import { field, h, replace } from '../dom.js';
import { calibrationRows, calibrationSentence, histograms, intervalBars } from '../data/calibration.js';
import { comparisonData, comparisonTable, differenceSeries } from '../data/comparison.js';
import { formatNumber, percent } from '../data/csv.js';
import {
  choices,
  coverageRows,
  kindRows,
  figureRows,
  filterFigures,
  horizonLabel,
  horizons,
  observedText,
  pitBars,
  placeText,
  reliability,
  targets,
  verdict,
} from '../data/hindcast.js';
import { screeningData, screeningSentence } from '../data/screening.js';
import { startSentence } from '../data/start.js';
import { stockRuleSentence } from '../data/stocks.js';
import { sensitivityData, sensitivityTable, sobolRows, tornado } from '../data/sensitivity.js';

/**
 * The HTML report each kind stores, served by GET /api/runs/{id}/files/{name} (GET .../report
 * answers report.html, which only forecasts store).
 */
const REPORT_FILES = {
  comparison: 'compare.html',
  hindcast: 'hindcast.html',
  calibration: 'calibration.html',
  sensitivity: 'sensitivity.html',
  screening: 'screening.html',
};

/** A run's downloads: its report, then each export given as [format, label], then extra links. */
function downloadLinks(run, exports, ...extra) {
  return h(
    'section',
    { class: 'downloads', 'aria-label': 'Downloads' },
    h('a', { href: downloads.file(run.id, REPORT_FILES[run.kind]), download: '', id: 'download-report', class: 'button secondary' }, 'Download the report'),
    exports.map(([format, label]) => h('a', { href: downloads.export(run.id, format), download: '', id: `export-${format}`, class: 'button secondary' }, label)),
    extra,
  );
}

/** A table with a caption, column heads ([label, numeric?]) and rows of cells. */
function table(id, caption, heads, rows, { hideCaption = false } = {}) {
  return h(
    'table',
    { class: 'data compact', id },
    caption ? h('caption', { class: hideCaption ? 'visually-hidden' : null }, caption) : null,
    h('thead', {}, h('tr', {}, heads.map(([label, numeric]) => h('th', { scope: 'col', class: numeric ? 'num' : null }, label)))),
    h('tbody', {}, rows),
  );
}

const td = (text, numeric) => h('td', { class: numeric ? 'num' : null }, text === null || text === undefined ? '–' : String(text));

function chartBox(id, label, tall = true) {
  return h('div', { class: tall ? 'chart chart-tall' : 'chart', id, role: 'img', 'aria-label': label });
}

function fileLink(run, name, label) {
  return h('a', { href: downloads.file(run.id, name), download: '', id: `file-${name.replace(/\W/g, '-')}`, class: 'button secondary' }, label);
}

/** Draws charts after the boxes are in the page (they need their size). */
function drawLater(draws) {
  requestAnimationFrame(() => draws.forEach(([box, option]) => drawChart(box, option)));
}

/** A comparison: paired differences from the base at every horizon, and every variant side by side. */
export async function showComparison(body, run, ctx) {
  const data = comparisonData(await api.file(run.id, 'compare.csv'));
  const links = downloadLinks(run, [['csv', 'Export CSV (compare.csv)']]);
  if (!data.rows.length) {
    replace(body, links, h('p', {}, 'This comparison has no rows.'));
    return;
  }
  const label = (id) => (ctx && ctx.stateLabel ? ctx.stateLabel(id) : id);
  const state = h('select', { id: 'comparison-state' }, data.states.map((s) => h('option', { value: s, selected: s === 'returned' }, label(s))));
  const month = h('select', { id: 'comparison-month' }, data.months.map((m) => h('option', { value: String(m) }, `month ${m}`)));
  const diffBox = chartBox('comparison-diff', 'Paired differences from the base at every compared month');
  const diffText = h('ul', { class: 'visually-hidden', id: 'comparison-diff-text' });
  const tableBox = h('div', { class: 'scroll nowrap' });
  const drawDiff = () => {
    const series = differenceSeries(data, state.value);
    drawChart(diffBox, differenceOption(series, data.months, label(state.value)));
    replace(diffText, series.flatMap((s) => s.points.map((p) => h('li', {}, `${s.variant}, month ${p.month}: ${formatNumber(p.p50)} [${formatNumber(p.p05)} to ${formatNumber(p.p95)}]`))));
  };
  const drawTable = () => {
    const m = Number(month.value);
    const rows = comparisonTable(data, m);
    replace(
      tableBox,
      table(
        'comparison-table',
        `Month ${m}`,
        [['Outcome'], ...data.variants.flatMap((v) => (v === data.base ? [[`${v} (base)`, true]] : [[v, true], [`difference`, true]]))],
        rows.map((r) =>
          h(
            'tr',
            { dataset: { state: r.state } },
            h('th', { scope: 'row' }, label(r.state)),
            r.cells.flatMap((c) => [td(c.level, true), c.difference === null ? null : h('td', { class: c.differs ? 'num strong' : 'num' }, c.difference)]),
          ),
        ),
      ),
    );
  };
  state.addEventListener('change', drawDiff);
  month.addEventListener('change', drawTable);
  replace(
    body,
    links,
    h('p', { class: 'hint' }, `${data.variants.length} variants, ${data.runs} paired runs each (the same seeds, so the differences are paired); the first, ${data.base}, is the base.`),
    h(
      'section',
      { 'aria-labelledby': 'comparison-diff-title' },
      h('h2', { id: 'comparison-diff-title' }, 'Differences from the base at every horizon'),
      h('div', { class: 'fan-head' }, field('Outcome', state)),
      h('p', { class: 'hint' }, 'Point: the median paired difference; line: 90% of paired runs fall in it. A range that crosses zero does not tell the variants apart.'),
      diffBox,
      diffText,
    ),
    h('section', { 'aria-labelledby': 'comparison-table-title' }, h('h2', { id: 'comparison-table-title' }, 'Variants side by side'),
      h('p', { class: 'hint' }, `Each variant's median [90% range] and, after it, its paired difference from ${data.base} [90% range across paired runs]. Bold: the range leaves out zero.`),
      h('div', { class: 'fan-head' }, field('Month', month)), tableBox),
  );
  drawTable();
  requestAnimationFrame(drawDiff);
}

/** A hindcast: the verdict, coverage by horizon, the reliability diagram, the PIT histogram and the scored figures. */
export async function showHindcast(body, run) {
  const [scorecard, csv] = await Promise.all([api.file(run.id, 'scorecard.json'), api.file(run.id, 'hindcast.csv')]);
  const rows = figureRows(csv);
  const horizon = h('select', { id: 'hindcast-horizon' }, horizons(scorecard).map((x) => h('option', { value: x }, horizonLabel(x))));
  const relBox = chartBox('hindcast-reliability', 'Reliability diagram: share of figures inside each central interval against its level');
  const pitBox = chartBox('hindcast-pit', 'PIT histogram of the scored figures');
  const drawScores = () => {
    drawChart(relBox, reliabilityOption(reliability(scorecard, horizon.value)));
    drawChart(pitBox, pitOption(pitBars(scorecard, horizon.value)));
  };
  horizon.addEventListener('change', drawScores);

  const filters = {
    status: h('select', { id: 'figure-status' }, h('option', { value: '' }, 'Any'), choices(rows, 'status').map((s) => h('option', { value: s, selected: s === 'scored' }, s.replace('_', ' ')))),
    measure: h('select', { id: 'figure-measure' }, h('option', { value: '' }, 'Any'), choices(rows, 'measure').map((s) => h('option', { value: s }, s))),
    scope: h('select', { id: 'figure-scope' }, h('option', { value: '' }, 'Any'), choices(rows, 'scope').map((s) => h('option', { value: s }, s))),
    in90: h('select', { id: 'figure-in90' }, h('option', { value: '' }, 'Any'), h('option', { value: 'in' }, 'inside'), h('option', { value: 'out' }, 'outside')),
    text: h('input', { type: 'search', id: 'figure-text', placeholder: 'country, source, note' }),
  };
  const count = h('p', { class: 'hint', id: 'figure-count', role: 'status', 'aria-live': 'polite' });
  const figureBox = h('div', { class: 'scroll tall-table', id: 'hindcast-figures-box' });
  const drawFigures = () => {
    const kept = filterFigures(rows, Object.fromEntries(Object.entries(filters).map(([k, el]) => [k, el.value])));
    count.textContent = `${kept.length} of ${rows.length} figures.`;
    replace(
      figureBox,
      table(
        'hindcast-figures',
        'The figures the hindcast read',
        [['Date'], ['Place'], ['Measure'], ['Figure', true], ['Source'], ['Status'], ['Forecast', true], ['In 90%'], ['CRPS', true], ['PIT', true], ['Note']],
        kept.map((r) =>
          h(
            'tr',
            {},
            td(r.date),
            h('td', { title: r.scopeId }, placeText(r)),
            td(r.measure),
            td(observedText(r), true),
            td(r.source),
            td(r.status.replace('_', ' ')),
            td(r.p50 === null ? '–' : `${formatNumber(r.p50)} [${formatNumber(r.p05)}–${formatNumber(r.p95)}]`, true),
            td(r.in90 === null ? '–' : r.in90 ? 'yes' : 'no'),
            td(formatNumber(r.crps), true),
            td(r.pit === null ? '–' : r.pit.toFixed(2), true),
            h('td', { class: 'note' }, r.note || ''),
          ),
        ),
        { hideCaption: true },
      ),
    );
  };
  Object.values(filters).forEach((el) => el.addEventListener(el.tagName === 'INPUT' ? 'input' : 'change', drawFigures));

  replace(
    body,
    downloadLinks(run, [['csv', 'Export CSV (hindcast.csv)']], fileLink(run, 'scorecard.json', 'Scorecard (JSON)')),
    h('section', { class: 'card', 'aria-labelledby': 'hindcast-verdict-title' }, h('h2', { id: 'hindcast-verdict-title' }, 'Verdict'), h('p', { id: 'hindcast-verdict' }, verdict(scorecard)),
      h('ul', { class: 'facts', id: 'hindcast-targets' }, targets(scorecard).map((t) => h('li', { dataset: { status: t.status } }, h('strong', {}, `${t.statusText}: `), t.text))),
      stockRuleSentence(run.manifest) ? h('p', { class: 'hint', id: 'stocks-rule' }, stockRuleSentence(run.manifest)) : null,
      startSentence(run.manifest) ? h('p', { class: 'hint', id: 'forecast-start' }, startSentence(run.manifest)) : null),
    scoreSection('hindcast-coverage', 'Coverage and skill by horizon', 'Share of the figures inside the 50% and 90% intervals [90% bootstrap interval]; CRPS skill against persistence (no change) and the linear trend, each figure weighted equally (in brackets after it: the figures with that baseline).', 'Horizon', coverageRows(scorecard), 'horizon'),
    kindRows(scorecard).length === 0
      ? null
      : scoreSection('hindcast-kinds', 'Coverage and skill by what is counted', 'All horizons pooled. "Counted before the forecast date": a figure of the same quantity was public by then, so the forecast starts from a published figure; "not counted before": it starts from the scenario\'s shares, which persistence shares too.', 'Figures of', kindRows(scorecard), 'kind'),
    h('div', { class: 'fan-head' }, field('Horizon', horizon)),
    h(
      'div',
      { class: 'pair' },
      h('section', { 'aria-labelledby': 'hindcast-reliability-title' }, h('h2', { id: 'hindcast-reliability-title' }, 'Reliability diagram'),
        h('p', { class: 'hint' }, 'A calibrated forecast lies on the dashed diagonal; below it, the intervals are too narrow.'), relBox),
      h('section', { 'aria-labelledby': 'hindcast-pit-title' }, h('h2', { id: 'hindcast-pit-title' }, 'PIT histogram'),
        h('p', { class: 'hint' }, 'Where each figure fell in its forecast distribution. Flat: calibrated; U-shaped: too narrow; piled up on the right: the forecast was too low.'), pitBox),
    ),
    h(
      'section',
      { 'aria-labelledby': 'hindcast-figures-title' },
      h('h2', { id: 'hindcast-figures-title' }, 'The figures'),
      h('p', { class: 'hint' }, 'Every figure the hindcast read: what it says and, for the scored ones, the forecast median [90% interval] at its date, whether the 90% interval held it, its CRPS (in people) and where it fell in the forecast distribution (PIT).'),
      h('div', { class: 'filters', role: 'group', 'aria-label': 'Filter the figures' },
        field('Status', filters.status), field('Measure', filters.measure), field('Scope', filters.scope), field('Inside the 90% interval', filters.in90), field('Search', filters.text)),
      count,
      figureBox,
    ),
  );
  drawFigures();
  requestAnimationFrame(drawScores);
}

/** How the run read its figures (the manifest's definitions entry), or nothing if it does not say. */
function definitionsSentence(run) {
  const note = run && run.manifest && run.manifest.definitions;
  if (typeof note !== 'string') return null;
  const text = note.startsWith('off')
    ? 'Every figure was compared with the plain count of its measure (definitions off).'
    : 'Each figure was compared with what its source counts (definitions on: people in theatre as a residual, confirmed deaths, a total over the countries that report).';
  return h('p', { class: 'hint', id: 'calibration-definitions' }, text);
}

/** A calibration (and the calibration inside a hindcast): posterior against prior per parameter. */
export async function showCalibration(body, run, _ctx, { withLinks = true } = {}) {
  const doc = await api.calibration(run.id);
  const rows = calibrationRows(doc);
  const bars = intervalBars(doc);
  const parameter = h('select', { id: 'calibration-parameter' }, rows.map((r) => h('option', { value: r.name }, r.name)));
  const histBox = chartBox('calibration-histogram', 'Prior and posterior of the chosen parameter', false);
  histBox.classList.add('chart-short');
  const barsBox = h('div', { class: 'chart', id: 'calibration-intervals', role: 'img', 'aria-label': 'Prior and posterior 90% intervals of every parameter' });
  barsBox.classList.add(bars.length > 8 ? 'chart-tall' : 'chart-short');
  const drawHist = () => {
    const hist = histograms(doc, parameter.value);
    if (hist) drawChart(histBox, histogramOption(hist));
  };
  parameter.addEventListener('change', drawHist);
  replace(
    body,
    withLinks ? downloadLinks(run, [['csv', 'Export CSV (posterior.csv)']]) : null,
    h('p', { id: 'calibration-sentence' }, calibrationSentence(doc)),
    definitionsSentence(run),
    h('section', { 'aria-labelledby': 'calibration-intervals-title' }, h('h2', { id: 'calibration-intervals-title' }, 'Posterior against prior'),
      h('p', { class: 'hint' }, 'Each parameter on its own prior scale: grey, the prior’s 90% interval; blue, the posterior’s, with its median. A short blue bar: the figures pinned the parameter down.'), barsBox),
    h(
      'section',
      { 'aria-labelledby': 'calibration-table-title' },
      h('h2', { id: 'calibration-table-title' }, 'Every parameter'),
      h('p', { class: 'hint' }, 'Median [90% interval] of prior and posterior. Kept: the posterior’s 90% width as a share of the prior’s (near 100%: the figures say little about the parameter). Bold: the posterior’s median left the prior’s central half.'),
      table(
        'calibration-table',
        'Prior and posterior of every calibrated parameter',
        [['Parameter'], ['Prior'], ['Prior median [90%]', true], ['Posterior median [90%]', true], ['Kept', true]],
        rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.name), td(r.prior), td(r.priorText, true), h('td', { class: r.moved ? 'num strong' : 'num' }, r.posteriorText), td(r.keptText, true))),
        { hideCaption: true },
      ),
    ),
    h('section', { 'aria-labelledby': 'calibration-hist-title' }, h('h2', { id: 'calibration-hist-title' }, 'One parameter'), h('div', { class: 'fan-head' }, field('Parameter', parameter)), histBox),
  );
  drawLater([[barsBox, intervalsOption(bars)]]);
  requestAnimationFrame(drawHist);
}

/** A sensitivity analysis: for each output the tornado of Morris effects and the Sobol' indices. */
export async function showSensitivity(body, run) {
  const outputs = sensitivityData(await api.file(run.id, 'sensitivity.csv'));
  const links = downloadLinks(run, [['csv', 'Export CSV (sensitivity.csv)']]);
  if (!outputs.length) {
    replace(body, links, h('p', {}, 'This analysis has no outputs.'));
    return;
  }
  const output = h('select', { id: 'sensitivity-output' }, outputs.map((o, i) => h('option', { value: String(i) }, o.label)));
  const tornadoBox = chartBox('sensitivity-tornado', 'Tornado chart of the Morris effects');
  const sobolBox = chartBox('sensitivity-sobol', 'Sobol’ indices with their bootstrap intervals', false);
  const tableBox = h('div', { class: 'scroll' });
  const draw = () => {
    const o = outputs[Number(output.value)];
    const top = tornado(o, 12);
    tornadoBox.setAttribute('aria-label', `Tornado chart for ${o.label}: ${top.map((r) => `${r.parameter} ${formatNumber(r.mu)}`).join('; ')}`);
    drawChart(tornadoBox, tornadoOption(top, o.label));
    const sobol = sobolRows(o);
    sobolBox.hidden = sobol.length === 0;
    if (sobol.length) drawChart(sobolBox, sobolOption(sobol));
    replace(
      tableBox,
      table(
        'sensitivity-table',
        `${o.label}: every parameter by Morris rank`,
        [['Rank', true], ['Parameter'], ['μ*', true], ['μ', true], ['σ', true], ['S1', true], ['ST', true]],
        sensitivityTable(o).map((r) => h('tr', {}, td(r.rank, true), h('th', { scope: 'row' }, r.parameter), td(r.muStar, true), td(r.mu, true), td(r.sigma, true), td(r.s1, true), td(r.st, true))),
      ),
    );
  };
  output.addEventListener('change', draw);
  replace(
    body,
    links,
    h('div', { class: 'fan-head' }, field('Output', output)),
    h(
      'div',
      { class: 'pair' },
      h('section', { 'aria-labelledby': 'sensitivity-tornado-title' }, h('h2', { id: 'sensitivity-tornado-title' }, 'What moves this output (Morris)'),
        h('p', { class: 'hint' }, 'Bars: the mean effect of moving a parameter across its prior range, blue upward, orange downward; diamond: the mean absolute effect μ*.'), tornadoBox),
      h('section', { 'aria-labelledby': 'sensitivity-sobol-title' }, h('h2', { id: 'sensitivity-sobol-title' }, 'Share of the variance (Sobol’)'),
        h('p', { class: 'hint' }, 'First order: the share of the output’s variance due to the parameter alone; total: with its interactions. Lines: bootstrap intervals.'), sobolBox),
    ),
    h('section', { 'aria-labelledby': 'sensitivity-table-title' }, h('h2', { id: 'sensitivity-table-title' }, 'Every parameter'),
      h('p', { class: 'hint' }, 'μ*: the mean absolute elementary effect; μ: the mean effect (its sign is the direction); σ: the spread of the effects (interactions or non-linearity). S1 and ST: Sobol’ first-order and total indices [bootstrap interval], computed for the top parameters of the Morris ranking.'),
      tableBox),
  );
  requestAnimationFrame(draw);
}

/** A screening: what a test of given sensitivity and specificity would flag among returnees. */
export async function showScreening(body, run, ctx) {
  const data = screeningData(await api.file(run.id, 'screening.csv'));
  const links = downloadLinks(run, [['csv', 'Export CSV (screening.csv)']]);
  if (!data) {
    replace(body, links, h('p', {}, 'This screening has no rows.'));
    return;
  }
  const name = (id) => (ctx && ctx.originName ? ctx.originName(id) : id);
  const counts = data.measures.filter((m) => ['flagged_committed', 'missed', 'wrongly_flagged', 'committed'].includes(m.id));
  const box = chartBox('screening-chart', 'Would-be attackers found and missed, and people flagged wrongly', false);
  replace(
    body,
    links,
    h('section', { class: 'card', 'aria-labelledby': 'screening-title' }, h('h2', { id: 'screening-title' }, `Screening returnees in ${name(data.country)}`), h('p', { id: 'screening-sentence' }, screeningSentence(data, name)),
      h('p', { class: 'hint' }, `Window: returnees of the ${data.window} months before month ${data.month}; sensitivity ${percent(data.sensitivity)}, specificity ${percent(data.specificity)}.`)),
    box,
    table(
      'screening-table',
      'Mean [5th–95th percentile across runs]',
      [['Measure'], ['Mean [90% range]', true]],
      data.measures.map((m) => h('tr', { dataset: { measure: m.id } }, h('th', { scope: 'row' }, m.label), td(m.text, true))),
    ),
  );
  drawLater([[box, screeningOption(counts)]]);
}

/** The results view of each kind of run this module draws. */
export const KIND_RESULTS = {
  comparison: showComparison,
  hindcast: async (body, run, ctx) => {
    const hindcast = h('div', { id: 'hindcast-body' });
    const calibration = h('section', { id: 'hindcast-calibration', 'aria-labelledby': 'hindcast-calibration-title' });
    replace(body, hindcast, calibration);
    await showHindcast(hindcast, run);
    calibration.append(h('h2', { id: 'hindcast-calibration-title' }, 'The calibration as of the forecast date'));
    const inner = h('div');
    calibration.append(inner);
    await showCalibration(inner, run, ctx, { withLinks: false }).catch(() => replace(inner, h('p', {}, 'This hindcast kept no posterior.')));
  },
  calibration: showCalibration,
  sensitivity: showSensitivity,
  screening: showScreening,
};

/**
 * A section with a table of coverage and skill, one row per group ({@code coverageRows},
 * {@code kindRows}), its first column the group's name under {@code label}.
 */
function scoreSection(id, title, hint, firstColumn, rows, label) {
  return h(
    'section',
    { 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    h('p', { class: 'hint' }, hint),
    table(
      id,
      title,
      [[firstColumn], ['Figures', true], ['Sources', true], ['50% intervals', true], ['90% intervals', true], ['Skill vs persistence', true], ['Skill vs trend', true]],
      rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r[label]), td(r.figures, true), td(r.sources, true), td(r.cover50, true), td(r.cover90, true), td(r.skillPersistence, true), td(r.skillTrend, true))),
      { hideCaption: true },
    ),
  );
}
