// Administration: user accounts and their roles, and the audit log of who did what.

import { api } from '../api.js';
import { field, h, liveRegion, replace } from '../dom.js';
import { actionLabel, formatDate } from './format.js';

const ROLES = [
  ['viewer', 'Viewer (reads results)'],
  ['analyst', 'Analyst (runs and edits scenarios)'],
  ['admin', 'Administrator (manages users)'],
];

/** Renders the users, the form to add one, and the latest audit entries. */
export async function renderAdmin(view, ctx) {
  const [users, audit] = await Promise.all([api.users(), api.audit(200)]);
  const status = liveRegion();
  replace(
    view,
    h('h1', {}, 'Users and audit log'),
    status,
    h('h2', {}, 'Users'),
    userTable(ctx, users, status),
    newUserForm(ctx, status),
    h('h2', {}, 'Audit log'),
    auditTable(audit),
  );
}

function roleSelect(current, label) {
  return h('select', { 'aria-label': label }, ROLES.map(([id, text]) => h('option', { value: id, selected: id === current }, text)));
}

function userTable(ctx, users, status) {
  return h(
    'table',
    { class: 'data', id: 'user-list' },
    h('caption', { class: 'visually-hidden' }, 'Users'),
    h('thead', {}, h('tr', {}, ['User', 'Team', 'Role', 'Since', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      users.map((user) => {
        const self = user.username === ctx.session.username;
        const role = roleSelect(user.role, `Role of ${user.username}`);
        role.disabled = self;
        role.addEventListener('change', async () => {
          try {
            await api.setRole(user.username, role.value);
            status.textContent = `${user.username} is now ${role.value}.`;
          } catch (error) {
            status.textContent = error.message;
          }
        });
        const remove = h(
          'button',
          {
            type: 'button',
            class: 'danger',
            disabled: self,
            onclick: async () => {
              if (!window.confirm(`Delete the account “${user.username}”?`)) return;
              try {
                await api.deleteUser(user.username);
                ctx.go(['admin']);
              } catch (error) {
                status.textContent = error.message;
              }
            },
          },
          'Delete',
        );
        remove.setAttribute('aria-label', `Delete ${user.username}`);
        return h('tr', {}, h('td', {}, user.username), h('td', {}, user.team || ''), h('td', {}, role), h('td', {}, formatDate(user.created)), h('td', {}, remove));
      }),
    ),
  );
}

function newUserForm(ctx, status) {
  const username = h('input', { type: 'text', name: 'username', required: true, autocomplete: 'off' });
  const password = h('input', { type: 'password', name: 'password', required: true, autocomplete: 'new-password', minlength: '12', maxlength: '1024' });
  const role = roleSelect('viewer', 'Role');
  role.id = 'new-user-role';
  const team = h('input', { type: 'text', name: 'team', autocomplete: 'off' });
  return h(
    'form',
    {
      class: 'card',
      id: 'new-user',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await api.createUser({ username: username.value.trim(), password: password.value, role: role.value, team: team.value.trim() || null });
          ctx.go(['admin']);
        } catch (error) {
          status.textContent = `Not added: ${error.message}`;
        }
      },
    },
    h('h3', {}, 'Add a user'),
    h('div', { class: 'row' }, field('User name', username), field('Password', password, '12 to 1,024 characters.'), field('Role', role), field('Team (optional)', team)),
    h('button', { type: 'submit' }, 'Add user'),
  );
}

function auditTable(entries) {
  if (!entries.length) return h('p', {}, 'Nothing recorded yet.');
  return h(
    'table',
    { class: 'data', id: 'audit-log' },
    h('caption', { class: 'visually-hidden' }, 'Audit log, newest first'),
    h('thead', {}, h('tr', {}, ['When', 'Who', 'Did', 'What', 'Details'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      entries.map((e) => h('tr', {}, h('td', {}, formatDate(e.at)), h('td', {}, e.username), h('td', {}, actionLabel(e.action)), h('td', {}, e.target || ''), h('td', {}, e.detail || ''))),
    ),
  );
}
