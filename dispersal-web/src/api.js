// The dashboard's only door to the server: JSON over fetch with the session cookie and the CSRF
// header, and RFC 9457 problem details turned into ApiError.

/** An HTTP error from the API, carrying the problem details the server sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem && typeof problem === 'object' ? problem.detail || problem.title : null;
    super(detail || (typeof problem === 'string' && problem.trim()) || `Request failed (HTTP ${status})`);
    this.status = status;
    this.problem = problem && typeof problem === 'object' ? problem : {};
  }

  /** Field errors (line, field, message) of a validation problem, or an empty list. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

let csrfToken = null;
let onUnauthorized = () => {};

/** Remembers the CSRF token of the current session (null after logout). */
export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called when a request answers 401 (session expired): the app goes back to the login page. */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

/** Paths are relative to the page, so the dashboard also works behind a path prefix. */
export function apiUrl(path, params) {
  const query = params ? queryString(params) : '';
  return `api${path}${query ? `?${query}` : ''}`;
}

/** Builds a query string, leaving out parameters that are null, undefined or empty. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  return search.toString();
}

// GET requests started before the view that reads them asks (see `prefetch`), by URL; each is taken
// once, by the first request for the same URL.
const early = new Map();

/**
 * Starts a GET request now so that a view rendered later finds it under way: the results page of a
 * run asks for the run and its world summary while the reference data (states, origins) load. The
 * answer is handed to the first request for the same URL; `dropPrefetched` forgets those not taken.
 */
export function prefetch(path, params) {
  const key = apiUrl(path, params);
  if (early.has(key)) return;
  const answer = send('GET', path, { params });
  answer.catch(() => {});
  early.set(key, answer);
}

/** Forgets the prefetched answers no view took (so none is read stale later). */
export function dropPrefetched() {
  early.clear();
}

function request(method, path, options = {}) {
  if (method === 'GET' && early.size) {
    const key = apiUrl(path, options.params);
    const answer = early.get(key);
    if (answer) {
      early.delete(key);
      return answer;
    }
  }
  return send(method, path, options);
}

async function send(method, path, { body, params, quietUnauthorized = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(apiUrl(path, params), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    if (response.status === 401 && !quietUnauthorized) onUnauthorized();
    throw new ApiError(response.status, data);
  }
  return data;
}

// The API names an origin country's scope "origin"; summary.csv (and so a store that keeps its rows
// as they are) names it "country". The first question goes out with both names at once; the name
// that finds rows is kept for the questions after it.
let originScope = null;
async function originSummary(id, filter) {
  const path = `/runs/${encodeURIComponent(id)}/summary`;
  const ask = (scope) => request('GET', path, { params: { ...filter, scope } });
  if (originScope) return ask(originScope);
  const [asOrigin, asCountry] = await Promise.all([ask('origin'), ask('country').catch(() => ({ rows: [] }))]);
  if (asOrigin.rows.length) originScope = 'origin';
  else if (asCountry.rows.length) originScope = 'country';
  return originScope === 'country' ? asCountry : asOrigin;
}

// The kind of every run seen so far (from the list, a run or a submission), so that opening a threat
// outlook or an update does not also ask for a forecast's summaries.
const runKinds = new Map();
function remember(run) {
  if (run && run.id !== undefined) runKinds.set(String(run.id), run.kind);
  return run;
}

/** The kind of a run this page has already seen, or undefined. */
export function knownRunKind(id) {
  return runKinds.get(String(id));
}

/** The typed calls of the HTTP API (see the server's openapi.yaml). */
export const api = {
  session: () => request('GET', '/session', { quietUnauthorized: true }),
  login: (username, password) =>
    request('POST', '/session', { body: { username, password }, quietUnauthorized: true }),
  logout: () => request('DELETE', '/session'),

  states: () => request('GET', '/states'),
  origins: () => request('GET', '/origins'),
  places: () => request('GET', '/places'),

  scenarios: () => request('GET', '/scenarios'),
  scenario: (id) => request('GET', `/scenarios/${encodeURIComponent(id)}`),
  // visibility: "shared" or "team"; undefined leaves it out (shared on create, unchanged on update).
  createScenario: (name, yaml, visibility) => request('POST', '/scenarios', { body: { name, yaml, visibility } }),
  updateScenario: (id, name, yaml, visibility) =>
    request('PUT', `/scenarios/${encodeURIComponent(id)}`, { body: { name, yaml, visibility } }),
  deleteScenario: (id) => request('DELETE', `/scenarios/${encodeURIComponent(id)}`),
  scenarioHypotheses: (id) => request('GET', `/scenarios/${encodeURIComponent(id)}/hypotheses`),
  validateScenario: (yaml) => request('POST', '/scenarios/validate', { body: { yaml } }),

  runs: () =>
    request('GET', '/runs').then((runs) => {
      runs.forEach(remember);
      return runs;
    }),
  run: (id) => request('GET', `/runs/${encodeURIComponent(id)}`).then(remember),
  submitRun: (spec) => request('POST', '/runs', { body: spec }).then(remember),
  cancelRun: (id) => request('POST', `/runs/${encodeURIComponent(id)}/cancel`),
  summary: (id, filter) => request('GET', `/runs/${encodeURIComponent(id)}/summary`, { params: filter }),
  originSummary,
  threat: (id) => request('GET', `/runs/${encodeURIComponent(id)}/threat`),
  update: (id) => request('GET', `/runs/${encodeURIComponent(id)}/update`),
  trackRecord: (id) => request('GET', `/runs/${encodeURIComponent(id)}/track-record`),
  // A stored file of a run by name (JSON parsed, CSV as text) and a calibration's posterior
  // against its priors.
  file: (id, name) => request('GET', `/runs/${encodeURIComponent(id)}/files/${encodeURIComponent(name)}`),
  calibration: (id) => request('GET', `/runs/${encodeURIComponent(id)}/calibration`),
  compare: (a, b, month) => request('GET', '/compare', { params: { a, b, month } }),
  compareCandidates: (a) => request('GET', '/compare/candidates', { params: { a } }),

  users: () => request('GET', '/users'),
  createUser: (user) => request('POST', '/users', { body: user }),
  setRole: (username, role) =>
    request('PUT', `/users/${encodeURIComponent(username)}`, { body: { role } }),
  deleteUser: (username) => request('DELETE', `/users/${encodeURIComponent(username)}`),
  audit: (limit) => request('GET', '/audit', { params: { limit } }),
  createToken: (name) => request('POST', '/tokens', { body: { name } }),
  revokeToken: (name) => request('DELETE', `/tokens/${encodeURIComponent(name)}`),
};

/** Links that the browser downloads directly (the cookie goes along). */
export const downloads = {
  report: (id) => apiUrl(`/runs/${encodeURIComponent(id)}/report`),
  export: (id, format) => apiUrl(`/runs/${encodeURIComponent(id)}/export`, { format }),
  brief: (id) => apiUrl(`/runs/${encodeURIComponent(id)}/brief.pdf`),
  events: (id) => apiUrl(`/runs/${encodeURIComponent(id)}/events`),
  file: (id, name) => apiUrl(`/runs/${encodeURIComponent(id)}/files/${encodeURIComponent(name)}`),
};
