// The runs: the launcher for analysts (every kind of run of the application layer: forecast,
// threat outlook, update of the hypotheses, comparison, hindcast, calibration, sensitivity
// analysis, screening), and every stored run.

import { api } from '../api.js';
import { field, h, liveRegion, replace } from '../dom.js';
import { showProblems as renderProblems } from './problems.js';
import { formatCount, lineRange } from '../data/shape.js';
import { buildRunSpec } from '../data/launch.js';
import { START_RULES } from '../data/start.js';
import { STOCK_RULES } from '../data/stocks.js';
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
  ['forecast', 'Forecast', 'Where the foreign fighters go, month by month; optionally from a later date with the figures known then.', 'Start forecast'],
  ['threat', 'Threat outlook', 'Operatives, plots and attacks by destination country.', 'Start threat outlook'],
  ['update', 'Update the hypotheses', 'Weigh the scenario’s hypotheses against an event file.', 'Update the hypotheses'],
  ['comparison', 'Comparison', 'Variants side by side with paired differences at every horizon.', 'Start comparison'],
  ['hindcast', 'Hindcast', 'Forecast from a past date and score it against the figures published later.', 'Start hindcast'],
  ['calibration', 'Calibration', 'Fit the scenario’s priors to observed figures (posterior against prior).', 'Start calibration'],
  ['sensitivity', 'Sensitivity analysis', 'Which parameters move an output: Morris screening and Sobol’ indices.', 'Start sensitivity analysis'],
  ['screening', 'Screening', 'What a test of returnees in one country would find, miss and flag wrongly.', 'Start screening'],
];

/** Which field groups each kind shows. */
const GROUPS = {
  forecast: ['simulation', 'months', 'asof-forecast'],
  threat: ['simulation', 'months'],
  update: ['update'],
  comparison: ['simulation', 'comparison'],
  hindcast: ['simulation', 'observations', 'budget'],
  calibration: ['observations', 'budget', 'seed-only'],
  sensitivity: ['sensitivity', 'seed-only'],
  screening: ['simulation', 'screening'],
};

/** Default replications per kind (small enough to answer in seconds to minutes on a small server). */
const REPLICATIONS = { forecast: '100', threat: '100', comparison: '100', hindcast: '200', screening: '100' };

function readFiles(input) {
  return Promise.all([...(input.files || [])].map(async (f) => ({ name: f.name, text: await f.text() })));
}

/**
 * A choice among rules given as [id, label, explanation], with the chosen rule's explanation in one
 * line under it: the initial stocks at the date (`stocks`, as --stocks) or where a hindcast starts
 * (`startAt`).
 */
function ruleChoice(id, label, rules) {
  const select = h('select', { name: id, id }, rules.map(([value, text]) => h('option', { value }, text)));
  const wrap = field(label, select, rules[0][2]);
  const hint = wrap.querySelector('.hint');
  select.addEventListener('change', () => {
    hint.textContent = rules.find(([value]) => value === select.value)[2];
  });
  return { select, field: wrap };
}

const stockChoice = (id) => ruleChoice(id, 'Initial stocks', STOCK_RULES);

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
  const seedOnly = h('input', { type: 'number', name: 'seed-only', step: '1', inputmode: 'numeric', placeholder: 'random' });
  const months = h('input', { type: 'number', name: 'months', min: '1', max: '240', step: '1', inputmode: 'numeric', placeholder: 'as in the scenario' });
  const monthsField = field('Months (optional)', months);
  const simulation = h(
    'fieldset',
    { class: 'plain', id: 'simulation-fields' },
    h('legend', { class: 'visually-hidden' }, 'Simulation'),
    h('div', { class: 'row' },
      field('Replications', replications, 'More replications give smoother bands but take longer.'),
      field('Seed (optional)', seed, 'The same seed gives the same numbers.'),
      monthsField,
    ),
  );
  const seedGroup = h('fieldset', { class: 'plain', id: 'seed-fields' }, h('legend', { class: 'visually-hidden' }, 'Seed'),
    h('div', { class: 'row' }, field('Seed (optional)', seedOnly, 'The same seed gives the same numbers.')));

  // A forecast from a later date, with the figures known then (issue #14).
  const forecastAsOf = h('input', { type: 'date', name: 'forecast-asOf', id: 'forecast-asof' });
  const forecastFiles = h('input', { type: 'file', name: 'forecast-observations', id: 'forecast-observations', multiple: true, accept: '.csv,text/csv,text/plain' });
  const forecastFilesStatus = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite', id: 'forecast-observations-status' });
  forecastFiles.addEventListener('change', async () => {
    const files = await readFiles(forecastFiles);
    forecastFilesStatus.textContent = files.length ? `Read ${files.map((f) => `${f.name} (${f.text.split('\n').filter((l) => l.trim()).length - 1} figures)`).join(', ')}.` : '';
  });
  const forecastFilter = h(
    'select',
    { name: 'forecast-filter', id: 'forecast-filter' },
    [
      ['monthly', 'Month by month'],
      ['one-step', 'One step'],
    ].map(([value, label]) => h('option', { value, selected: value === 'monthly' }, label)),
  );
  // The Liu-West move of the static parameters at each step of the monthly filter (on by default).
  const forecastMove = h('input', { type: 'checkbox', name: 'forecast-move', id: 'forecast-move', checked: true });
  const forecastMoveHint = h('p', { class: 'hint', id: 'forecast-move-hint' }, 'With the monthly filter: at each step the kept replications’ parameters are moved a little (Liu-West, discount 0.98), so they do not collapse onto a few values. Untick to keep each replication’s own parameters.');
  forecastMove.setAttribute('aria-describedby', forecastMoveHint.id);
  const moveChoice = () => {
    forecastMove.disabled = forecastFilter.value === 'one-step';
  };
  forecastFilter.addEventListener('change', moveChoice);
  const forecastStocks = stockChoice('forecast-stocks');
  const asOfForecast = h(
    'fieldset',
    { class: 'plain', id: 'asof-forecast-fields' },
    h('legend', {}, 'Forecast from a date (optional)'),
    h('div', { class: 'field-grid' },
      field('As of', forecastAsOf, 'Start the forecast at this date, conditioned on the figures published by then. Empty: the scenario’s start.'),
      field('Observation files', forecastFiles, 'Figures in the observations format (columns date, published, scope, scope_id, demographic, measure, low, high, source_id); those published after the date are set aside.'),
      field('Filter', forecastFilter, 'How the figures condition the forecast (with a date only): month by month, resampling after each month’s figures (the default), or one step over all of them (needed when the scenario runs on the agent engine).'),
      h('div', { class: 'field' }, h('div', { class: 'check' }, forecastMove, h('label', { for: forecastMove.id }, 'Move the parameters (Liu-West)')), forecastMoveHint),
      forecastStocks.field,
    ),
    forecastFilesStatus,
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
  const duplicateDays = h('input', { type: 'number', name: 'duplicateDays', min: '0', max: '365', step: '1', value: '1', inputmode: 'numeric' });
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
      field('Duplicate days', duplicateDays, 'Reports this many days apart (0 to 365) at the same place count once.'),
    ),
    fileStatus,
    field('Events (CSV text)', events),
  );

  // A comparison: the chosen scenario is the base; other scenarios and override lines are variants.
  const others = h(
    'div',
    { class: 'checks', id: 'comparison-scenarios' },
    scenarios.map((s) => {
      const box = h('input', { type: 'checkbox', name: 'compare-scenario', value: String(s.id), id: `compare-scenario-${s.id}` });
      return h('div', { class: 'check' }, box, h('label', { for: box.id }, s.name));
    }),
  );
  const overrides = h('textarea', { name: 'overrides', id: 'comparison-overrides', rows: '3', spellcheck: 'false', class: 'code short', placeholder: 'border_closure=0.95; exit_rate_base=0.02' });
  const compareMonths = h('input', { type: 'text', name: 'compareMonths', id: 'compare-months', placeholder: 'e.g. 6, 12, 24', inputmode: 'numeric' });
  const comparison = h(
    'fieldset',
    { class: 'plain', id: 'comparison-fields' },
    h('legend', {}, 'Variants (the scenario above is the base)'),
    h('p', { class: 'hint' }, 'Compare with other scenarios:'),
    others,
    field('Variants of the base (optional, one per line)', overrides, 'Each line is one more variant: the base scenario with these parameter values (NAME=VALUE, separated by semicolons).'),
    h('div', { class: 'field-medium' }, field('Months to compare (optional)', compareMonths, 'Empty: a year apart up to the horizon.')),
  );

  // Observation files for a hindcast or a calibration.
  const obsFiles = h('input', { type: 'file', name: 'observations', id: 'observation-files', multiple: true, accept: '.csv,text/csv,text/plain' });
  const obsStatus = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite', id: 'observation-status' });
  let observationFiles = [];
  obsFiles.addEventListener('change', async () => {
    observationFiles = await readFiles(obsFiles);
    obsStatus.textContent = observationFiles.length
      ? `Read ${observationFiles.map((f) => `${f.name} (${f.text.split('\n').filter((l) => l.trim()).length - 1} figures)`).join(', ')}.`
      : '';
  });
  const obsAsOf = h('input', { type: 'date', name: 'observations-asOf', id: 'observations-asof', value: '2017-02-13' });
  // A hindcast's initial stocks at its date (a calibration has no such choice).
  const hindcastStocks = stockChoice('hindcast-stocks');
  // Where a hindcast's forecast starts: at its date (the default) or at the scenario's start.
  const hindcastStart = ruleChoice('hindcast-start', 'Forecast starts', START_RULES);
  const observations = h(
    'fieldset',
    { class: 'plain', id: 'observations-fields' },
    h('legend', {}, 'Observed figures'),
    h('div', { class: 'field-grid' },
      field('Observation files', obsFiles, 'One or more files in the observations format (for example data/observations/known-2017-02.csv and validation-2017.csv).'),
      field('As of', obsAsOf, 'A hindcast freezes what was published by this date and scores the figures after it; a calibration uses only figures published by then.'),
      hindcastStocks.field,
      hindcastStart.field,
    ),
    obsStatus,
  );
  const particles = h('input', { type: 'number', name: 'particles', min: '2', max: '1000000', step: '1', inputmode: 'numeric', placeholder: '1000' });
  const simulations = h('input', { type: 'number', name: 'simulations', min: '0', step: '1', inputmode: 'numeric', placeholder: '20000' });
  const checkRuns = h('input', { type: 'number', name: 'checkRuns', min: '1', step: '1', inputmode: 'numeric', placeholder: '400' });
  const checkRunsField = field('Check runs (optional)', checkRuns, 'Posterior predictive runs to check the fit.');
  // Each figure read under its definition (a residual in theatre, confirmed deaths, a sum over the
  // reporting countries); unticked, as --no-definitions.
  const definitions = h('input', { type: 'checkbox', name: 'definitions', id: 'definitions', checked: true });
  const definitionsHint = h('p', { class: 'hint', id: 'definitions-hint' }, 'Compare each figure with what its source counts: people in theatre as a residual, confirmed deaths, a world total as a sum over the countries that report one. Untick to compare every figure with the plain count of its measure.');
  definitions.setAttribute('aria-describedby', definitionsHint.id);
  const budget = h(
    'fieldset',
    { class: 'plain', id: 'budget-fields' },
    h('legend', { class: 'visually-hidden' }, 'Calibration budget'),
    h('div', { class: 'row' },
      field('Particles (optional)', particles, 'Posterior sample size, 2 to 1,000,000 (default 1,000).'),
      field('Simulations (optional)', simulations, 'Budget of the ABC-SMC calibration, at least the particles (default 20,000).'),
      checkRunsField,
    ),
    h('div', { class: 'field' }, h('div', { class: 'check' }, definitions, h('label', { for: definitions.id }, 'Read each figure under its definition')), definitionsHint),
  );

  const outputs = h('textarea', { name: 'outputs', id: 'sensitivity-outputs', rows: '3', spellcheck: 'false', class: 'code short' }, 'returned:region=Western Europe:month=12');
  const trajectories = h('input', { type: 'number', name: 'trajectories', min: '1', step: '1', inputmode: 'numeric', placeholder: '10' });
  const baseSamples = h('input', { type: 'number', name: 'baseSamples', min: '1', step: '1', inputmode: 'numeric', placeholder: '256' });
  const top = h('input', { type: 'number', name: 'top', min: '0', step: '1', inputmode: 'numeric', placeholder: '6' });
  const sensReplications = h('input', { type: 'number', name: 'sensitivity-replications', min: '1', step: '1', inputmode: 'numeric', placeholder: '4' });
  const bootstrap = h('input', { type: 'number', name: 'bootstrap', min: '0', step: '1', inputmode: 'numeric', placeholder: '500' });
  const sampling = h('select', { name: 'sampling' }, h('option', { value: 'sobol' }, 'Sobol’ sequence'), h('option', { value: 'random' }, 'Random (Monte Carlo)'));
  const sensitivity = h(
    'fieldset',
    { class: 'plain', id: 'sensitivity-fields' },
    h('legend', { class: 'visually-hidden' }, 'Sensitivity analysis'),
    field('Outputs (one per line)', outputs, 'MEASURE:SCOPE[=ID]:month=M[:demographic=D], for example returned:region=Western Europe:month=12 or killed:world:month=24.'),
    h('div', { class: 'row' },
      field('Morris trajectories', trajectories, 'Default 10.'),
      field('Sobol’ base samples', baseSamples, 'Default 256.'),
      field('Parameters for Sobol’', top, 'The top of the Morris ranking (default 6).'),
    ),
    h('div', { class: 'row' },
      field('Replications per point', sensReplications, 'Default 4.'),
      field('Bootstrap resamples', bootstrap, 'For the intervals (default 500).'),
      field('Sampling', sampling),
    ),
  );

  const origins = ctx.origins || [];
  const country = h(
    'select',
    { name: 'country', id: 'screening-country' },
    origins.map((o) => h('option', { value: o.iso3 || o.id, selected: (o.iso3 || o.id) === 'FRA' }, o.name || o.iso3 || o.id)),
  );
  const screenMonth = h('input', { type: 'number', name: 'screening-month', min: '0', step: '1', value: '24', inputmode: 'numeric' });
  const screenWindow = h('input', { type: 'number', name: 'window', min: '1', max: '240', step: '1', inputmode: 'numeric', placeholder: '12' });
  const screenSensitivity = h('input', { type: 'number', name: 'test-sensitivity', min: '0', max: '1', step: '0.01', value: '0.8', inputmode: 'decimal', required: true });
  const screenSpecificity = h('input', { type: 'number', name: 'test-specificity', min: '0', max: '1', step: '0.01', value: '0.95', inputmode: 'decimal', required: true });
  const screening = h(
    'fieldset',
    { class: 'plain', id: 'screening-fields' },
    h('legend', { class: 'visually-hidden' }, 'Screening'),
    h('div', { class: 'row' },
      field('Country', country),
      field('Month', screenMonth, 'Screen at this month of the forecast (0 to its horizon).'),
      field('Window (months, optional)', screenWindow, 'Months after the screening in which a returnee who re-engages counts as a would-be attacker, 1 to 240 (default 12).'),
    ),
    h('div', { class: 'row' },
      field('Test sensitivity', screenSensitivity, 'Share of would-be attackers the test flags.'),
      field('Test specificity', screenSpecificity, 'Share of the others the test clears.'),
    ),
  );

  const groups = { simulation, 'seed-only': seedGroup, 'asof-forecast': asOfForecast, update, comparison, observations, budget, sensitivity, screening };

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

  let previousKind = null;
  const showKind = () => {
    const [, , , action] = KINDS.find(([id]) => id === kind);
    const shown = GROUPS[kind];
    for (const [name, group] of Object.entries(groups)) {
      group.hidden = !shown.includes(name);
      group.disabled = group.hidden;
    }
    monthsField.hidden = !shown.includes('months');
    months.disabled = monthsField.hidden;
    checkRunsField.hidden = kind !== 'calibration';
    checkRuns.disabled = checkRunsField.hidden;
    hindcastStocks.field.hidden = kind !== 'hindcast';
    hindcastStocks.select.disabled = hindcastStocks.field.hidden;
    hindcastStart.field.hidden = kind !== 'hindcast';
    hindcastStart.select.disabled = hindcastStart.field.hidden;
    if (REPLICATIONS[kind] && (previousKind === null || replications.value === REPLICATIONS[previousKind])) replications.value = REPLICATIONS[kind];
    previousKind = kind;
    start.textContent = action;
    showProblems([]);
    status.textContent = '';
  };
  showKind();

  const specFor = async () =>
    buildRunSpec(kind, {
      scenarioId: scenario.value,
      replications: kind === 'sensitivity' ? sensReplications.value : replications.value,
      seed: GROUPS[kind].includes('seed-only') ? seedOnly.value : seed.value,
      months: months.value,
      asOf: kind === 'update' ? asOf.value : kind === 'forecast' ? forecastAsOf.value : obsAsOf.value,
      observationFiles: kind === 'forecast' ? await readFiles(forecastFiles) : observationFiles,
      filter: forecastFilter.value,
      moveParameters: forecastMove.checked,
      stocks: kind === 'forecast' ? forecastStocks.select.value : hindcastStocks.select.value,
      startAt: kind === 'hindcast' ? hindcastStart.select.value : '',
      events: events.value,
      format: format.value,
      reliability: reliability.value,
      duplicateDays: duplicateDays.value,
      otherScenarios: [...others.querySelectorAll('input:checked')].map((c) => c.value),
      overrides: overrides.value,
      compareMonths: compareMonths.value,
      particles: particles.value,
      simulations: simulations.value,
      checkRuns: checkRuns.value,
      definitions: definitions.checked,
      outputs: outputs.value,
      trajectories: trajectories.value,
      baseSamples: baseSamples.value,
      top: top.value,
      bootstrap: bootstrap.value,
      sampling: sampling.value,
      country: country.value,
      month: screenMonth.value,
      window: screenWindow.value,
      sensitivity: screenSensitivity.value,
      specificity: screenSpecificity.value,
    });

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
          if ((kind === 'hindcast' || kind === 'calibration') && !observationFiles.length) {
            throw Object.assign(new Error('choose at least one observation file'), { errors: [] });
          }
          const run = await api.submitRun(await specFor());
          ctx.go(['runs', run.id], { started: '1' });
        } catch (error) {
          const errors = error.errors || [];
          showProblems(errors);
          status.textContent = errors.length
            ? `Not started: ${errors.length} problem(s).${kind === 'update' ? ' Choose one to go to its line.' : ''}`
            : `Not started: ${error.message}`;
          start.disabled = false;
        }
      },
    },
    h('h2', {}, 'Start a run'),
    choices,
    h('div', { class: 'field-medium' }, field('Scenario', scenario)),
    simulation,
    seedGroup,
    asOfForecast,
    update,
    comparison,
    observations,
    budget,
    sensitivity,
    screening,
    start,
    status,
    problems,
  );
}

function replicationsCell(run) {
  if (run.kind === 'update') return '–';
  if (run.kind === 'calibration') return `${formatCount(run.replications)} simulations`; // an update weighs events: it simulates nothing
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
