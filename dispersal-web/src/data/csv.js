// A small CSV reader for the files the runs store (RFC 4180: commas, double quotes, "" inside
// quotes, CRLF or LF line ends), so the views can read hindcast.csv, compare.csv, sensitivity.csv
// and screening.csv as the server gives them.

/** The rows of a CSV text as arrays of strings (a final empty line is dropped). */
export function parseCsvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** The rows of a CSV text with a header line as objects keyed by the header's names. */
export function parseCsv(text) {
  const [header, ...rows] = parseCsvRows(text || '');
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] === undefined ? '' : r[i]])));
}

/** A CSV cell as a number, or null when it is empty or not a number. */
export function num(value) {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A share (0.853) as a percentage in words ("85%"), or "–" when missing. */
export function percent(value, digits = 0) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = (100 * value).toFixed(digits);
  // A share that rounds to zero is "0%", never "-0%"; negative shares take a minus sign.
  return Number(text) === 0 ? `${(0).toFixed(digits)}%` : `${text.replace('-', '−')}%`;
}

/** A number for a table: integers with thousands separators, small values with 3 significant digits. */
export function formatNumber(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString('en-GB');
  if (abs === 0) return '0';
  return Number(value.toPrecision(3)).toLocaleString('en-GB', { maximumSignificantDigits: 3 });
}
