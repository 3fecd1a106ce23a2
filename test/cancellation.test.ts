// A caller's AbortSignal stops a call at once, wherever the call is: before sending, waiting
// for headers, reading a body, or sleeping between attempts. The call rejects with the
// signal's own reason (not a wrapped error), sends nothing more, and leaves no timer, listener
// or socket behind.
import { createHook } from 'node:async_hooks';
import { getEventListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProcessorTasksClient, ModelArtsError, type ProcessorTasksClientOptions } from '../src/index.ts';
import {
  activeResources,
  apiError,
  failure,
  settle,
  useFaultServer,
  type FaultServer,
} from './support/fault-server.ts';
import { PROJECT_ID } from './support/fixtures.ts';

let server: FaultServer;
useFaultServer(
  (s) => (server = s),
  async () => {
    // With the server gone, no socket of this file may keep the process alive.
    const net = () => (activeResources().TCPSocketWrap ?? 0) + (activeResources().TCPServerWrap ?? 0);
    await until(() => net() === 0, 1_000).catch(() => {});
    expect(activeResources()).not.toHaveProperty('TCPSocketWrap');
    expect(activeResources()).not.toHaveProperty('TCPServerWrap');
  },
);

function client(options: Partial<ProcessorTasksClientOptions> = {}) {
  return createProcessorTasksClient({
    endpoint: server.url,
    projectId: PROJECT_ID,
    credentials: { token: 'tok-secret-value' },
    retry: { limit: 2, backoffBase: 5, backoffLimit: 20_000 },
    timeout: 10_000,
    totalTimeout: 60_000,
    env: {},
    ...options,
  });
}

/** Resolves once `check()` holds, polling; rejects after `limitMs`. */
async function until(check: () => boolean, limitMs = 2_000): Promise<void> {
  const end = performance.now() + limitMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Runs `body` and checks that afterwards no timer the client made is still pending and no more
 * client sockets keep the process alive than before. Timers are told apart by where they were
 * created (the process has others, vitest's among them, that come and go). Sockets are counted
 * for the whole process, less the test server's own. (undici may open an idle, unref'd
 * connection after a cancelled one: it holds nothing alive, so only its server end shows.)
 */
async function withoutLeaks(body: () => Promise<void>): Promise<void> {
  const timers = new Map<number, string>();
  const hook = createHook({
    init(id, type) {
      if (type !== 'Timeout') return;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 20;
      const stack = new Error('timer created').stack ?? '';
      Error.stackTraceLimit = limit;
      if (stack.includes(SRC)) timers.set(id, stack);
    },
    destroy(id) {
      timers.delete(id);
    },
  });
  const clientSockets = () => (activeResources().TCPSocketWrap ?? 0) - server.openSockets();
  const socketsBefore = clientSockets();
  hook.enable();
  try {
    await body();
    // Destroy hooks and handle closes arrive some turns of the event loop after the fact; a
    // leaked timer or socket never goes. Half a second tells the two apart.
    await until(() => timers.size === 0 && clientSockets() <= socketsBefore, 500).catch(() => {});
  } finally {
    hook.disable();
  }
  expect([...timers.values()], 'timers the client left pending').toEqual([]);
  expect(clientSockets(), `sockets: ${JSON.stringify(activeResources())}, ${server.openSockets()} of them the server's`).toBeLessThanOrEqual(
    socketsBefore,
  );
}

class CallerGaveUp extends Error {}

describe('a caller abort', () => {
  it('during a hanging request: rejects at once with the signal reason, and the socket closes', async () => {
    await withoutLeaks(async () => {
      const controller = new AbortController();
      const reason = new CallerGaveUp('stop');
      const call = settle(client().deleteProcessorTask({ taskId: 'hang' }, { signal: controller.signal }));
      await until(() => server.count('hang') === 1);
      const abortedAt = performance.now();
      controller.abort(reason);
      const s = await call;
      expect(s.ok).toBe(false);
      expect(!s.ok && s.error).toBe(reason);
      expect(performance.now() - abortedAt).toBeLessThan(1_000);
      expect(server.count('hang')).toBe(1);
      await server.requests('hang')[0]!.closed;
    });
  });

  it('during a backoff sleep (Retry-After: 10): rejects at once, no further attempt, no timer left', async () => {
    await withoutLeaks(async () => {
      const controller = new AbortController();
      const reason = new CallerGaveUp('enough');
      const call = settle(client().deleteProcessorTask({ taskId: '429-long' }, { signal: controller.signal }));
      await until(() => server.requests('429-long')[0]?.answeredAt !== undefined);
      // Let the client read the 429 and start its 10 s wait.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const abortedAt = performance.now();
      controller.abort(reason);
      const s = await call;
      expect(!s.ok && s.error).toBe(reason);
      expect(performance.now() - abortedAt).toBeLessThan(1_000);
      expect(s.ms).toBeLessThan(2_000);
      expect(server.count('429-long')).toBe(1);
    });
  });

  it('during a jittered backoff between 503s', async () => {
    server.program('503-slow-backoff', () => apiError(503, 'ModelArts.0010', 'busy'));
    const controller = new AbortController();
    const reason = new CallerGaveUp('later');
    // Backoff of at least several seconds: the abort lands inside it, not in a request.
    const c = client({ retry: { limit: 5, backoffBase: 20_000, backoffLimit: 20_000 } });
    await withoutLeaks(async () => {
      const call = settle(c.deleteProcessorTask({ taskId: '503-slow-backoff' }, { signal: controller.signal }));
      await until(() => server.requests('503-slow-backoff')[0]?.answeredAt !== undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort(reason);
      const s = await call;
      expect(!s.ok && s.error).toBe(reason);
      expect(s.ms).toBeLessThan(2_000);
      expect(server.count('503-slow-backoff')).toBeLessThanOrEqual(2);
    });
  });

  it('while the body trickles in', async () => {
    await withoutLeaks(async () => {
      const controller = new AbortController();
      const reason = new CallerGaveUp('slow');
      const call = settle(client().deleteProcessorTask({ taskId: 'slow-body' }, { signal: controller.signal }));
      await until(() => server.requests('slow-body')[0]?.answeredAt !== undefined);
      await new Promise((resolve) => setTimeout(resolve, 120));
      const abortedAt = performance.now();
      controller.abort(reason);
      const s = await call;
      expect(!s.ok && s.error).toBe(reason);
      expect(performance.now() - abortedAt).toBeLessThan(1_000);
      await server.requests('slow-body')[0]!.closed;
    });
  });

  it('with no reason given: rejects with the signal\'s AbortError, not a client error', async () => {
    const controller = new AbortController();
    const call = failure(client().deleteProcessorTask({ taskId: 'hang' }, { signal: controller.signal }));
    await until(() => server.count('hang') === 1);
    controller.abort();
    const { error, ms } = await call;
    expect(error).toBe(controller.signal.reason);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(ModelArtsError);
    expect(ms).toBeLessThan(2_000);
  });

  it('by AbortSignal.timeout: the caller\'s TimeoutError, distinct from the client\'s own timeouts', async () => {
    const signal = AbortSignal.timeout(150);
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId: 'hang' }, { signal }));
    expect(error).toBe(signal.reason);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(error).not.toBeInstanceOf(ModelArtsError);
    expect(ms).toBeLessThan(1_500);
  });

  it('through the raw openapi-fetch client as well', async () => {
    await withoutLeaks(async () => {
      const controller = new AbortController();
      const reason = new CallerGaveUp('raw');
      const call = settle(
        client().raw.DELETE('/v2/{project_id}/processor-tasks/{task_id}', {
          params: { path: { project_id: PROJECT_ID, task_id: 'hang' } },
          signal: controller.signal,
        }),
      );
      await until(() => server.count('hang') === 1);
      const abortedAt = performance.now();
      controller.abort(reason);
      const s = await call;
      expect(!s.ok && s.error).toBe(reason);
      expect(performance.now() - abortedAt).toBeLessThan(1_000);
      await server.requests('hang')[0]!.closed;
    });
  });
});

// openapi-fetch rethrows only a truthy error from fetch: the client must still reject with
// a falsy reason itself, not with openapi-fetch's TypeError about a missing response.
describe('a falsy abort reason', () => {
  it.each([[0], [''], [null], [false]])('rejects with %j itself', async (reason) => {
    const before = server.count('ok');
    const settled = await client()
      .deleteProcessorTask({ taskId: 'ok' }, { signal: AbortSignal.abort(reason) })
      .then(() => ({ rejected: false, value: undefined as unknown }), (value: unknown) => ({ rejected: true, value }));
    expect(settled).toEqual({ rejected: true, value: reason });
    expect(server.count('ok')).toBe(before);
  });
});

describe('an already-aborted signal', () => {
  it('sends nothing and rejects with its reason', async () => {
    await withoutLeaks(async () => {
      const reason = new CallerGaveUp('before');
      const { error, ms } = await failure(client().deleteProcessorTask({ taskId: 'ok' }, { signal: AbortSignal.abort(reason) }));
      expect(error).toBe(reason);
      expect(ms).toBeLessThan(500);
      expect(server.count('ok')).toBe(0);
      expect(server.requests()).toEqual([]);
    });
  });
});

describe('a signal that never aborts', () => {
  it('is left with no listener after each call, however many calls share it', async () => {
    const controller = new AbortController();
    const c = client();
    server.program('twice-then-ok', (n) => (n % 3 === 0 ? { kind: 'respond', status: 200, body: '{}' } : apiError(503, 'X', 'busy')));
    for (let i = 0; i < 3; i++) {
      const s = await settle(c.deleteProcessorTask({ taskId: 'twice-then-ok' }, { signal: controller.signal }));
      expect(s.ok && s.value).toMatchObject({ missing: false, attempts: 3 });
    }
    await failure(c.deleteProcessorTask({ taskId: 'status-400' }, { signal: controller.signal }));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    // Aborting now reaches nothing: no late rejection, nothing sent.
    const sent = server.requests().length;
    controller.abort(new CallerGaveUp('late'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests()).toHaveLength(sent);
  });
});
