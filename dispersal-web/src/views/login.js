// Sign-in page.

import { api } from '../api.js';
import { field, h, replace } from '../dom.js';

/** Renders the sign-in form; on success goes to the runs. */
export function renderLogin(view, ctx) {
  if (ctx.session) {
    ctx.go(['runs']);
    return;
  }
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const submit = h('button', { type: 'submit', id: 'sign-in' }, 'Sign in');
  const expired = new URLSearchParams(location.hash.split('?')[1] || '').get('expired');
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        message.textContent = '';
        try {
          await ctx.signedIn(await api.login(username.value.trim(), password.value));
          ctx.go(['runs']);
        } catch (error) {
          message.textContent =
            error.status === 429
              ? 'Too many attempts. Wait a minute, then try again.'
              : error.status === 401
                ? 'Wrong user name or password.'
                : error.message;
          password.value = '';
          password.focus();
        } finally {
          submit.disabled = false;
        }
      },
    },
    field('User name', username),
    field('Password', password),
    submit,
    message,
  );
  replace(
    view,
    h('h1', {}, 'Sign in'),
    expired ? h('p', { class: 'notice' }, 'Your session has ended. Please sign in again.') : null,
    h('p', {}, 'Forecasts of where foreign fighters go when a proto-state loses its territory.'),
    form,
  );
  username.focus();
}
