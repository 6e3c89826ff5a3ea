// The scenario editor: the YAML text, validation on demand and on save, and each problem listed
// with its line and field; choosing a problem selects that line in the text.

import { api } from '../api.js';
import { field, h, liveRegion, replace } from '../dom.js';
import { showProblems as renderProblems } from './problems.js';
import { lineRange } from '../data/shape.js';
import { leaderSentence } from '../data/update.js';
import { formatPercent } from '../data/threat.js';
import { indicatorsTable, watchList, weightsChart } from './hypotheses.js';
import { orNotFound } from './notFound.js';
import { visibilityField } from './teams.js';

const NEW_SCENARIO = `# A variant of the built-in scenario: only what differs needs to be written.
extends: isis-2017
name: my-variant
description: What changes, and why.
months: 24
`;

let copied = null;

/** Renders the editor for a scenario id, or an empty one for "new". */
export async function renderScenarioEditor(view, ctx, id) {
  const isNew = id === 'new';
  const scenario = isNew ? { name: '', yaml: NEW_SCENARIO, builtIn: false, ...(copied || {}) } : await orNotFound(view, 'scenario', id, api.scenario(id));
  copied = null;
  if (!scenario) return;
  const readOnly = !ctx.canEdit || scenario.builtIn;
  const visibility = visibilityField(ctx, scenario, isNew, readOnly);

  const name = h('input', { type: 'text', name: 'name', value: scenario.name, required: true, readOnly, autocomplete: 'off' });
  const yaml = h('textarea', {
    name: 'yaml',
    rows: '22',
    spellcheck: 'false',
    autocapitalize: 'off',
    readOnly,
    class: 'code',
    'aria-describedby': 'scenario-problems cursor-line',
  });
  yaml.value = scenario.yaml;
  const cursor = h('p', { class: 'hint', id: 'cursor-line', 'aria-live': 'off' });
  const showCursor = () => {
    const line = yaml.value.slice(0, yaml.selectionStart).split('\n').length;
    cursor.textContent = `Cursor on line ${line}`;
  };
  for (const type of ['keyup', 'click', 'focus']) yaml.addEventListener(type, showCursor);

  const status = liveRegion();
  const problems = h('div', { id: 'scenario-problems' });

  const selectLine = (line) => {
    const { start, end } = lineRange(yaml.value, line);
    yaml.focus();
    yaml.setSelectionRange(start, end);
    const lineHeight = yaml.scrollHeight / Math.max(1, yaml.value.split('\n').length);
    yaml.scrollTop = Math.max(0, (line - 3) * lineHeight);
    showCursor();
  };

  const showProblems = (errors) => renderProblems(problems, errors, 'h2', selectLine);


  const validate = async () => {
    status.textContent = 'Checking…';
    const result = await api.validateScenario(yaml.value);
    const errors = result.errors || [];
    showProblems(errors);
    status.textContent = result.valid ? 'No problems found.' : `${errors.length} problem(s) found. Choose one to go to its line.`;
    return result.valid;
  };

  const save = async () => {
    status.textContent = 'Saving…';
    try {
      const saved = isNew
        ? await api.createScenario(name.value.trim(), yaml.value, visibility.value())
        : await api.updateScenario(scenario.id, name.value.trim(), yaml.value, visibility.value());
      showProblems([]);
      status.textContent = `Saved “${saved.name}”.`;
      if (isNew) ctx.go(['scenarios', saved.id], { saved: '1' });
    } catch (error) {
      if (error.errors.length) {
        showProblems(error.errors);
        status.textContent = `Not saved: ${error.errors.length} problem(s). Choose one to go to its line.`;
      } else {
        showProblems([]);
        status.textContent = `Not saved: ${error.message}`;
      }
    }
  };

  const guard = (action) => async () => {
    for (const b of buttons.querySelectorAll('button')) b.disabled = true;
    try {
      await action();
    } catch (error) {
      status.textContent = error.message;
    } finally {
      for (const b of buttons.querySelectorAll('button')) b.disabled = false;
    }
  };

  const buttons = h(
    'div',
    { class: 'buttons' },
    h('button', { type: 'button', id: 'validate', class: 'secondary', onclick: guard(validate) }, 'Check for problems'),
    readOnly ? null : h('button', { type: 'submit', id: 'save' }, 'Save'),
    ctx.canEdit && scenario.builtIn
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              copied = { name: `${scenario.name}-copy`, yaml: scenario.yaml };
              ctx.go(['scenarios', 'new']);
            },
          },
          'Copy to a new scenario',
        )
      : null,
    ctx.canEdit && !isNew && !scenario.builtIn
      ? h(
          'button',
          {
            type: 'button',
            class: 'danger',
            onclick: guard(async () => {
              if (!window.confirm(`Delete the scenario “${scenario.name}”?`)) return;
              await api.deleteScenario(scenario.id);
              ctx.go(['scenarios']);
            }),
          },
          'Delete',
        )
      : null,
  );

  const form = h(
    'form',
    {
      class: 'editor',
      onsubmit: (event) => {
        event.preventDefault();
        guard(save)();
      },
    },
    h('div', { class: 'row name-row' }, field('Name', name), visibility.element),
    field('Scenario (YAML)', yaml),
    cursor,
    buttons,
    status,
    problems,
  );

  const saved = new URLSearchParams(location.hash.split('?')[1] || '').get('saved');
  const hypotheses = h('section', { id: 'hypotheses', 'aria-labelledby': 'hypotheses-title', hidden: true });
  replace(
    view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/scenarios' }, 'Scenarios'), ' / '),
    h('h1', {}, isNew ? 'New scenario' : scenario.name),
    scenario.builtIn ? h('p', { class: 'notice' }, 'This scenario is built in and cannot be changed. Copy it to make a variant.') : null,
    !isNew && ctx.canEdit
      ? h('p', {}, h('a', { href: `#/runs?scenario=${encodeURIComponent(scenario.id)}`, id: 'run-this' }, 'Run this scenario'))
      : null,
    h('p', { class: 'hint' }, 'The format is described in docs/SCENARIOS.md. Problems are listed with their line; choose one to go to it.'),
    form,
    hypotheses,
  );
  if (saved) status.textContent = `Saved “${scenario.name}”.`;
  // Only a scenario that declares hypotheses, or may inherit them, is asked for them.
  if (!isNew && /^(hypotheses|extends):/m.test(scenario.yaml)) await showHypotheses(hypotheses, ctx, scenario);
}

async function showHypotheses(section, ctx, scenario) {
  let found;
  try {
    found = await api.scenarioHypotheses(scenario.id);
  } catch (error) {
    if (error.status === 404) return; // the scenario declares none: nothing to show
    replace(section, h('p', { class: 'error' }, `Hypotheses not shown: ${error.message}`));
    return;
  }
  const canRun = ctx.canEdit;
  replace(
    section,
    h('h2', { id: 'hypotheses-title' }, 'Hypotheses and indicators'),
    h('p', {}, leaderSentence(found)),
    weightsChart(found, { id: 'prior-weights', posterior: false }),
    h(
      'div',
      { class: 'scroll spaced' },
      h(
        'table',
        { class: 'data compact', id: 'hypothesis-table' },
        h('caption', {}, 'The competing hypotheses with their prior weights and what each one runs.'),
        h('thead', {}, h('tr', {}, ['Hypothesis', 'Prior weight', 'Runs', 'Basis'].map((t) => h('th', { scope: 'col', class: t === 'Prior weight' ? 'num' : null }, t)))),
        h(
          'tbody',
          {},
          (found.hypotheses || []).map((x) =>
            h('tr', {}, h('th', { scope: 'row' }, x.name || x.id), h('td', { class: 'num' }, formatPercent(x.prior)), h('td', {}, x.runs || ''), h('td', {}, x.basis || '')),
          ),
        ),
      ),
    ),
    h('h3', { class: 'spaced' }, 'Indicators'),
    indicatorsTable(found, { id: 'scenario-indicators', withStatus: false }),
    h('h3', { class: 'spaced' }, 'What to watch first'),
    h('p', { class: 'hint' }, 'Ranked by how much seeing them or not would move the prior weights (source reliability 0.8).'),
    watchList(found, { id: 'scenario-watch' }),
    canRun
      ? h('p', {}, h('a', { href: `#/runs?scenario=${encodeURIComponent(scenario.id)}&kind=update`, id: 'update-this' }, 'Update these hypotheses with an event file'))
      : null,
  );
  section.hidden = false;
}
