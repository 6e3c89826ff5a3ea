// The signed-in user's own page: API tokens for scripts.

import { api } from '../api.js';
import { field, h, liveRegion, replace } from '../dom.js';
import { teamSentence } from '../data/teams.js';

/** Renders the token forms: create one (shown once) and revoke one by name. */
export function renderAccount(view, ctx) {
  const status = liveRegion();
  const shown = h('div', { id: 'new-token', 'aria-live': 'polite' });
  const name = h('input', { type: 'text', name: 'token-name', required: true, autocomplete: 'off', maxlength: '64' });
  const create = h(
    'form',
    {
      class: 'card',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const token = await api.createToken(name.value.trim());
          const value = h('input', { type: 'text', readOnly: true, value: token.token, class: 'code wide', id: 'token-value' });
          replace(
            shown,
            field(`Token “${token.name}”`, value, 'Copy it now: it is shown only this once. Scripts send it in the header Authorization: Bearer <token>.'),
          );
          value.focus();
          value.select();
          status.textContent = 'Token created.';
          name.value = '';
        } catch (error) {
          status.textContent = `Not created: ${error.message}`;
        }
      },
    },
    h('h2', {}, 'Create a token'),
    field('Token name', name, 'For example the name of the script that will use it.'),
    h('button', { type: 'submit', id: 'token-name-submit' }, 'Create token'),
    shown,
  );
  const revokeName = h('input', { type: 'text', name: 'revoke-name', required: true, autocomplete: 'off' });
  const revoke = h(
    'form',
    {
      class: 'card',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await api.revokeToken(revokeName.value.trim());
          status.textContent = `Token “${revokeName.value.trim()}” revoked.`;
          revokeName.value = '';
        } catch (error) {
          status.textContent = `Not revoked: ${error.message}`;
        }
      },
    },
    h('h2', {}, 'Revoke a token'),
    field('Token name', revokeName),
    h('button', { type: 'submit', class: 'danger' }, 'Revoke token'),
  );
  replace(
    view,
    h('h1', {}, `Your account: ${ctx.session.username}`),
    h('p', {}, `Role: ${ctx.session.role}. Scripts can use the JSON API (described at `, h('a', { href: 'api/openapi.yaml' }, 'api/openapi.yaml'), ') with a token instead of a password.'),
    h('p', { id: 'account-team' }, teamSentence(ctx.session)),
    status,
    create,
    revoke,
  );
}
