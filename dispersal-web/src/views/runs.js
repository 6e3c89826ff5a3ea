// The runs: the launcher for analysts (a forecast, a threat outlook or an update of the hypotheses
// from an event file), and every stored run.

import { api } from '../api.js';
import { field, h, liveRegion, replace } from '../dom.js';
import { showProblems as renderProblems } from './problems.js';
import { formatCount, lineRange } from '../data/shape.js';
import { teamBadge } from '../data/teams.js';
import { formatDate, kindLabel, statusLabel } from './format.js';
import { badgeAfter } from './teams.js';

/** Renders the run launcher and the list of runs. */
export async function renderRuns(view, ctx, query) {
  const [runs, scenarios] = await Promise.all([api.runs(), ctx.canEdit ? api.scenarios() : Promise.resolve([])]);
  const list = h('div', {}, runs.length ? runTable(runs) : h('p', {}, 'No runs yet.'));
  replace(view, h('h1', {}, 'Runs'), ctx.canEdit ? launcher(ctx, scenarios, query.scenario, query.kind) : null, h('h2', {}, 'Stored runs'), list);
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

const KINDS = [
  ['forecast', 'Forecast', 'Where the foreign fighters go, month by month.', 'Start forecast'],
  ['threat', 'Threat outlook', 'Operatives, plots and attacks by destination country.', 'Start threat outlook'],
  ['update', 'Update the hypotheses', 'Weigh the scenario’s hypotheses against an event file.', 'Update the hypotheses'],
];

function launcher(ctx, scenarios, preselected, preselectedKind) {
  let kind = KINDS.some(([id]) => id === preselectedKind) ? preselectedKind : 'forecast';
  const scenario = h(
    'select',
    { name: 'scenario', required: true },
    scenarios.map((s) =>
      h('option', { value: String(s.id), selected: String(s.id) === String(preselected) }, teamBadge(s) ? `${s.name} (${teamBadge(s)})` : s.name),
    ),
  );
  const choices = h(
    'fieldset',
    { class: 'choices', id: 'run-kind' },
    h('legend', {}, 'What to run'),
    KINDS.map(([id, label, hint]) => {
      const radio = h('input', { type: 'radio', name: 'kind', value: id, id: `kind-${id}`, checked: id === kind });
      radio.addEventListener('change', () => {
        kind = id;
        showKind();
      });
      return h('div', { class: 'choice' }, radio, h('label', { for: radio.id }, h('strong', {}, label), h('span', { class: 'hint block' }, hint)));
    }),
  );

  const replications = h('input', { type: 'number', name: 'replications', min: '1', step: '1', value: '100', required: true, inputmode: 'numeric' });
  const seed = h('input', { type: 'number', name: 'seed', step: '1', inputmode: 'numeric', placeholder: 'random' });
  const months = h('input', { type: 'number', name: 'months', min: '1', max: '240', step: '1', inputmode: 'numeric', placeholder: 'as in the scenario' });
  const simulation = h(
    'fieldset',
    { class: 'plain', id: 'simulation-fields' },
    h('legend', { class: 'visually-hidden' }, 'Simulation'),
    h('div', { class: 'row' },
      field('Replications', replications, 'More replications give smoother bands but take longer.'),
      field('Seed (optional)', seed, 'The same seed gives the same numbers.'),
      field('Months (optional)', months),
    ),
  );

  const events = h('textarea', { name: 'events', id: 'events-text', rows: '10', spellcheck: 'false', autocapitalize: 'off', class: 'code short', required: true });
  const file = h('input', { type: 'file', name: 'events-file', id: 'events-file', accept: '.csv,.tsv,.txt,text/csv,text/plain' });
  const format = h(
    'select',
    { name: 'format' },
    [
      ['ours', 'Our event CSV'],
      ['gtd', 'Global Terrorism Database (GTD)'],
      ['acled', 'ACLED'],
    ].map(([id, label]) => h('option', { value: id }, label)),
  );
  const asOf = h('input', { type: 'date', name: 'asOf' });
  const reliability = h('input', { type: 'number', name: 'reliability', min: '0', max: '1', step: '0.05', value: '0.8', inputmode: 'decimal' });
  const duplicateDays = h('input', { type: 'number', name: 'duplicateDays', min: '0', step: '1', value: '1', inputmode: 'numeric' });
  const fileStatus = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  file.addEventListener('change', async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    events.value = await chosen.text();
    fileStatus.textContent = `Read ${chosen.name} (${events.value.split('\n').filter((l) => l.trim()).length} lines) into the box below.`;
    if (/gtd/i.test(chosen.name)) format.value = 'gtd';
    else if (/acled/i.test(chosen.name)) format.value = 'acled';
  });
  const update = h(
    'fieldset',
    { class: 'plain', id: 'update-fields' },
    h('legend', { class: 'visually-hidden' }, 'Events'),
    h('div', { class: 'field-grid' },
      field('Event file', file, 'Read from your computer into the box below; you can also paste or edit the text there.'),
      field('Format', format),
      field('As of (optional)', asOf, 'Events after this date are not counted. Empty: the last event’s date.'),
      field('Source reliability', reliability, 'From 0 to 1: how far a reported event is taken as true.'),
      field('Duplicate days', duplicateDays, 'Reports this many days apart at the same place count once.'),
    ),
    fileStatus,
    field('Events (CSV text)', events),
  );

  const status = liveRegion();
  const problems = h('div', { id: 'launch-problems' });
  const start = h('button', { type: 'submit', id: 'start-run' });

  const selectLine = (line) => {
    const { start: from, end } = lineRange(events.value, line);
    events.focus();
    events.setSelectionRange(from, end);
    const lineHeight = events.scrollHeight / Math.max(1, events.value.split('\n').length);
    events.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };
  const showProblems = (errors) => renderProblems(problems, errors, 'h3', kind === 'update' ? selectLine : null);


  const showKind = () => {
    const [, , , action] = KINDS.find(([id]) => id === kind);
    simulation.hidden = kind === 'update';
    simulation.disabled = kind === 'update';
    update.hidden = kind !== 'update';
    update.disabled = kind !== 'update';
    start.textContent = action;
    showProblems([]);
    status.textContent = '';
  };
  showKind();

  const specFor = () => {
    const spec = { scenarioId: Number(scenario.value) };
    if (kind !== 'forecast') spec.kind = kind;
    if (kind === 'update') {
      spec.events = events.value;
      spec.format = format.value;
      spec.replications = 0;
      if (asOf.value !== '') spec.asOf = asOf.value;
      if (reliability.value !== '') spec.reliability = Number(reliability.value);
      if (duplicateDays.value !== '') spec.duplicateDays = Number(duplicateDays.value);
      return spec;
    }
    spec.replications = Number(replications.value);
    if (seed.value !== '') spec.seed = Number(seed.value);
    if (months.value !== '') spec.months = Number(months.value);
    return spec;
  };

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
          const run = await api.submitRun(specFor());
          ctx.go(['runs', run.id], { started: '1' });
        } catch (error) {
          showProblems(error.errors);
          status.textContent = error.errors.length
            ? `Not started: ${error.errors.length} problem(s).${kind === 'update' ? ' Choose one to go to its line.' : ''}`
            : `Not started: ${error.message}`;
          start.disabled = false;
        }
      },
    },
    h('h2', {}, 'Start a run'),
    choices,
    h('div', { class: 'field-medium' }, field('Scenario', scenario)),
    simulation,
    update,
    start,
    status,
    problems,
  );
}

function replicationsCell(run) {
  if (run.kind === 'update') return '–'; // an update weighs events: it simulates nothing
  return run.status === 'running' ? `${formatCount(run.done)} of ${formatCount(run.replications)}` : formatCount(run.replications);
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
          h('td', {}, run.scenarioName, badgeAfter(run)),
          h('td', {}, kindLabel(run.kind)),
          h('td', {}, h('span', { class: `status status-${run.status}` }, statusLabel(run.status))),
          h('td', { class: 'num' }, replicationsCell(run)),
          h('td', {}, run.owner),
          h('td', {}, formatDate(run.started || run.created)),
        ),
      ),
    ),
  );
}
