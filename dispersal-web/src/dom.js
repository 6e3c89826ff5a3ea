// Small DOM helpers. Every piece of text goes through text nodes or textContent, never innerHTML,
// so names and messages that come from the server are always shown as plain text.

/**
 * Creates an element. `props` sets attributes (class, id, aria-*, for, ...), properties when the
 * value is not a string (value, checked, disabled) and listeners for keys starting with "on".
 * Children may be nodes, strings, numbers, arrays of those, or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'style') throw new Error('inline styles are not allowed (CSP); use a class');
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (typeof value === 'string' || typeof value === 'number') {
      el.setAttribute(key, String(value));
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el[key] = value;
    }
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings, arrays; null and false are skipped). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Removes every child of an element and appends the given ones. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

let idCounter = 0;
/** A fresh element id with a readable prefix, for label/for and aria-describedby pairs. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field: returns the wrapper; the control keeps its own id. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = uid('field');
  const hintEl = hint ? h('p', { class: 'hint', id: uid('hint') }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control, hintEl);
}

/** A status line that screen readers announce when its text changes. */
export function liveRegion(cls = 'status') {
  return h('p', { class: cls, role: 'status', 'aria-live': 'polite' });
}
