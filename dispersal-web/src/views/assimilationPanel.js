// The "Assimilation" panel of a forecast made as of a date: which filter conditioned the
// replications on the published figures, whether the static parameters were moved (Liu-West) and,
// step by step, how much each month's figures narrowed
// the ensemble (the effective sample size as a share of the replications, flagged below the
// command line's warning share). A table, so screen readers read it as one; each share also has a
// <meter> (a small bar that needs no inline style) whose `low` is the warning share.

import { h } from '../dom.js';
import { assimilationSteps } from '../data/assimilation.js';

/** The panel for a run's manifest, or null when the run was not conditioned step by step. */
export function assimilationPanel(manifest, replications) {
  const p = assimilationSteps(manifest, replications);
  if (!p) return null;
  const th = (text, cls) => h('th', { scope: 'col', class: cls }, text);
  const row = (s) =>
    h(
      'tr',
      { class: s.low ? 'low-ess' : null },
      h('th', { scope: 'row' }, s.label),
      h('td', { class: 'num' }, s.figures === null ? '–' : String(s.figures)),
      h('td', { class: 'num' }, s.essText),
      h(
        'td',
        { class: 'share' },
        s.share === null
          ? '–'
          : h(
              'span',
              { class: 'share-cell' },
              h('meter', { min: '0', max: '1', low: String(p.threshold), optimum: '1', value: String(Math.min(1, s.share)), 'aria-hidden': 'true' }),
              h('span', { class: 'num' }, s.shareText),
              s.low ? h('strong', { class: 'ess-flag' }, 'low') : null,
            ),
      ),
      h('td', { class: 'num' }, s.distinct === null ? '–' : s.distinct.toLocaleString('en')),
      p.vectors ? h('td', { class: 'num' }, s.vectors === null ? '–' : s.vectors.toLocaleString('en')) : null,
    );
  return h(
    'aside',
    { class: 'card assimilation-steps', id: 'assimilation-steps', 'aria-labelledby': 'assimilation-steps-title' },
    h('h2', { id: 'assimilation-steps-title' }, 'Assimilation'),
    h('p', { id: 'assimilation-filter' }, h('strong', {}, 'Filter: '), p.filterLabel, p.how ? `. ${p.how}` : ''),
    p.move ? h('p', { id: 'assimilation-move' }, h('strong', {}, 'Parameters: '), p.move.text) : null,
    p.warning ? h('p', { class: 'ess-warning', id: 'assimilation-warning', role: 'note' }, h('strong', {}, 'Warning: '), p.warning) : null,
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'data compact', id: 'assimilation-steps-table' },
        h('caption', {}, p.filter === 'one-step' ? 'The step' : `${p.steps.length} steps, one per month with figures`),
        h('thead', {}, h('tr', {}, th('Month'), th('Figures', 'num'), th('Effective sample size', 'num'), th('Share of the replications'), th('Distinct particles kept', 'num'), p.vectors ? th('Parameter vectors kept', 'num') : null)),
        h('tbody', {}, p.steps.map(row)),
      ),
    ),
    h('p', { class: 'note' }, p.reading),
  );
}
