// The early requests of the results page (src/api.js `prefetch`): a prefetched GET is sent once,
// handed to the first request for the same URL only, and forgotten by dropPrefetched.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, dropPrefetched, prefetch } from '../src/api.js';

let sent;

beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', async (url) => {
    sent.push(url);
    const n = sent.length;
    return { status: 200, ok: true, headers: { get: () => 'application/json' }, json: async () => ({ answer: n }) };
  });
});

afterEach(() => {
  dropPrefetched();
  vi.unstubAllGlobals();
});

describe('prefetch', () => {
  it('sends the request at once and hands its answer to the first same request', async () => {
    prefetch('/runs/7/summary', { scope: 'world', demographic: 'all' });
    expect(sent).toEqual(['api/runs/7/summary?scope=world&demographic=all']);
    const first = await api.summary('7', { scope: 'world', demographic: 'all' });
    expect(first).toEqual({ answer: 1 });
    expect(sent).toHaveLength(1);
    // Taken once: the next same request goes to the server.
    expect(await api.summary('7', { scope: 'world', demographic: 'all' })).toEqual({ answer: 2 });
    expect(sent).toHaveLength(2);
  });

  it('does not answer another URL, and sends a URL already under way only once', async () => {
    prefetch('/runs/7');
    prefetch('/runs/7');
    expect(sent).toEqual(['api/runs/7']);
    await api.summary('7', { scope: 'region', month: 3 });
    expect(sent).toEqual(['api/runs/7', 'api/runs/7/summary?scope=region&month=3']);
    expect((await api.run('7')).answer).toBe(1);
  });

  it('forgets what no view took', async () => {
    prefetch('/runs/7');
    dropPrefetched();
    expect((await api.run('7')).answer).toBe(2);
    expect(sent).toEqual(['api/runs/7', 'api/runs/7']);
  });

  it('keeps a failed early request quiet until a view takes it, then fails there', async () => {
    vi.stubGlobal('fetch', async () => ({
      status: 404,
      ok: false,
      headers: { get: () => 'application/problem+json' },
      json: async () => ({ title: 'Not found', detail: 'no run 9' }),
    }));
    prefetch('/runs/9');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(api.run('9')).rejects.toThrow('no run 9');
  });
});
