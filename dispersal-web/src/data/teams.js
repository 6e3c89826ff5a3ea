// Teams: which scenarios and runs only one team can see, said in words for the badges, the
// editor's "Visible to" choice, the account menu and the "not found" page.

/**
 * The badge of a scenario or run that only one team can see ("Team alpha"), or null when every
 * signed-in user can see it. A scenario says so with visibility "team"; a run with its team.
 */
export function teamBadge(item) {
  if (!item || !item.team) return null;
  if (item.visibility !== undefined && item.visibility !== 'team') return null;
  return `Team ${item.team}`;
}

/** Who can see a scenario or run, in words: "Everyone" or "Team alpha only". */
export function visibleToText(item) {
  const badge = teamBadge(item);
  return badge ? `${badge} only` : 'Everyone';
}

/**
 * What the scenario editor offers under "Visible to" for the signed-in user:
 * `editable` (a select with `options` [{ value, label }]) or read only (`text`), the current
 * `value` ("shared" or "team"), and a `note` that explains a choice the user cannot make.
 * session: { username, role, team }; scenario: as the API gives it (a new one has no owner).
 */
export function visibilityChoice(session, scenario, isNew) {
  const value = !isNew && scenario.visibility === 'team' ? 'team' : 'shared';
  const text = isNew ? 'Everyone' : visibleToText(scenario);
  const readOnly = (note) => ({ editable: false, value, text, options: [], note });
  if (scenario.builtIn) return readOnly('Built-in scenarios are visible to everyone.');
  const role = session ? session.role : null;
  const isAdmin = role === 'admin';
  const ownsIt = isNew || (session && scenario.owner === session.username);
  if (!(role === 'analyst' || isAdmin) || !(ownsIt || isAdmin)) return readOnly(null);
  const everyone = { value: 'shared', label: 'Everyone' };
  if (ownsIt) {
    if (!session.team) {
      return readOnly('You belong to no team, so you cannot keep a scenario to one team; an administrator can put you in one.');
    }
    return { editable: true, value, text, options: [everyone, { value: 'team', label: `My team only (${session.team})` }], note: null };
  }
  // An administrator changing someone else's scenario: "team" means the owner's team.
  const ownersTeam = value === 'team' && scenario.team ? `Only the team of ${scenario.owner} (${scenario.team})` : `Only the team of ${scenario.owner}`;
  return { editable: true, value, text, options: [everyone, { value: 'team', label: ownersTeam }], note: null };
}

/** The account menu's text: "ana (analyst, team alpha)", or "ana (analyst)" without a team. */
export function accountLabel(session) {
  const parts = [session.role, session.team ? `team ${session.team}` : null].filter(Boolean);
  return `${session.username} (${parts.join(', ')})`;
}

const NOT_FOUND = {
  scenario: { noun: 'scenario', title: 'Scenario not found', href: '#/scenarios', back: 'Go to the scenario library' },
  run: { noun: 'run', title: 'Run not found', href: '#/runs', back: 'Go to the runs' },
};

/**
 * The words of the page shown when the server answers 404 for a scenario or run: the same for one
 * that does not exist and one kept to a team the user is not in, as the server's answer is.
 */
export function notFoundText(kind, id) {
  const what = NOT_FOUND[kind];
  const shown = String(id).length > 40 ? `${String(id).slice(0, 40)}…` : String(id);
  return {
    title: what.title,
    message: `There is no ${what.noun} ${shown} that you can open.`,
    reason: `It may have been deleted, the address may be mistyped, or the ${what.noun} may be visible only to a team you are not in. If you think you should see it, ask its owner or an administrator.`,
    href: what.href,
    back: what.back,
  };
}

/** The account page's sentence about the user's team. */
export function teamSentence(session) {
  return session.team
    ? `You are in team ${session.team}. A scenario you keep to your team, and its runs, can be seen only by the team's members and by administrators.`
    : 'You are in no team, so every scenario you make is visible to everyone. An administrator can put you in a team.';
}
