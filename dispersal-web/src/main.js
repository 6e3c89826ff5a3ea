// The dashboard's entry point: the session, the page frame (header, navigation) and the hash router.

import './style.css';
import { api, dropPrefetched, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { disposeCharts } from './charts/draw.js';
import { h, replace } from './dom.js';
import { accountLabel } from './data/teams.js';
import { hashFor, parseHash } from './router.js';
import { renderAccount } from './views/account.js';
import { renderAdmin } from './views/admin.js';
import { renderCompare } from './views/compare.js';
import { renderLogin } from './views/login.js';
import { prefetchResults, renderResults } from './views/results.js';
import { renderRuns } from './views/runs.js';
import { renderScenarioEditor } from './views/scenarioEditor.js';
import { renderScenarios } from './views/scenarios.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const userBox = document.getElementById('user');

/** What every view may read: who is signed in, what they may do, labels, navigation. */
const ctx = {
  session: null,
  states: [],
  origins: [],
  get canEdit() {
    return this.session !== null && (this.session.role === 'analyst' || this.session.role === 'admin');
  },
  get isAdmin() {
    return this.session !== null && this.session.role === 'admin';
  },
  stateLabel(id) {
    const state = this.states.find((s) => s.id === id);
    return state ? state.label : id;
  },
  originName(iso3) {
    const origin = this.origins.find((o) => o.iso3 === iso3 || o.id === iso3);
    return origin ? origin.name : iso3;
  },
  go(parts, query) {
    const target = hashFor(parts, query);
    if (location.hash === target) render();
    else location.hash = target;
  },
  async signedIn(session) {
    this.session = session;
    setCsrfToken(session.csrfToken);
    // A run's page waits for the reference data below and for its own first requests: send both
    // together instead of one after the other.
    const { parts } = parseHash(location.hash);
    if (parts[0] === 'runs' && parts[1]) prefetchResults(parts[1]);
    await loadReferenceData();
  },
  async signOut() {
    try {
      await api.logout();
    } finally {
      this.session = null;
      setCsrfToken(null);
      this.go(['login']);
    }
  },
};

async function loadReferenceData() {
  const [states, origins] = await Promise.all([api.states(), api.origins().catch(() => [])]);
  ctx.states = states;
  ctx.origins = origins;
}

function renderFrame(active) {
  const link = (href, label, key) =>
    h('a', { href, class: key === active ? 'active' : null, 'aria-current': key === active ? 'page' : null }, label);
  if (!ctx.session) {
    replace(nav);
    replace(userBox);
    return;
  }
  replace(
    nav,
    h(
      'ul',
      {},
      h('li', {}, link('#/runs', 'Runs', 'runs')),
      h('li', {}, link('#/scenarios', 'Scenarios', 'scenarios')),
      h('li', {}, link('#/compare', 'Compare runs', 'compare')),
      ctx.isAdmin ? h('li', {}, link('#/admin', 'Users and audit log', 'admin')) : null,
    ),
  );
  replace(
    userBox,
    h('a', { href: '#/account', class: 'who', id: 'account', 'aria-current': active === 'account' ? 'page' : null }, accountLabel(ctx.session)),
    h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: () => ctx.signOut() }, 'Sign out'),
  );
}

let cleanup = null;
let renderCount = 0;

async function render() {
  const ticket = ++renderCount;
  if (cleanup) cleanup();
  cleanup = null;
  disposeCharts();
  const { parts, query } = parseHash(location.hash);
  const page = parts[0] || 'runs';
  if (!ctx.session && page !== 'login') {
    ctx.go(['login']);
    return;
  }
  renderFrame(page);
  const view = h('div', { class: 'view' });
  replace(main, view);
  try {
    let result;
    if (page === 'login') result = await renderLogin(view, ctx);
    else if (page === 'scenarios' && parts[1]) result = await renderScenarioEditor(view, ctx, parts[1]);
    else if (page === 'scenarios') result = await renderScenarios(view, ctx);
    else if (page === 'runs' && parts[1]) result = await renderResults(view, ctx, parts[1], query);
    else if (page === 'runs') result = await renderRuns(view, ctx, query);
    else if (page === 'compare') result = await renderCompare(view, ctx, query);
    else if (page === 'admin' && ctx.isAdmin) result = await renderAdmin(view, ctx);
    else if (page === 'account') result = await renderAccount(view, ctx);
    else replace(view, h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '#/runs' }, 'Go to the runs')));
    if (ticket !== renderCount) {
      if (typeof result === 'function') result();
      return;
    }
    cleanup = typeof result === 'function' ? result : null;
  } catch (error) {
    dropPrefetched();
    if (ticket !== renderCount) return;
    replace(view, h('h1', { tabindex: '-1' }, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, error.message));
  }
  dropPrefetched();
  const heading = view.querySelector('h1');
  if (heading && page !== 'login') {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

document.getElementById('skip').addEventListener('click', () => {
  const heading = main.querySelector('h1');
  (heading || main).focus();
});

setUnauthorizedHandler(() => {
  if (!ctx.session) return;
  ctx.session = null;
  setCsrfToken(null);
  ctx.go(['login'], { expired: '1' });
});

async function start() {
  try {
    await ctx.signedIn(await api.session());
  } catch {
    ctx.session = null;
  }
  window.addEventListener('hashchange', render);
  await render();
}

start();
