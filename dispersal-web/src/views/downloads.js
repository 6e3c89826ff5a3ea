// The download buttons of a run's results page, shared by every kind of run.

import { runDownloads } from '../data/downloads.js';
import { h } from '../dom.js';

/**
 * A run's downloads as buttons: its report, its brief when `options.brief` (a forecast), then each
 * export given as [format, label] (see runDownloads).
 */
export function downloadLinks(run, exports, options) {
  return h(
    'section',
    { class: 'downloads', 'aria-label': 'Downloads' },
    ...runDownloads(run, exports, options).map(({ href, label, id }) =>
      h('a', { href, download: '', id, class: 'button secondary' }, label),
    ),
  );
}
