// Results of a hypothesis update: the weights before and after the events, the leader in a
// sentence, the indicators to watch next, the audit trail, the indicators and the events read,
// with the report and the audit trail to download.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { eventRows, leaderSentence, trailRows } from '../data/update.js';
import { downloadLinks } from './downloads.js';
import { indicatorsTable, watchList, weightsChart } from './hypotheses.js';

/** Shows a succeeded update run's weights, trail, indicators and events in `body`. */
export async function showUpdate(body, run) {
  const update = await api.update(run.id);
  replace(
    body,
    downloadLinks(run, [['csv', 'Export the audit trail (update.csv)']]),
    h(
      'p',
      { class: 'hint' },
      `${update.scenario}: events up to ${update.asOf || 'the last one'}, source reliability ${update.reliability}.`,
      (update.sources || []).length ? ` Read: ${update.sources.join('; ')}.` : '',
    ),
    h('p', { class: 'lead', id: 'leader' }, leaderSentence(update)),
    h(
      'section',
      { 'aria-labelledby': 'weights-title' },
      h('h2', { id: 'weights-title' }, 'Weight of each hypothesis before and after the events'),
      h('p', { class: 'hint' }, 'Words follow ICD 203 (US intelligence community standard for expressing likelihood).'),
      weightsChart(update),
    ),
    h(
      'section',
      { 'aria-labelledby': 'watch-title' },
      h('h2', { id: 'watch-title' }, 'Indicators to watch next'),
      h('p', { class: 'hint' }, 'Ranked by how much seeing them or not would move the weights, and what that would do to the leader.'),
      watchList(update),
    ),
    h('section', { 'aria-labelledby': 'trail-title' }, h('h2', { id: 'trail-title' }, 'Audit trail'), trailTable(update)),
    h('section', { 'aria-labelledby': 'indicators-title' }, h('h2', { id: 'indicators-title' }, 'Indicators'), indicatorsTable(update)),
    h('section', { 'aria-labelledby': 'events-title' }, h('h2', { id: 'events-title' }, 'Events read'), eventTable(update)),
    (update.notes || []).length
      ? h('section', { 'aria-labelledby': 'notes-title' }, h('h2', { id: 'notes-title' }, 'Notes'), h('ul', { id: 'update-notes' }, update.notes.map((n) => h('li', {}, n))))
      : null,
  );
}

function trailTable(update) {
  const rows = trailRows(update);
  if (!rows.length) return h('p', {}, 'No indicator has changed the weights yet.');
  const names = (update.hypotheses || []).map((x) => x.name || x.id);
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      { class: 'data compact', id: 'trail' },
      h('caption', {}, 'Each step applies one indicator; the weights before → after are in the columns on the right.'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Step', 'Date', 'Indicator', 'Seen?', 'Basis'].map((t) => h('th', { scope: 'col', class: t === 'Step' ? 'num' : null }, t)),
          names.map((n) => h('th', { scope: 'col', class: 'num' }, n)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            h('td', { class: 'num' }, String(r.step)),
            h('td', { class: 'nowrap' }, r.date),
            h('td', {}, r.indicator),
            h('td', {}, r.observed),
            h('td', { class: 'basis' }, r.basis),
            r.changes.map((c) => h('td', { class: 'num nowrap' }, c)),
          ),
        ),
      ),
    ),
  );
}

function eventTable(update) {
  const rows = eventRows(update);
  if (!rows.length) return h('p', {}, 'No events were read.');
  return h(
    'div',
    { class: 'scroll countries' },
    h(
      'table',
      { class: 'data compact', id: 'events' },
      h('caption', {}, 'Every event in the file and what it was used for.'),
      h('thead', {}, h('tr', {}, ['Event', 'Date', 'Country', 'Place', 'Type', 'Use', 'Detail', 'Row'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            { class: r.counted ? null : 'muted' },
            h('td', {}, r.id),
            h('td', { class: 'nowrap' }, r.date),
            h('td', {}, r.country),
            h('td', {}, r.location),
            h('td', {}, r.type),
            h('td', {}, r.use),
            h('td', {}, r.detail),
            h('td', { class: 'nowrap' }, r.origin),
          ),
        ),
      ),
    ),
  );
}
