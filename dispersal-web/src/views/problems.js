// The list of problems the server found in a text the user wrote (a scenario, an event file),
// each with its line and field; a problem with a line is a button that selects that line.

import { h, replace } from '../dom.js';

/** A problem in words: "Line 4, field date: ..." (the parts the server gave). */
export function problemText(e) {
  const where = [e.line ? `Line ${e.line}` : null, e.field ? `field ${e.field}` : null].filter(Boolean).join(', ');
  return where ? `${where}: ${e.message}` : e.message;
}

/**
 * Shows the problems in the container (empties it when there are none).
 * heading: the heading element ('h2', 'h3'); selectLine: called with a line number when a problem
 * is chosen, or null when lines cannot be selected.
 */
export function showProblems(container, errors, heading, selectLine) {
  if (!errors.length) {
    replace(container);
    return;
  }
  const items = errors.map((e) => {
    const text = problemText(e);
    return h(
      'li',
      {},
      e.line && selectLine
        ? h('button', { type: 'button', class: 'link problem', dataset: { line: String(e.line) }, onclick: () => selectLine(e.line) }, text)
        : h('span', { class: 'problem' }, text),
    );
  });
  replace(
    container,
    h(heading, { class: 'problems-title' }, errors.length === 1 ? '1 problem' : `${errors.length} problems`),
    h('ul', { class: 'problems', role: 'alert' }, items),
  );
}
