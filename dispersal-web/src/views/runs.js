// The runs: the launcher (scenario, replications, seed) for analysts, and every stored run.

import { api } from '../api.js';
import { field, h, liveRegion, replace } from '../dom.js';
import { formatCount } from '../data/shape.js';
import { formatDate, kindLabel, statusLabel } from './format.js';

/** Renders the run launcher and the list of runs. */
export async function renderRuns(view, ctx, query) {
  const [runs, scenarios] = await Promise.all([api.runs(), ctx.canEdit ? api.scenarios() : Promise.resolve([])]);
  const list = h('div', {}, runs.length ? runTable(runs) : h('p', {}, 'No runs yet.'));
  replace(view, h('h1', {}, 'Runs'), ctx.canEdit ? launcher(ctx, scenarios, query.scenario) : null, h('h2', {}, 'Stored runs'), list);
  // While a run is waiting or running, the list follows it every few seconds.
  const active = (all) => all.some((r) => r.status === 'queued' || r.status === 'running');
  let current = runs;
  const timer = setInterval(async () => {
    if (!active(current)) return;
    try {
      current = await api.runs();
      replace(list, runTable(current));
    } catch {
      // the next tick tries again; a 401 sends the user to the sign-in page
    }
  }, 3000);
  return () => clearInterval(timer);
}

function launcher(ctx, scenarios, preselected) {
  const scenario = h(
    'select',
    { name: 'scenario', required: true },
    scenarios.map((s) => h('option', { value: String(s.id), selected: String(s.id) === String(preselected) }, s.name)),
  );
  const replications = h('input', { type: 'number', name: 'replications', min: '1', step: '1', value: '100', required: true, inputmode: 'numeric' });
  const seed = h('input', { type: 'number', name: 'seed', step: '1', inputmode: 'numeric', placeholder: 'random' });
  const months = h('input', { type: 'number', name: 'months', min: '1', max: '240', step: '1', inputmode: 'numeric', placeholder: 'as in the scenario' });
  const status = liveRegion();
  const start = h('button', { type: 'submit', id: 'start-run' }, 'Start run');
  return h(
    'form',
    {
      class: 'card launcher',
      id: 'launcher',
      onsubmit: async (event) => {
        event.preventDefault();
        start.disabled = true;
        status.textContent = 'Submitting…';
        try {
          const spec = { scenarioId: Number(scenario.value), replications: Number(replications.value) };
          if (seed.value !== '') spec.seed = Number(seed.value);
          if (months.value !== '') spec.months = Number(months.value);
          const run = await api.submitRun(spec);
          ctx.go(['runs', run.id], { started: '1' });
        } catch (error) {
          status.textContent = `Not started: ${error.message}`;
          start.disabled = false;
        }
      },
    },
    h('h2', {}, 'Start a forecast'),
    h('div', { class: 'row' },
      field('Scenario', scenario),
      field('Replications', replications, 'More replications give smoother bands but take longer.'),
      field('Seed (optional)', seed, 'The same seed gives the same numbers.'),
      field('Months (optional)', months),
    ),
    start,
    status,
  );
}

function runTable(runs) {
  const sorted = [...runs].sort((a, b) => b.id - a.id);
  return h(
    'table',
    { class: 'data', id: 'run-list' },
    h('caption', { class: 'visually-hidden' }, 'Stored runs, newest first'),
    h(
      'thead',
      {},
      h('tr', {}, ['Run', 'Scenario', 'Kind', 'Status', 'Replications', 'By', 'Started'].map((t) => h('th', { scope: 'col' }, t))),
    ),
    h(
      'tbody',
      {},
      sorted.map((run) =>
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: `#/runs/${encodeURIComponent(run.id)}` }, `#${run.id}`)),
          h('td', {}, run.scenarioName),
          h('td', {}, kindLabel(run.kind)),
          h('td', {}, h('span', { class: `status status-${run.status}` }, statusLabel(run.status))),
          h('td', { class: 'num' }, run.status === 'running' ? `${formatCount(run.done)} of ${formatCount(run.replications)}` : formatCount(run.replications)),
          h('td', {}, run.owner),
          h('td', {}, formatDate(run.started || run.created)),
        ),
      ),
    ),
  );
}
