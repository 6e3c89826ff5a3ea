// What a run's results page offers to download, as data: the report, the policymaker's brief of a
// forecast, then the run's exports. The ids (download-report, download-brief, export-csv, ...) are
// what the browser tests look for.

import { downloads } from '../api.js';

/**
 * The downloads of a run: its report, its brief when `brief` is true (finished forecasts only:
 * the server answers 422 for other kinds), then each export given as [format, label].
 */
export function runDownloads(run, exports, { brief = false } = {}) {
  return [
    { href: downloads.report(run.id), label: 'Download the report', id: 'download-report' },
    ...(brief
      ? [{ href: downloads.brief(run.id), label: 'Download the brief (PDF)', id: 'download-brief' }]
      : []),
    ...exports.map(([format, label]) => ({ href: downloads.export(run.id, format), label, id: `export-${format}` })),
  ];
}
