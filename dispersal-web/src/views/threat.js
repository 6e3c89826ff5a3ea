// Results of a threat outlook: the dispatched share against the ceiling in words, the top
// destinations' plots with intervals, the fan of a chosen measure for a chosen destination, and
// every destination ranked, with the report and the CSV to download.

import { api } from '../api.js';
import { drawChart } from '../charts/draw.js';
import { plotBarsOption, threatFanOption } from '../charts/options.js';
import { field, h, replace } from '../dom.js';
import { downloadLinks } from './downloads.js';
import { addMonths, atLargeMonth, dispatchedSentence, formatAmount, threatFan, threatRows, topPlotBars } from '../data/threat.js';

const THREAT_EXPORTS = [['csv', 'Export CSV (threat.csv)']];

const TOP = 10;

/** Shows a succeeded threat run's outlook in `body`. */
export async function showThreat(body, run) {
  const threat = await api.threat(run.id);
  const rows = threatRows(threat);
  if (!rows.length) {
    replace(body, downloadLinks(run, THREAT_EXPORTS), h('p', {}, 'This outlook has no destinations.'));
    return;
  }
  const horizon = addMonths(threat.start, threat.months);
  const early = atLargeMonth(threat);

  const destination = h('select', { id: 'threat-destination' }, rows.map((r) => h('option', { value: r.id }, `${r.rank}. ${r.name}`)));
  const measure = h(
    'select',
    { id: 'threat-measure' },
    (threat.measures || []).map((m) => h('option', { value: m.id, selected: m.id === 'cumulative_plots' }, m.label)),
  );
  const fanBox = h('div', { class: 'chart chart-tall', id: 'threat-fan', role: 'img', 'aria-describedby': 'threat-fan-text' });
  const fanText = h('p', { class: 'hint', id: 'threat-fan-text', 'aria-live': 'polite' });
  const fanTitle = h('h2', { id: 'threat-fan-title' });

  const drawFan = () => {
    const fan = threatFan(threat, destination.value, measure.value);
    if (!fan) return;
    const last = fan.months.length - 1;
    fanTitle.textContent = `${fan.destination}: ${fan.measure.toLowerCase()}, month by month`;
    fanBox.setAttribute('aria-label', `Fan chart of ${fan.measure.toLowerCase()} in ${fan.destination}`);
    fanText.textContent =
      `At ${fan.dates[last]}: mean ${formatAmount(fan.mean[last])}, median ${formatAmount(fan.p50[last])}, ` +
      `90% of runs between ${formatAmount(fan.p05[last])} and ${formatAmount(fan.p95[last])}.`;
    drawChart(fanBox, threatFanOption(fan));
  };
  destination.addEventListener('change', drawFan);
  measure.addEventListener('change', drawFan);
  const choose = (id) => {
    destination.value = id;
    drawFan();
    destination.focus();
  };

  const bars = topPlotBars(threat, TOP);
  const barBox = h('div', { class: 'chart chart-tall', id: 'threat-bars', role: 'img', 'aria-describedby': 'threat-bars-list' });
  barBox.setAttribute('aria-label', `Plots since the start at ${horizon} in the ${bars.length} destinations with the most`);

  replace(
    body,
    downloadLinks(run, THREAT_EXPORTS),
    h(
      'p',
      { class: 'hint' },
      `${threat.scenario}: ${threat.replications} replications from ${threat.start} to ${horizon} (${threat.months} months), seed ${threat.seed}. `,
      'Figures are expected numbers across runs with the 5th–95th percentile range; plots include foiled ones, so they may be fractions.',
    ),
    h('section', { class: 'card', 'aria-labelledby': 'dispatched-title' }, h('h2', { id: 'dispatched-title' }, 'Returnees dispatched toward plots'), h('p', { id: 'dispatched' }, dispatchedSentence(threat))),
    h(
      'div',
      { class: 'pair' },
      h(
        'section',
        { 'aria-labelledby': 'threat-bars-title' },
        h('h2', { id: 'threat-bars-title' }, `Plots since the start, top ${bars.length} destinations at ${horizon}`),
        h('p', { class: 'hint' }, 'Light bar: the mean. Dark line: 90% of runs fall in it.'),
        barBox,
        h('ul', { class: 'visually-hidden', id: 'threat-bars-list' }, bars.map((b) => h('li', {}, `${b.name}: ${b.text}`))),
      ),
      h(
        'section',
        { 'aria-labelledby': 'threat-fan-title' },
        fanTitle,
        h('div', { class: 'fan-head' }, field('Destination', destination), field('Measure', measure)),
        fanBox,
        fanText,
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'threat-table-title' },
      h('h2', { id: 'threat-table-title' }, 'Destinations ranked by expected plots'),
      h(
        'div',
        { class: 'scroll countries', id: 'threat-table-box' },
        h(
          'table',
          { class: 'data compact', id: 'threat-table' },
          h('caption', {}, 'Each figure: mean [5th–95th percentile across runs]. Choose a destination to see it month by month.'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col', class: 'num' }, 'Rank'),
              h('th', { scope: 'col' }, 'Destination'),
              h('th', { scope: 'col', class: 'num' }, `Operatives at large, month ${early} (${addMonths(threat.start, early)})`),
              h('th', { scope: 'col', class: 'num' }, `Plots since the start, ${horizon}`),
              h('th', { scope: 'col', class: 'num' }, `Attacks since the start, ${horizon}`),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((r) =>
              h(
                'tr',
                { dataset: { destination: r.id } },
                h('td', { class: 'num' }, String(r.rank)),
                h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => choose(r.id) }, r.name)),
                h('td', { class: 'num' }, r.atLargeText),
                h('td', { class: 'num' }, r.plotsText),
                h('td', { class: 'num' }, r.attacksText),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  requestAnimationFrame(() => {
    drawChart(barBox, plotBarsOption(bars));
    drawFan();
  });
}
