// The pieces of pages that say who can see a scenario or run: the "Team alpha" badge and the
// scenario editor's "Visible to" field.

import { field, h } from '../dom.js';
import { teamBadge, visibilityChoice } from '../data/teams.js';

/** A space and the "Team alpha" badge of a team scenario or run, or null for a shared one. */
export function badgeAfter(item) {
  const text = teamBadge(item);
  return text ? [' ', h('span', { class: 'badge' }, text)] : null;
}

/**
 * The editor's "Visible to" field: a select (id "visibility") when the user may choose, otherwise
 * the words. Returns { element, value() }: value() is what to send as `visibility`, or undefined
 * to leave it as it is.
 */
export function visibilityField(ctx, scenario, isNew, readOnly) {
  const choice = visibilityChoice(ctx.session, scenario, isNew);
  if (choice.editable && !readOnly) {
    const select = h(
      'select',
      { name: 'visibility', id: 'visibility' },
      choice.options.map((o) => h('option', { value: o.value, selected: o.value === choice.value }, o.label)),
    );
    return {
      element: field('Visible to', select, 'A scenario kept to a team, and every run of it, can be found and opened only by that team’s members and by administrators.'),
      value: () => select.value,
    };
  }
  const element = h(
    'div',
    { class: 'field' },
    h('span', { class: 'field-label' }, 'Visible to'),
    h('p', { class: 'field-value', id: 'visibility-text' }, choice.text),
    choice.note ? h('p', { class: 'hint' }, choice.note) : null,
  );
  return { element, value: () => undefined };
}
