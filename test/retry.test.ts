// The retry policy end to end: which failures are retried and how often, Retry-After, the
// total deadline, re-signing of each attempt, and the backoff arithmetic on its own.
import { describe, expect, it, vi } from 'vitest';
import {
  AkSkCredentials,
  ClientRequestError,
  ConnectionError,
  createProcessorTasksClient,
  RequestTimeoutError,
  ServerResponseError,
  ServiceResponseError,
  signRequest,
  TokenCredentials,
  type LogEvent,
  type ProcessorTasksClientOptions,
} from '../src/index.ts';
import { CallSecrets } from '../src/redaction.ts';
import { parseRetryAfter, retryDelay, retryPolicy, DEFAULT_RETRY } from '../src/retry.ts';
import { createTransport, type CallContext, type OutgoingRequest } from '../src/transport.ts';
import {
  apiError,
  burst,
  failure,
  hang,
  httpDateAhead,
  ok,
  REQUEST_ID,
  reset,
  sequence,
  settle,
  useFaultServer,
  type FaultServer,
} from './support/fault-server.ts';
import { PROJECT_ID } from './support/fixtures.ts';

let server: FaultServer;
useFaultServer((s) => (server = s));

const FAST = { limit: 2, backoffBase: 5, backoffLimit: 50 } as const;
const AK = 'AK0123456789';
const SK = 'SK-very-secret-value';

function client(options: Partial<ProcessorTasksClientOptions> = {}) {
  return createProcessorTasksClient({
    endpoint: server.url,
    projectId: PROJECT_ID,
    credentials: { token: 'tok-secret-value' },
    retry: FAST,
    timeout: 2_000,
    totalTimeout: 10_000,
    env: {},
    ...options,
  });
}

describe('what is retried', () => {
  it.each([429, 500, 502, 503, 504])('HTTP %i is retried up to the limit', async (status) => {
    const taskId = `status-${status}`;
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId }));
    expect(error).toBeInstanceOf(status >= 500 ? ServerResponseError : ClientRequestError);
    expect(error).toMatchObject({ status, errorCode: `Test.${status}`, errorMsg: `scripted ${status}`, requestId: REQUEST_ID, attempts: 3 });
    expect(server.count(taskId)).toBe(3);
    expect(ms).toBeLessThan(3_000);
  });

  it.each([400, 401, 403, 404, 409, 501, 505])('HTTP %i is not retried', async (status) => {
    const taskId = `status-${status}`;
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId }));
    expect(error).toBeInstanceOf(status >= 500 ? ServerResponseError : ClientRequestError);
    expect(error).toMatchObject({ status, errorCode: `Test.${status}`, attempts: 1 });
    expect(server.count(taskId)).toBe(1);
    expect(ms).toBeLessThan(3_000);
  });

  it('a connection reset is retried, and a success after it counts every attempt', async () => {
    server.program('reset-reset-ok', sequence(reset, reset, ok));
    const s = await settle(client().deleteProcessorTask({ taskId: 'reset-reset-ok' }));
    expect(s.ok && s.value).toMatchObject({ missing: false, attempts: 3 });
    expect(server.count('reset-reset-ok')).toBe(3);
    expect(s.ms).toBeLessThan(3_000);
  });

  it('a malformed body on a non-retryable status and a redirect are not retried', async () => {
    for (const taskId of ['malformed-400', 'redirect']) {
      const { error, ms } = await failure(client().deleteProcessorTask({ taskId }));
      expect(error).toBeInstanceOf(ServiceResponseError);
      expect(error.attempts).toBe(1);
      expect(server.count(taskId)).toBe(1);
      expect(ms).toBeLessThan(3_000);
    }
    expect(server.sink.hits()).toBe(0);
  });

  describe('POST is never retried', () => {
    // The spec has no POST path, so the raw client's typed POST cannot name one: the transport
    // is called directly, as the raw client would call it, with a POST Request.
    function transport() {
      return createTransport({
        fetch: globalThis.fetch,
        credentials: new TokenCredentials('tok-secret-value'),
        retry: retryPolicy({ limit: 3, backoffBase: 5, backoffLimit: 50 }),
        timeout: 2_000,
        totalTimeout: 10_000,
        userAgent: 'fault-test',
        logger: undefined,
        maxBodyBytes: 1024 * 1024,
        maxErrorBodyBytes: 64 * 1024,
      });
    }
    function request(method: string, taskId: string): OutgoingRequest {
      const body = method === 'POST' ? new TextEncoder().encode(JSON.stringify({ name: 'x' })) : undefined;
      return { method, url: `${server.url}${server.path(taskId)}`, body, headers: body ? { 'content-type': 'application/json' } : {} };
    }

    it('on a 503: one attempt, the 503 handed back', async () => {
      const ctx: CallContext = { attempts: 0, secrets: new CallSecrets([]) };
      const started = performance.now();
      const res = await transport()(request('POST', '503-forever'), ctx);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(res.status).toBe(503);
      expect(ctx.attempts).toBe(1);
      expect(server.count('503-forever')).toBe(1);
      expect(server.requests('503-forever')[0]).toMatchObject({ method: 'POST', bodyBytes: 12 });
      // The same transport retries a DELETE: the method alone made the difference.
      const del: CallContext = { attempts: 0, secrets: new CallSecrets([]) };
      expect((await transport()(request('DELETE', 'status-503'), del)).status).toBe(503);
      expect(del.attempts).toBe(4);
      expect(server.count('status-503')).toBe(4);
    });

    it('on a connection reset: one attempt, a ConnectionError', async () => {
      const ctx: CallContext = { attempts: 0, secrets: new CallSecrets([]) };
      const { error, ms } = await failure(transport()(request('POST', 'reset'), ctx));
      expect(ms).toBeLessThan(3_000);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.attempts).toBe(1);
      expect(ctx.attempts).toBe(1);
      expect(server.count('reset')).toBe(1);
    });

    it('through client.raw as well (StopProcessorTaskVersion is a POST)', async () => {
      const raw = client({ retry: { limit: 3, backoffBase: 5, backoffLimit: 50 } }).raw;
      const stop = (taskId: string) =>
        raw.POST('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/stop', {
          params: { path: { project_id: PROJECT_ID, task_id: taskId, version_id: 'qSaudx2sbPvthHygckA' } },
        });
      const s = await settle(stop('503-forever'));
      expect(s.ok && s.value.response.status).toBe(503);
      expect(server.count('503-forever')).toBe(1);
      const { error } = await failure(stop('reset'));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(server.count('reset')).toBe(1);
    });
  });
});

describe('the limit', () => {
  it.each([
    ['retry: false', false, 1],
    ['retry: 0', 0, 1],
    ['retry: 1', 1, 2],
    ['retry: { limit: 3 }', { ...FAST, limit: 3 }, 4],
  ] as const)('%s makes exactly %s attempt(s)', async (_, retry, attempts) => {
    // A 503 with a short Retry-After, so the numeric forms (default backoff) stay fast too.
    server.program('limit', () => apiError(503, 'ModelArts.0010', 'busy', { 'retry-after': '0' }));
    const { error, ms } = await failure(client({ retry }).deleteProcessorTask({ taskId: 'limit' }));
    expect(error).toBeInstanceOf(ServerResponseError);
    expect(error.attempts).toBe(attempts);
    expect(server.count('limit')).toBe(attempts);
    expect(ms).toBeLessThan(3_000);
  });

  it('connection errors respect the limit exactly too', async () => {
    const { error, ms } = await failure(client({ retry: { ...FAST, limit: 4 } }).deleteProcessorTask({ taskId: 'reset' }));
    expect(ms).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.attempts).toBe(5);
    expect(server.count('reset')).toBe(5);
  });
});

describe('Retry-After', () => {
  it('in seconds: the next attempt waits at least that long, and is signed afresh', async () => {
    const c = client({ credentials: { accessKey: AK, secretKey: SK }, retry: { ...FAST, backoffLimit: 5_000 } });
    const s = await settle(c.deleteProcessorTask({ taskId: '429-seconds' }));
    expect(s.ok && s.value).toMatchObject({ missing: false, attempts: 2 });
    const [first, second] = server.requests('429-seconds');
    expect(server.count('429-seconds')).toBe(2);
    // Timers run off the event loop's cached clock, which may lag the real one by a
    // millisecond or two: that much is tolerated, no more.
    expect(second!.at - first!.answeredAt!).toBeGreaterThanOrEqual(1_000 - 5);
    expect(s.ms).toBeLessThan(3_000);
    // A second apart, so the signing dates differ, and with them the signatures.
    expect(second!.headers['x-sdk-date']).not.toBe(first!.headers['x-sdk-date']);
    expect(second!.headers.authorization).not.toBe(first!.headers.authorization);
  });

  it('as an HTTP date: the next attempt comes no earlier than that date', async () => {
    let asked = 0;
    server.program('429-date', (n) => {
      if (n > 1) return ok;
      const date = httpDateAhead(500);
      asked = date.epochMs;
      return apiError(429, 'ModelArts.2799', 'too many requests', { 'retry-after': date.header });
    });
    const s = await settle(client({ retry: { ...FAST, backoffLimit: 5_000 } }).deleteProcessorTask({ taskId: '429-date' }));
    expect(s.ok && s.value).toMatchObject({ missing: false, attempts: 2 });
    expect(server.count('429-date')).toBe(2);
    const [first, second] = server.requests('429-date');
    // Same small tolerance as above, for the timer's cached clock.
    expect(second!.wallAt).toBeGreaterThanOrEqual(asked - 5);
    expect(second!.at - first!.answeredAt!).toBeGreaterThanOrEqual(500 - 5);
    expect(s.ms).toBeLessThan(4_000);
  });

  it('longer than backoffLimit: fails at once with the 429, one attempt', async () => {
    const { error, ms } = await failure(client({ retry: { ...FAST, backoffLimit: 5_000 } }).deleteProcessorTask({ taskId: '429-long' }));
    expect(error).toBeInstanceOf(ClientRequestError);
    expect(error).toMatchObject({ status: 429, errorCode: 'ModelArts.2799', errorMsg: 'too many requests', attempts: 1 });
    expect(server.count('429-long')).toBe(1);
    expect(ms).toBeLessThan(1_000);
  });

  it('garbage is ignored: the usual backoff applies', async () => {
    server.program('429-garbage', burst(1, apiError(429, 'ModelArts.2799', 'slow down', { 'retry-after': 'soon' })));
    const s = await settle(client().deleteProcessorTask({ taskId: '429-garbage' }));
    expect(s.ok && s.value).toMatchObject({ missing: false, attempts: 2 });
    expect(s.ms).toBeLessThan(3_000);
  });
});

describe('each attempt is authenticated afresh', () => {
  it('AK/SK: the signer runs once per attempt, and each signature matches its own date', async () => {
    const credentials = new AkSkCredentials(AK, SK);
    const spy = vi.spyOn(credentials, 'authHeaders');
    const s = await settle(client({ credentials }).deleteProcessorTask({ taskId: 'burst503-2' }));
    expect(s.ok && s.value).toMatchObject({ missing: false, attempts: 3 });
    expect(s.ms).toBeLessThan(3_000);
    expect(spy).toHaveBeenCalledTimes(3);
    const dates = spy.mock.calls.map(([, now]) => now);
    expect(new Set(dates).size).toBe(3);
    const seen = server.requests('burst503-2');
    expect(seen).toHaveLength(3);
    for (const r of seen) {
      const sdkDate = r.headers['x-sdk-date'] as string;
      expect(sdkDate).toMatch(/^\d{8}T\d{6}Z$/);
      const date = new Date(sdkDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
      const expected = signRequest({ method: 'DELETE', url: `${server.url}${r.url}`, accessKey: AK, secretKey: SK, projectId: PROJECT_ID, date });
      expect(r.headers.authorization).toBe(expected.Authorization);
    }
  });

  it('token: every attempt carries the token', async () => {
    const s = await settle(client().deleteProcessorTask({ taskId: 'burst503-2' }));
    expect(s.ok && s.value).toMatchObject({ missing: false, attempts: 3 });
    expect(s.ms).toBeLessThan(3_000);
    expect(server.requests('burst503-2').map((r) => r.headers['x-auth-token'])).toEqual(Array(3).fill('tok-secret-value'));
  });
});

describe('totalTimeout', () => {
  // The rule the transport follows, and these tests pin:
  // - a wait that would run past the deadline is not started: the call ends at once with the
  //   last error, the most precise thing known;
  // - an attempt still in flight at the deadline is cut off: RequestTimeoutError('total'),
  //   since that attempt's fate (maybe the task was deleted) is unknown.
  it('a wait that would pass the deadline ends the call with the last error, before the deadline', async () => {
    server.program('503-ra1', () => apiError(503, 'ModelArts.0010', 'busy', { 'retry-after': '1' }));
    const c = client({ totalTimeout: 1_500, retry: { limit: 10, backoffBase: 5, backoffLimit: 5_000 } });
    const { error, ms } = await failure(c.deleteProcessorTask({ taskId: '503-ra1' }));
    expect(error).toBeInstanceOf(ServerResponseError);
    expect(error).toMatchObject({ status: 503, attempts: 2 });
    expect(server.count('503-ra1')).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(1_000 - 5);
    expect(ms).toBeLessThan(1_500 + 1_000);
  });

  it('an attempt in flight at the deadline ends with RequestTimeoutError("total")', async () => {
    server.program('503-then-hang', sequence(apiError(503, 'ModelArts.0010', 'busy'), hang));
    const c = client({ totalTimeout: 400, timeout: 5_000, retry: { limit: 10, backoffBase: 5, backoffLimit: 50 } });
    const { error, ms } = await failure(c.deleteProcessorTask({ taskId: '503-then-hang' }));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 400, attempts: 2 });
    expect(server.count('503-then-hang')).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(400 + 1_000);
  });

  it('a deadline shorter than `timeout` on a hang is a "total" timeout', async () => {
    const { error, ms } = await failure(client({ totalTimeout: 300, timeout: 5_000 }).deleteProcessorTask({ taskId: 'hang' }));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 300, attempts: 1 });
    expect(ms).toBeLessThan(300 + 1_000);
  });

  it('503 for ever with a long limit: ends by the deadline, with the error the rule above names', async () => {
    const events: LogEvent[] = [];
    const c = client({ totalTimeout: 300, retry: { limit: 100, backoffBase: 5, backoffLimit: 50 }, logger: (e) => events.push(e) });
    const { error, ms } = await failure(c.deleteProcessorTask({ taskId: '503-forever' }));
    expect(ms).toBeLessThan(300 + 1_000);
    const requests = events.filter((e) => e.type === 'request').length;
    expect(requests).toBeGreaterThan(2);
    expect(requests).toBeLessThan(101);
    expect(error.attempts).toBe(requests);
    // Which of the two it is depends on where the jittered waits put the deadline.
    const last = events.at(-1)!;
    if (last.type === 'response') {
      expect(error).toBeInstanceOf(ServerResponseError);
      expect(error.status).toBe(503);
      expect(server.count('503-forever')).toBe(requests);
    } else {
      expect(last).toMatchObject({ type: 'failure' });
      expect(error).toBeInstanceOf(RequestTimeoutError);
      expect(error.kind).toBe('total');
      // The cut-off attempt may or may not have reached the server.
      expect(server.count('503-forever')).toBeGreaterThanOrEqual(requests - 1);
      expect(server.count('503-forever')).toBeLessThanOrEqual(requests);
    }
  });
});

describe('retryDelay', () => {
  const policy = retryPolicy({ backoffBase: 100, backoffLimit: 1_000 });

  it('full jitter: from 0 up to base * 2^(retry-1), never above the cap', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect([1, 2, 3, 4, 5, 10, 60].map((n) => retryDelay(policy, n, undefined, low))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect([1, 2, 3, 4, 5, 10, 60].map((n) => retryDelay(policy, n, undefined, high))).toEqual([99, 199, 399, 799, 999, 999, 999]);
    expect([1, 2, 3, 4].map((n) => retryDelay(policy, n, undefined, () => 0.5))).toEqual([50, 100, 200, 400]);
  });

  it('with the real random source, stays within bounds', () => {
    for (let i = 0; i < 1_000; i++) {
      const retry = 1 + (i % 8);
      const d = retryDelay(policy, retry, undefined)!;
      expect(Number.isInteger(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(Math.min(1_000, 100 * 2 ** (retry - 1)));
    }
  });

  it('Retry-After wins over jitter up to the cap, and beyond it means "do not retry"', () => {
    expect(retryDelay(policy, 1, 0, () => 0.9)).toBe(0);
    expect(retryDelay(policy, 1, 700, () => 0)).toBe(700);
    expect(retryDelay(policy, 3, 1_000, () => 0)).toBe(1_000);
    expect(retryDelay(policy, 1, 1_001, () => 0)).toBeUndefined();
  });

  it('a zero base never waits', () => {
    const none = retryPolicy({ backoffBase: 0 });
    expect(retryDelay(none, 5, undefined, () => 0.99)).toBe(0);
  });

  it('the policy defaults and inputs', () => {
    expect(retryPolicy(undefined)).toMatchObject({ limit: DEFAULT_RETRY.limit, backoffBase: 100, backoffLimit: 20_000, retryOnTimeout: false });
    expect(retryPolicy(false).limit).toBe(0);
    expect(retryPolicy(3).limit).toBe(3);
    expect([...retryPolicy({ methods: ['delete'] }).methods]).toEqual(['DELETE']);
    expect(retryPolicy(undefined).methods.has('POST')).toBe(false);
    expect(() => retryPolicy(-1)).toThrow(/retry\.limit/);
    expect(() => retryPolicy(1.5)).toThrow(/retry\.limit/);
    expect(() => retryPolicy({ backoffLimit: Number.NaN })).toThrow(/retry\.backoffLimit/);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });

  it('reads the three HTTP-date forms, as GMT whatever the local zone', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter('Saturday, 01-Mar-25 12:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter('Sat Mar  1 12:00:07 2025', now)).toBe(7_000);
  });

  it('a date in the past means "now"', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', now)).toBe(0);
  });

  it('anything else is unreadable, not a date', () => {
    for (const garbage of ['', ' ', 'soon', '1.5', '-1', '+3', '3s', '1e3', '0x10', '2025-03-01', 'Sat, 01 Mar 2025', '1 2']) {
      expect(parseRetryAfter(garbage, now), garbage).toBeUndefined();
    }
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('retries follow the method of each operation (issue 9)', () => {
  const VERSION = 'qSaudx2sbPvthHygckA';
  // StopProcessorTaskVersion and CreateProcessorTaskVersion are POSTs whose path names the
  // task, which picks the fault server's scenario; Describe (GET) and Update (PUT) are idempotent.
  const stop = (c: ReturnType<typeof client>, taskId: string) => c.stopProcessorTaskVersion({ taskId, versionId: VERSION });
  const createVersion = (c: ReturnType<typeof client>, taskId: string) =>
    c.createProcessorTaskVersion({ taskId, body: { name: 'PRE-e77c', task_id: taskId } });

  it.each([500, 503, 429])('a POST answered %i is not retried: one attempt, the typed error', async (status) => {
    const taskId = `status-${status}`;
    for (const call of [stop, createVersion]) {
      const before = server.count(taskId);
      const { error } = await failure(call(client(), taskId));
      expect(error).toBeInstanceOf(status >= 500 ? ServerResponseError : ClientRequestError);
      expect(error.attempts).toBe(1);
      expect(server.count(taskId) - before).toBe(1);
    }
  });

  it('a POST whose connection was reset (the request may have been sent) is not retried', async () => {
    const { error } = await failure(stop(client(), 'reset-then-ok'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.attempts).toBe(1);
    expect(server.count('reset-then-ok')).toBe(1);
  });

  it('a POST refused before anything was sent (ECONNREFUSED) is retried up to the limit', async () => {
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const c = client({ endpoint: `http://127.0.0.1:${port}` });
    const { error } = await failure(c.createProcessorTask({ body: { name: 'V001' } }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.attempts).toBe(3);
  });

  it('GET and PUT are retried as DELETE is', async () => {
    const get = await settle(client().describeProcessorTask({ taskId: 'burst503-2' }));
    expect(get.ok && get.value).toMatchObject({ status: 200, attempts: 3 });
    const put = await settle(client().updateProcessorTask({ taskId: 'reset-then-ok', body: { description: 'test' } }));
    expect(put.ok && put.value).toMatchObject({ status: 200, attempts: 2 });
  });

  it('a policy that lists POST retries it like any listed method (the choice is the caller\'s)', async () => {
    const { error } = await failure(stop(client({ retry: { ...FAST, methods: ['POST'] } }), 'status-500'));
    expect(error.attempts).toBe(3);
  });
});
