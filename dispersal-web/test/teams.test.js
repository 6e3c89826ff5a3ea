import { describe, expect, it } from 'vitest';
import { accountLabel, notFoundText, teamBadge, teamSentence, visibilityChoice, visibleToText } from '../src/data/teams.js';

const ana = { username: 'ana', role: 'analyst', team: 'alpha' };
const loner = { username: 'lou', role: 'analyst', team: null };
const viewer = { username: 'vic', role: 'viewer', team: 'alpha' };
const admin = { username: 'root', role: 'admin', team: null };

const shared = { id: 3, name: 'open', owner: 'ana', builtIn: false, visibility: 'shared', team: null };
const kept = { id: 7, name: 'closed', owner: 'ana', builtIn: false, visibility: 'team', team: 'alpha' };
const builtIn = { id: 1, name: 'isis-2017', owner: null, builtIn: true, visibility: 'shared', team: null };

describe('badges', () => {
  it('marks team scenarios and team runs, and nothing else', () => {
    expect(teamBadge(kept)).toBe('Team alpha');
    expect(teamBadge(shared)).toBeNull();
    expect(teamBadge({ ...shared, team: 'alpha' })).toBeNull(); // shared wins over a recorded team
    expect(teamBadge({ id: 12, scenarioName: 'closed', team: 'beta' })).toBe('Team beta');
    expect(teamBadge({ id: 13, scenarioName: 'open', team: null })).toBeNull();
    expect(teamBadge({ id: 14, scenarioName: 'old' })).toBeNull(); // a server without teams
  });

  it('says who can see a scenario or run', () => {
    expect(visibleToText(kept)).toBe('Team alpha only');
    expect(visibleToText(shared)).toBe('Everyone');
    expect(visibleToText({ id: 12, team: 'beta' })).toBe('Team beta only');
  });
});

describe('the editor’s "Visible to" choice', () => {
  it('offers everyone or my team to an analyst with a team, for a new scenario and her own', () => {
    const fresh = visibilityChoice(ana, { name: '', builtIn: false }, true);
    expect(fresh.editable).toBe(true);
    expect(fresh.value).toBe('shared');
    expect(fresh.options).toEqual([
      { value: 'shared', label: 'Everyone' },
      { value: 'team', label: 'My team only (alpha)' },
    ]);
    expect(visibilityChoice(ana, kept, false)).toMatchObject({ editable: true, value: 'team' });
    expect(visibilityChoice(ana, shared, false)).toMatchObject({ editable: true, value: 'shared' });
  });

  it('explains to an analyst without a team why there is no choice', () => {
    const choice = visibilityChoice(loner, { name: '', builtIn: false }, true);
    expect(choice.editable).toBe(false);
    expect(choice.text).toBe('Everyone');
    expect(choice.note).toContain('no team');
  });

  it('shows only the words to viewers, to other analysts and on built-in scenarios', () => {
    expect(visibilityChoice(viewer, kept, false)).toMatchObject({ editable: false, text: 'Team alpha only', note: null });
    expect(visibilityChoice({ ...loner, username: 'ben' }, shared, false)).toMatchObject({ editable: false, text: 'Everyone' });
    expect(visibilityChoice(ana, builtIn, false)).toMatchObject({ editable: false, text: 'Everyone' });
    expect(visibilityChoice(admin, builtIn, false).editable).toBe(false);
  });

  it('lets an administrator keep someone else’s scenario to its owner’s team', () => {
    const choice = visibilityChoice(admin, kept, false);
    expect(choice).toMatchObject({ editable: true, value: 'team' });
    expect(choice.options[1]).toEqual({ value: 'team', label: 'Only the team of ana (alpha)' });
    expect(visibilityChoice(admin, shared, false).options[1].label).toBe('Only the team of ana');
  });
});

describe('the account menu', () => {
  it('names the team when there is one', () => {
    expect(accountLabel(ana)).toBe('ana (analyst, team alpha)');
    expect(accountLabel(admin)).toBe('root (admin)');
    expect(accountLabel({ username: 'old', role: 'viewer' })).toBe('old (viewer)');
  });

  it('explains on the account page what the team means', () => {
    expect(teamSentence(ana)).toMatch(/^You are in team alpha\. A scenario you keep to your team/);
    expect(teamSentence(loner)).toMatch(/^You are in no team/);
  });
});

describe('the "not found" page', () => {
  it('says the same for a missing and a hidden object, with the way back', () => {
    const scenario = notFoundText('scenario', '7');
    expect(scenario.title).toBe('Scenario not found');
    expect(scenario.message).toBe('There is no scenario 7 that you can open.');
    expect(scenario.reason).toContain('visible only to a team you are not in');
    expect(scenario.href).toBe('#/scenarios');
    const run = notFoundText('run', '12');
    expect(run.title).toBe('Run not found');
    expect(run.message).toBe('There is no run 12 that you can open.');
    expect(run.href).toBe('#/runs');
  });

  it('shortens a very long address part', () => {
    expect(notFoundText('run', 'x'.repeat(100)).message).toBe(`There is no run ${'x'.repeat(40)}… that you can open.`);
  });
});
