// Live progress of a queued or running run, from the server-sent events of /api/runs/{id}/events.

import { api, downloads } from '../api.js';
import { h, replace } from '../dom.js';
import { formatCount, percentDone } from '../data/shape.js';
import { statusLabel } from './format.js';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Shows a progress bar that follows the run and calls `finished(status)` once, when the run ends
 * (at once for a run that has already ended). Returns a function that stops listening.
 */
export function followProgress(container, ctx, run, finished) {
  const total = run.replications;
  const bar = h('progress', { id: 'run-progress', max: String(total), value: String(run.done || 0), 'aria-labelledby': 'progress-text' });
  const text = h('p', { id: 'progress-text', role: 'status', 'aria-live': 'polite' });
  let done = false;
  let poller = null;
  let source = null;
  let cancel = null;

  const update = (event) => {
    const count = Number(event.done) || 0;
    const all = Number(event.total) || total;
    bar.max = Math.max(1, all);
    bar.value = all > 0 ? count : Number(FINAL.has(event.status));
    // A run without replications (a hypothesis update) has only its status to show.
    text.textContent =
      all > 0 ? `${statusLabel(event.status)}: ${percentDone(count, all)}% (${formatCount(count)} of ${formatCount(all)} replications)` : statusLabel(event.status);
    if (FINAL.has(event.status) && !done) {
      done = true;
      stop();
      if (cancel) cancel.remove();
      finished(event.status);
    }
  };

  const stop = () => {
    if (source) source.close();
    if (poller) clearInterval(poller);
    source = null;
    poller = null;
  };

  // When the stream breaks (server restart, proxy timeout) fall back to asking once a second.
  const poll = () => {
    if (poller || done) return;
    poller = setInterval(async () => {
      try {
        const current = await api.run(run.id);
        update({ status: current.status, done: current.done, total: current.replications });
      } catch {
        // keep trying until the page changes; a 401 sends the user to the sign-in page
      }
    }, 1000);
  };

  cancel = ctx.canEdit
    ? h(
        'button',
        {
          type: 'button',
          class: 'danger',
          id: 'cancel-run',
          onclick: async () => {
            cancel.disabled = true;
            try {
              await api.cancelRun(run.id);
            } catch (error) {
              text.textContent = error.message;
              cancel.disabled = false;
            }
          },
        },
        'Cancel run',
      )
    : null;

  replace(container, h('section', { class: 'card', 'aria-labelledby': 'progress-title' }, h('h2', { id: 'progress-title' }, 'Progress'), bar, text, cancel));
  update({ status: run.status, done: FINAL.has(run.status) && run.status === 'succeeded' ? total : run.done || 0, total });
  if (done) return stop;

  const onMessage = (message) => {
    try {
      update(JSON.parse(message.data));
    } catch {
      // a comment or keep-alive line carries no progress
    }
  };
  source = new EventSource(downloads.events(run.id));
  source.addEventListener('progress', onMessage);
  source.addEventListener('message', onMessage);
  source.addEventListener('error', () => {
    if (done) return;
    if (source) source.close();
    source = null;
    poll();
  });
  return stop;
}
