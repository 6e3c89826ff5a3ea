// The page shown instead of a scenario or run the server does not show to this user (404): it
// does not exist, or it is kept to a team the user is not in. The server answers the same in both
// cases, and so does this page.

import { h, replace } from '../dom.js';
import { notFoundText } from '../data/teams.js';

/** Shows the "not found" page for a scenario or run id ("scenario" or "run"). */
export function renderNotFound(view, kind, id) {
  const text = notFoundText(kind, id);
  replace(
    view,
    h('p', { class: 'crumbs' }, h('a', { href: text.href }, kind === 'run' ? 'Runs' : 'Scenarios'), ' / '),
    h('h1', {}, text.title),
    h(
      'section',
      { class: 'notice not-found', id: 'not-found' },
      h('p', { class: 'lead' }, text.message),
      h('p', {}, text.reason),
    ),
    h('p', {}, h('a', { href: text.href, class: 'button secondary', id: 'not-found-back' }, text.back)),
  );
}

/**
 * Runs a request for the page's main object; a 404 answer shows the "not found" page and gives
 * null, any other error is thrown on.
 */
export async function orNotFound(view, kind, id, request) {
  try {
    return await request;
  } catch (error) {
    if (error && error.status === 404) {
      renderNotFound(view, kind, id);
      return null;
    }
    throw error;
  }
}
