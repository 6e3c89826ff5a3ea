// The scenario library: every scenario with its owner, and the way into the editor.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDate } from './format.js';
import { badgeAfter } from './teams.js';

/** Renders the list of scenarios. */
export async function renderScenarios(view, ctx) {
  const scenarios = await api.scenarios();
  const rows = scenarios.map((s) =>
    h(
      'tr',
      {},
      h('td', {}, h('a', { href: `#/scenarios/${encodeURIComponent(s.id)}` }, s.name), badgeAfter(s)),
      h('td', {}, s.builtIn ? 'Built in (read only)' : s.owner || ''),
      h('td', {}, formatDate(s.updated)),
    ),
  );
  replace(
    view,
    h('h1', {}, 'Scenarios'),
    h(
      'p',
      {},
      'A scenario says where the fighters came from, where they can go and every assumption with its source. ',
      'Built-in scenarios cannot be changed, but you can copy them.',
    ),
    ctx.canEdit ? h('p', {}, h('a', { href: '#/scenarios/new', class: 'button', id: 'new-scenario' }, 'New scenario')) : null,
    h(
      'table',
      { class: 'data', id: 'scenario-list' },
      h('caption', { class: 'visually-hidden' }, 'Scenarios'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Owner'), h('th', { scope: 'col' }, 'Last changed'))),
      h('tbody', {}, rows),
    ),
  );
}
