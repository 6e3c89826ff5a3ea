// The destinations section of a forecast's results: where relocators go (third theatres) and where
// operatives are sent, arrested or attack (countries), at the chosen month on the world map and in
// a ranked table, and over time for the leading destinations as fan charts. It is drawn only when
// it comes near the screen, so the first charts of the page do not wait for it.

import { drawChart, drawFanGrid } from '../charts/draw.js';
import { mapOption, panelLayout } from '../charts/options.js';
import { field, h, replace } from '../dom.js';
import {
  destinationFans,
  destinationMap,
  destinationName,
  destinationRanking,
  destinationStates,
  formatShare,
} from '../data/destinations.js';
import { stateColour } from '../data/palette.js';
import { formatCount, formatInterval } from '../data/shape.js';

/** How many destinations get a fan chart over time (the table lists them all). */
const FANS_SHOWN = 6;

/**
 * Builds the section; `loadRows()` asks for the world summary rows (every month, everyone, every
 * destination), once, when the section is first drawn; `axis` is the month axis, `places` a promise
 * of the server's places. Returns the section and `setMonth(month)`.
 */
export function destinationsSection(ctx, loadRows, axis, places, initialMonth, monthLabel) {
  const choices = destinationStates(ctx.states);
  let rowsAsked = null;
  const worldRows = () => {
    if (!rowsAsked) rowsAsked = loadRows();
    return rowsAsked;
  };
  const section = h('section', { id: 'destinations', 'aria-labelledby': 'destinations-title' });
  if (!choices.length) return { section, setMonth: () => {} };
  let month = initialMonth;
  let drawn = false;
  const select = h('select', { id: 'destination-state' }, choices.map((s) => h('option', { value: s.id }, s.label)));
  const title = h('h3', { id: 'destination-map-title' });
  const mapBox = h('div', { class: 'chart chart-tall', id: 'destination-map', role: 'img' });
  const unmapped = h('p', { class: 'hint', id: 'destination-unmapped' });
  const fansTitle = h('h3', { id: 'destination-fans-title' });
  const fans = h('div', { class: 'fan-grid', id: 'destination-fans', role: 'img' });
  const table = h('div', { class: 'scroll' });
  replace(
    section,
    h('h2', { id: 'destinations-title' }, 'Destinations: where relocators go and where operatives are sent'),
    h(
      'p',
      { class: 'hint' },
      'Third theatres for relocators; countries for dispatched operatives and for their arrests and attacks. Each figure is the median across runs with the range that holds 90% of them.',
    ),
    h('div', { class: 'card controls' }, field('Destinations of', select)),
    title,
    mapBox,
    unmapped,
    table,
    fansTitle,
    fans,
  );

  const draw = async () => {
    drawn = true;
    const [placeList, rows] = await Promise.all([places, worldRows()]);
    const state = select.value;
    const label = ctx.stateLabel(state);
    const colour = stateColour(ctx.states, state);
    const nameOf = (id) => destinationName(id, placeList, (code) => ctx.originName(code));
    const ranking = destinationRanking(rows, state, month, nameOf);
    const map = destinationMap(ranking, placeList);
    title.textContent = `${label}: destinations at ${monthLabel(month)}`;
    mapBox.setAttribute('aria-label', `World map of ${label} by destination at ${monthLabel(month)}; the same figures are in the table`);
    drawChart(mapBox, mapOption(map.values, map.nameOf, `${label}, median`));
    unmapped.textContent = map.unmapped.length ? `Not on the map (no single shape): ${map.unmapped.join(', ')}.` : '';
    replace(table, rankedTable(ranking, label, monthLabel(month)));

    const top = ranking.slice(0, FANS_SHOWN);
    fansTitle.textContent = top.length ? `${label}: the ${top.length} leading destinations month by month` : '';
    const panels = destinationFans(rows, state, top.map((d) => d.id), axis).map(({ id, fan }) => ({ fan, label: nameOf(id), colour }));
    fans.setAttribute('aria-label', `Fan charts of ${panels.length} destinations of ${label}, month by month; the table has the figures at the chosen month`);
    const layout = () => {
      if (!fans.isConnected || !panels.length) return;
      drawFanGrid(fans, panels, panelLayout(panels.length, fans.clientWidth), layout);
    };
    if (panels.length) layout();
    else replace(fans);
  };

  select.addEventListener('change', draw);
  // Drawn when the section comes within a screen of the window, once.
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting) && !drawn) {
        observer.disconnect();
        draw();
      }
    },
    { rootMargin: '400px 0px' },
  );
  observer.observe(section);
  return {
    section,
    setMonth(next) {
      month = next;
      if (drawn) draw();
    },
  };
}

function rankedTable(ranking, label, when) {
  if (!ranking.length) return h('p', { id: 'destination-table' }, `Nobody in “${label}” at ${when}.`);
  return h(
    'table',
    { class: 'data compact', id: 'destination-table' },
    h('caption', {}, `${label} at ${when}, ranked by the average across runs`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'num' }, 'Rank'),
        h('th', { scope: 'col' }, 'Destination'),
        h('th', { scope: 'col', class: 'num' }, 'Median (90% range)'),
        h('th', { scope: 'col', class: 'num' }, 'Average'),
        h('th', { scope: 'col', class: 'num' }, 'Share of the average total'),
      ),
    ),
    h(
      'tbody',
      {},
      ranking.map((d) =>
        h(
          'tr',
          { dataset: { destination: d.id } },
          h('td', { class: 'num' }, String(d.rank)),
          h('th', { scope: 'row' }, d.name),
          h('td', { class: 'num' }, formatInterval(d.p50, d.p05, d.p95)),
          h('td', { class: 'num' }, d.mean < 10 ? d.mean.toFixed(1) : formatCount(d.mean)),
          h('td', { class: 'num' }, formatShare(d.share)),
        ),
      ),
    ),
  );
}
