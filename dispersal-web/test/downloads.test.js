import { describe, expect, it } from 'vitest';
import { runDownloads } from '../src/data/downloads.js';

describe('runDownloads', () => {
  const exports = [
    ['csv', 'Export CSV'],
    ['parquet', 'Export Parquet'],
  ];

  it('offers a forecast its report, its brief as a PDF, then its exports', () => {
    expect(runDownloads({ id: 7 }, exports, { brief: true })).toEqual([
      { href: 'api/runs/7/report', label: 'Download the report', id: 'download-report' },
      { href: 'api/runs/7/brief.pdf', label: 'Download the brief (PDF)', id: 'download-brief' },
      { href: 'api/runs/7/export?format=csv', label: 'Export CSV', id: 'export-csv' },
      { href: 'api/runs/7/export?format=parquet', label: 'Export Parquet', id: 'export-parquet' },
    ]);
  });

  it('offers no brief for other kinds of run', () => {
    expect(runDownloads({ id: 3 }, [['csv', 'Export update.csv']]).map((d) => d.id)).toEqual([
      'download-report',
      'export-csv',
    ]);
  });
});
