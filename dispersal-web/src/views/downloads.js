// The download buttons of a run's results page, shared by every kind of run.

import { downloads } from '../api.js';
import { h } from '../dom.js';

/**
 * A run's downloads: its report, then each export given as [format, label]. The ids
 * (download-report, export-csv, ...) are what the browser tests look for.
 */
export function downloadLinks(run, exports) {
  const link = (href, text, id) => h('a', { href, download: '', id, class: 'button secondary' }, text);
  return h(
    'section',
    { class: 'downloads', 'aria-label': 'Downloads' },
    link(downloads.report(run.id), 'Download the report', 'download-report'),
    ...exports.map(([format, label]) => link(downloads.export(run.id, format), label, `export-${format}`)),
  );
}
