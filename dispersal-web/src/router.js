// Hash routing: "#/runs/12?month=6" -> { parts: ['runs', '12'], query: { month: '6' } }.

/** Splits a location hash into path parts and query parameters. */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: Object.fromEntries(new URLSearchParams(query)) };
}

/** The hash for a list of path parts and optional query parameters. */
export function hashFor(parts, query) {
  const path = parts.map((p) => encodeURIComponent(String(p))).join('/');
  const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
  return `#/${path}${search ? `?${search}` : ''}`;
}
