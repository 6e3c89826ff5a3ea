// Results of one run: fan charts per state, the flow from regions to states, the world map of origin
// countries, a country's trajectories, and the report and exports. Queued or running runs show their
// live progress first.

import { api, knownRunKind, prefetch } from '../api.js';
import { drawChart, drawFanGrid, ensureWorldMap, loadECharts } from '../charts/draw.js';
import { flowOption, mapOption, panelLayout } from '../charts/options.js';
import { field, h, replace } from '../dom.js';
import { fanSeries, flowData, formatCount, formatInterval, isEmptyFan, monthAxis, originValues } from '../data/shape.js';
import { assimilationBox } from '../data/assimilation.js';
import { assimilationPanel } from './assimilationPanel.js';
import { stockRuleSentence } from '../data/stocks.js';
import { stateColour } from '../data/palette.js';
import { trackRecordBox } from '../data/trackRecord.js';
import { visibleToText } from '../data/teams.js';
import { hashFor } from '../router.js';
import { formatDate, kindLabel, statusLabel } from './format.js';
import { destinationsSection } from './destinations.js';
import { downloadLinks } from './downloads.js';
import { orNotFound } from './notFound.js';
import { followProgress } from './progress.js';
import { showThreat } from './threat.js';
import { showUpdate } from './update.js';
import { KIND_VIEWS } from './kindViews.js';

/** Run kinds whose results are not a forecast's summaries, each with its own view. */
const OWN_VIEWS = { threat: showThreat, update: showUpdate, ...KIND_VIEWS };

/**
 * What the results page asks for first: the run, and the world totals its first chart draws (each
 * state's rows without a destination, about a twentieth of the world summary; the destinations
 * section asks for the rest when it comes into view).
 */
const WORLD = { scope: 'world', demographic: 'all', destination: 'total' };

/**
 * Starts the first requests of a run's page (the run and its world summary) before the page is
 * rendered, so that they travel together with the reference data the page also waits for.
 */
export function prefetchResults(id) {
  prefetch(`/runs/${encodeURIComponent(id)}`);
  prefetch(`/runs/${encodeURIComponent(id)}/summary`, WORLD);
}

/** Renders a run: progress while it runs, then its results. */
export async function renderResults(view, ctx, id, query) {
  // Most runs looked at are finished: ask for the run and its world summary at the same time,
  // unless the run is already known to be of a kind without summaries.
  const [run, worldSummary] = await Promise.all([
    orNotFound(view, 'run', id, api.run(id)),
    OWN_VIEWS[knownRunKind(id)] ? null : api.summary(id, WORLD).catch(() => null),
  ]);
  if (!run) return undefined;
  const meta = h('dl', { class: 'meta' });
  const body = h('div', { id: 'run-body' });
  replace(
    view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/runs' }, 'Runs'), ' / '),
    h('h1', {}, `${kindLabel(run.kind)} #${run.id}: ${run.scenarioName}`),
    meta,
    body,
  );
  showMeta(meta, run);
  // A run just started from the launcher shows its progress card even if it finished first.
  if (run.status === 'queued' || run.status === 'running' || query.started === '1') {
    return followProgress(body, ctx, run, async (status) => {
      const finished = await api.run(id);
      showMeta(meta, finished);
      if (status === 'succeeded') {
        const progress = body.firstChild;
        const results = h('div');
        replace(body, progress, results);
        await showResults(results, ctx, finished, query);
      } else {
        body.append(h('p', { class: 'error', role: 'alert' }, finished.error || statusLabel(status)));
      }
    });
  }
  if (run.status === 'succeeded') await showResults(body, ctx, run, query, worldSummary);
  else replace(body, h('p', { class: 'error', role: 'alert' }, `${statusLabel(run.status)}${run.error ? `: ${run.error}` : ''}`));
  return undefined;
}

/** The "How good is this forecast?" box: the scenario's hindcast scorecard in plain words. */
function showTrackRecord(box, record) {
  const shaped = trackRecordBox(record);
  replace(
    box,
    h('h2', {}, shaped.title),
    h('p', {}, shaped.text),
    shaped.facts.length ? h('ul', { class: 'facts' }, shaped.facts.map((f) => h('li', {}, f))) : null,
    h('p', { class: 'note' }, `How the scores are defined: ${shaped.details} in the Dispersal sources.`),
  );
}

/**
 * "What this forecast knew" for a forecast made as of a date: how many published figures it was
 * conditioned on, and the figures used and set aside. Null for other forecasts.
 */
function assimilationCard(box) {
  if (!box) return null;
  const head = (...titles) => h('thead', {}, h('tr', {}, titles.map((t) => h('th', { scope: 'col' }, t))));
  const cells = (f) => [
    h('td', {}, f.published),
    h('td', {}, f.target),
    h('td', { class: 'num' }, f.value),
    h('td', {}, f.source),
    h('td', {}, f.line === null ? f.file : `${f.file}:${f.line}`),
  ];
  const columns = ['Published', 'Figure', 'Value', 'Source', 'File and line'];
  return h(
    'aside',
    { class: 'card assimilation', id: 'assimilation' },
    h('h2', { id: 'assimilation-title' }, box.headline),
    box.facts.length ? h('ul', { class: 'facts' }, box.facts.map((f) => h('li', {}, f))) : null,
    h(
      'details',
      {},
      h('summary', {}, `The figures: ${box.used.length} used, ${box.setAside.length} set aside`),
      h(
        'div',
        { class: 'scroll' },
        h(
          'table',
          { class: 'data compact', id: 'assimilation-used' },
          h('caption', {}, `Used: published by ${box.asOf}`),
          head(...columns),
          h('tbody', {}, box.used.map((f) => h('tr', {}, cells(f)))),
        ),
        box.setAside.length
          ? h(
              'table',
              { class: 'data compact', id: 'assimilation-set-aside' },
              h('caption', {}, 'Set aside'),
              head(...columns, 'Why'),
              h('tbody', {}, box.setAside.map((f) => h('tr', {}, ...cells(f), h('td', {}, f.reason)))),
            )
          : null,
      ),
    ),
  );
}

function showMeta(meta, run) {
  const item = (term, value, id) => (value === null || value === undefined || value === '' ? null : h('div', {}, h('dt', {}, term), h('dd', { id }, String(value))));
  const simulated = run.kind !== 'update';
  replace(
    meta,
    item('Status', statusLabel(run.status)),
    simulated ? item('Replications', formatCount(run.replications)) : null,
    simulated ? item('Seed', run.seed) : null,
    item('By', run.owner),
    item('Started', formatDate(run.started || run.created)),
    item('Finished', formatDate(run.finished)),
    item('Visible to', visibleToText(run), 'run-visible-to'),
  );
  meta.querySelector('dd').id = 'run-status';
}

async function showResults(body, ctx, run, query, worldSummary) {
  if (OWN_VIEWS[run.kind]) {
    await OWN_VIEWS[run.kind](body, run, ctx);
    return;
  }
  const worldRows = (worldSummary || (await api.summary(run.id, WORLD))).rows;
  const axis = monthAxis(worldRows);
  if (!axis.length) {
    replace(body, h('p', {}, 'This run has no summaries.'));
    return;
  }
  const lastMonth = axis[axis.length - 1].month;
  const dateOf = (month) => (axis.find((a) => a.month === month) || {}).date || '';
  const monthLabel = (month) => `month ${month} (${dateOf(month)})`;
  const state = { month: clampMonth(query.month, lastMonth), outcome: pickState(ctx, query.state), country: query.country || null };

  const people = h(
    'select',
    { id: 'people' },
    DEMOGRAPHICS.map(([id, label]) => h('option', { value: id, selected: id === 'all' }, label)),
  );
  // The fan charts are the first chart: the flow diagram and the map, whose data are asked for at
  // once, are drawn (and the country shapes read) only after the fan charts are on the screen, so
  // they do not hold them up. The mark measures how long a stored run takes to show its first
  // chart (docs/DASHBOARD.md).
  let firstPainted;
  const fansShown = new Promise((resolve) => {
    firstPainted = resolve;
  });
  const fans = h(
    'div',
    {},
    fanGrid(ctx, worldRows, axis, 'fans', 'all', () => {
      markOnce('dispersal:first-chart');
      firstPainted();
    }),
  );
  // ECharts (for the flow diagram and the map) and the country shapes are loaded after the fan
  // charts are painted; the fan charts are drawn on a plain canvas and need neither.
  const echartsReady = fansShown.then(() => loadECharts());
  const mapReady = echartsReady.then(() => ensureWorldMap());
  people.addEventListener('change', async () => {
    const rows = (await api.summary(run.id, { ...WORLD, demographic: people.value })).rows;
    replace(fans, fanGrid(ctx, rows, axis, 'fans', people.value));
  });
  const monthInput = h('input', { type: 'range', id: 'month', min: String(axis[0].month), max: String(lastMonth), step: '1', value: String(state.month) });
  const monthOut = h('output', { for: 'month', id: 'month-label' });
  const outcome = h('select', { id: 'outcome' }, ctx.states.map((s) => h('option', { value: s.id, selected: s.id === state.outcome }, s.label)));

  const flowBox = h('div', { class: 'chart chart-tall', id: 'flow', role: 'img', 'aria-describedby': 'flow-list' });
  const flowList = h('ul', { class: 'visually-hidden', id: 'flow-list' });
  const flowTitle = h('h2', { id: 'flow-title' });
  const mapBox = h('div', { class: 'chart chart-tall', id: 'world-map', role: 'img' });
  const mapTitle = h('h2', { id: 'map-title' });
  const countryTable = h('div', { class: 'scroll countries' });
  const drill = h('section', { id: 'country', 'aria-live': 'polite' });

  const trust = h('aside', { class: 'card track-record', id: 'track-record', 'aria-live': 'polite' });
  const knew = assimilationCard(assimilationBox(run.manifest, run.replications));
  const stocks = stockRuleSentence(run.manifest);
  // Drawn when it comes near the screen; the place names are asked for now, in the background.
  const destinationRows = () => api.summary(run.id, { scope: 'world', demographic: 'all' }).then((s) => s.rows);
  const destinations = destinationsSection(ctx, destinationRows, axis, api.places().catch(() => []), state.month, monthLabel);
  // Filled when it arrives: the first chart does not wait for it.
  api.trackRecord(run.id).catch(() => null).then((record) => showTrackRecord(trust, record));
  replace(
    body,
    trust,
    knew,
    stocks ? h('p', { class: 'hint', id: 'stocks-rule' }, stocks) : null,
    assimilationPanel(run.manifest, run.replications),
    downloadLinks(
      run,
      [
        ['csv', 'Export CSV'],
        ['json', 'Export JSON'],
        ['parquet', 'Export Parquet'],
      ],
      { brief: run.kind === 'forecast' },
    ),
    h(
      'section',
      { 'aria-labelledby': 'fans-title' },
      h('h2', { id: 'fans-title' }, 'Where the foreign fighters are, month by month (all origins)'),
      h('div', { class: 'fan-head' }, bandKey(), field('People', people)),
      fans,
    ),
    h(
      'div',
      { class: 'card controls', role: 'group', 'aria-label': 'Month and outcome for the flow diagram and the map' },
      field('Month', monthInput),
      monthOut,
      field('Outcome shown on the map', outcome),
    ),
    h(
      'div',
      { class: 'pair' },
      h(
        'section',
        { 'aria-labelledby': 'flow-title' },
        flowTitle,
        h('p', { class: 'hint' }, 'Average number of people from each region of origin in each state. Wider bands mean more people.'),
        flowBox,
        flowList,
      ),
      h(
        'section',
        { 'aria-labelledby': 'map-title' },
        mapTitle,
        h('p', { class: 'hint' }, 'Median across runs. Choose a country on the map or in the table below to see its trajectories.'),
        mapBox,
      ),
    ),
    countryTable,
    drill,
    destinations.section,
  );

  const updateUrl = () =>
    history.replaceState(null, '', hashFor(['runs', run.id], { month: state.month, state: state.outcome, country: state.country }));

  const showCountry = async (iso3, focus) => {
    state.country = iso3;
    updateUrl();
    const rows = (await api.originSummary(run.id, { scopeId: iso3, demographic: 'all' })).rows;
    const heading = h('h2', { id: 'country-title', tabindex: '-1' }, `${ctx.originName(iso3)}: where its fighters are, month by month`);
    replace(
      drill,
      heading,
      rows.length ? bandKey() : h('p', {}, 'No one from this country in this run.'),
      rows.length ? fanGrid(ctx, rows, axis, 'country-fans') : null,
    );
    if (focus) heading.focus();
  };

  const refresh = async () => {
    monthOut.textContent = `Month ${state.month} (${dateOf(state.month)})`;
    const label = ctx.stateLabel(state.outcome);
    flowTitle.textContent = `From regions of origin to outcomes at ${monthLabel(state.month)}`;
    mapTitle.textContent = `Origin countries: ${label} at ${monthLabel(state.month)}`;
    const [regionRows, originRows] = await Promise.all([
      api.summary(run.id, { scope: 'region', month: state.month, demographic: 'all' }),
      api.originSummary(run.id, { state: state.outcome, month: state.month, demographic: 'all' }),
    ]);
    await fansShown;
    const flow = flowData(regionRows.rows, state.month, ctx.states);
    flowBox.setAttribute('aria-label', `Flow diagram at ${monthLabel(state.month)}: ${flow.links.length} flows from ${flow.nodes.filter((n) => n.kind === 'region').length} regions`);
    await drawChart(flowBox, flowOption(flow), undefined, 'svg');
    replace(
      flowList,
      flow.nodes.map((n) => h('li', { dataset: { name: n.name, kind: n.kind, colour: n.colour } }, `${n.name}: ${formatCount(n.value)}`)),
    );
    const values = originValues(originRows.rows, state.outcome, state.month);
    await mapReady;
    mapBox.setAttribute('aria-label', `World map of ${label} by origin country at ${monthLabel(state.month)}; the same figures are in the table`);
    const mapChart = await drawChart(mapBox, mapOption(values, (code) => ctx.originName(code), `${label}, median`));
    if (!mapChart) return;
    mapChart.off('click');
    mapChart.on('click', (p) => {
      if (values.some((v) => v.iso3 === p.name)) showCountry(p.name, false);
    });
    replace(countryTable, countryList(ctx, values, label, (iso3) => showCountry(iso3, true)));
  };

  monthInput.addEventListener('change', () => {
    state.month = Number(monthInput.value);
    updateUrl();
    refresh();
    destinations.setMonth(state.month);
  });
  monthInput.addEventListener('input', () => {
    monthOut.textContent = `Month ${monthInput.value} (${dateOf(Number(monthInput.value))})`;
  });
  outcome.addEventListener('change', () => {
    state.outcome = outcome.value;
    updateUrl();
    refresh();
  });
  await refresh();
  if (state.country) await showCountry(state.country, false);
  // For measuring how long a stored run takes to appear (docs/DASHBOARD.md): the fan charts are
  // drawn in the animation frame before this one.
  requestAnimationFrame(() => performance.mark('dispersal:results-drawn'));
}

function clampMonth(value, last) {
  const month = Number.parseInt(value, 10);
  return Number.isFinite(month) && month >= 0 && month <= last ? month : last;
}

function pickState(ctx, wanted) {
  if (ctx.states.some((s) => s.id === wanted)) return wanted;
  const preferred = ctx.states.find((s) => s.id === 'disengaged');
  return (preferred || ctx.states[0] || { id: '' }).id;
}

function bandKey() {
  return h(
    'p',
    { class: 'key key-neutral' },
    h('span', { class: 'swatch swatch-median', 'aria-hidden': 'true' }),
    'median  ',
    h('span', { class: 'swatch swatch-inner', 'aria-hidden': 'true' }),
    'half of the runs  ',
    h('span', { class: 'swatch swatch-outer', 'aria-hidden': 'true' }),
    '90% of the runs, each outcome in its colour (as in the report)',
  );
}

const DEMOGRAPHICS = [
  ['all', 'Everyone'],
  ['men', 'Men'],
  ['women', 'Women'],
  ['minors', 'Minors'],
];

/** Marks a moment of this page load on the browser's performance timeline, the first time only. */
function markOnce(name) {
  if (!performance.getEntriesByName(name, 'mark').length) performance.mark(name);
}

/**
 * The fan charts of every outcome with people in it, one panel each, drawn in the next animation
 * frame; `onDrawn`, when given, is called in the frame after the first drawing (once it is painted).
 */
function fanGrid(ctx, rows, axis, id, demographic = 'all', onDrawn = null) {
  const panels = [];
  const empty = [];
  for (const s of ctx.states) {
    const fan = fanSeries(rows, s.id, axis, demographic);
    if (isEmptyFan(fan)) empty.push(s.label);
    else panels.push({ fan, label: s.label, state: s.id, colour: stateColour(ctx.states, s.id) });
  }
  const box = h('div', { class: 'fan-grid', id, role: 'img', 'aria-describedby': `${id}-list` });
  box.setAttribute('aria-label', `Fan charts of ${panels.length} outcomes, month by month`);
  const last = axis.length - 1;
  const described = h(
    'ul',
    { class: 'visually-hidden', id: `${id}-list` },
    panels.map(({ fan, label, state }) =>
      h(
        'li',
        { dataset: { state } },
        `${label}: median ${formatCount(fan.p50[last])} at ${fan.dates[last]}, 90% of runs between ${formatCount(fan.p05[last])} and ${formatCount(fan.p95[last])}.`,
      ),
    ),
  );
  // Lay the panels out for the grid's width once it is in the page, and again when it changes.
  const draw = () => {
    if (!box.isConnected) return;
    drawFanGrid(box, panels, panelLayout(panels.length, box.clientWidth), draw);
  };
  if (panels.length)
    requestAnimationFrame(() => {
      draw();
      if (onDrawn) requestAnimationFrame(onDrawn);
    });
  else if (onDrawn) requestAnimationFrame(onDrawn);
  return h('div', {}, box, described, empty.length ? h('p', { class: 'hint' }, `Nobody in: ${empty.join(', ')}.`) : null);
}

function countryList(ctx, values, label, choose) {
  if (!values.length) return h('p', {}, `No origin country has anyone in “${label}” at this month.`);
  return h(
    'table',
    { class: 'data compact', id: 'country-table' },
    h('caption', {}, `${label}: median and 90% range by origin country`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Country'), h('th', { scope: 'col', class: 'num' }, 'Median (90% range)'))),
    h(
      'tbody',
      {},
      values.map((v) =>
        h(
          'tr',
          {},
          h('td', {}, h('button', { type: 'button', class: 'link', dataset: { iso3: v.iso3 }, onclick: () => choose(v.iso3) }, ctx.originName(v.iso3))),
          h('td', { class: 'num' }, formatInterval(v.p50, v.p05, v.p95)),
        ),
      ),
    ),
  );
}
