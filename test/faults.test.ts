// The client against a server that fails in every way a real one (or the network, or a proxy
// in front of it) can: each case checks the error class and fields the caller gets, how many
// requests the server saw against how many the client says it made, and that the call ends in
// bounded time. Time bounds are correctness bounds (no hang, no runaway retry loop) sized for a
// busy shared machine, not benchmarks.
import { describe, expect, it } from 'vitest';
import {
  ClientRequestError,
  ConnectionError,
  createProcessorTasksClient,
  InvalidResponseError,
  RedirectError,
  RequestTimeoutError,
  ServerResponseError,
  ServiceResponseError,
  type ProcessorTasksClientOptions,
} from '../src/index.ts';
import { failure, REQUEST_ID, settle, useFaultServer, type FaultServer } from './support/fault-server.ts';
import { PROJECT_ID } from './support/fixtures.ts';

let server: FaultServer;
useFaultServer((s) => (server = s));

const TOKEN = 'tok-secret-value-1234';

function client(options: Partial<ProcessorTasksClientOptions> = {}) {
  return createProcessorTasksClient({
    endpoint: server.url,
    projectId: PROJECT_ID,
    credentials: { token: TOKEN },
    retry: { limit: 2, backoffBase: 5, backoffLimit: 50 },
    timeout: 2_000,
    totalTimeout: 10_000,
    env: {},
    ...options,
  });
}

describe('connection failures', () => {
  it.each([
    ['reset', /ECONNRESET/],
    ['close-then-ok', undefined],
  ] as const)('%s: a socket closed before any response is a ConnectionError, retried for DELETE', async (taskId, pattern) => {
    if (pattern === undefined) {
      // One close, then success: the retry recovers and says it took two attempts.
      const s = await settle(client().deleteProcessorTask({ taskId }));
      expect(s.ok && s.value).toMatchObject({ missing: false, attempts: 2, status: 200 });
      expect(server.count(taskId)).toBe(2);
      expect(s.ms).toBeLessThan(3_000);
      return;
    }
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(pattern);
    expect(error.message).toContain(server.url);
    expect(error.attempts).toBe(3);
    expect(server.count(taskId)).toBe(3);
    expect(ms).toBeLessThan(3_000);
  });

  it('a connection refused is a ConnectionError after the retries', async () => {
    // A port that was just free: nothing listens on it.
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { error, ms } = await failure(client({ endpoint: `http://127.0.0.1:${port}` }).deleteProcessorTask({ taskId: 'ok' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.attempts).toBe(3);
    expect(ms).toBeLessThan(3_000);
  });
});

describe('timeouts', () => {
  it('a server that never answers ends with RequestTimeoutError("attempt") after `timeout`, not retried by default', async () => {
    const { error, ms } = await failure(client({ timeout: 200 }).deleteProcessorTask({ taskId: 'hang' }));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ kind: 'attempt', timeoutMs: 200, attempts: 1 });
    expect(server.count('hang')).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(3_000);
    // The abandoned request does not keep its connection open.
    await server.requests('hang')[0]!.closed;
  });

  it('with retryOnTimeout every attempt times out and the limit still holds', async () => {
    const c = client({ timeout: 150, retry: { limit: 2, backoffBase: 5, backoffLimit: 50, retryOnTimeout: true } });
    const { error, ms } = await failure(c.deleteProcessorTask({ taskId: 'hang' }));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ kind: 'attempt', timeoutMs: 150, attempts: 3 });
    expect(server.count('hang')).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(3 * 140);
    expect(ms).toBeLessThan(4_000);
  });

  it.each(['slow-body', 'slow-error-body'])('%s: headers at once and a body slower than the timeout time out', async (taskId) => {
    // The timeout covers the body too; otherwise a trickling body would hold the call for ever.
    const { error, ms } = await failure(client({ timeout: 200 }).deleteProcessorTask({ taskId }));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ kind: 'attempt', timeoutMs: 200, attempts: 1 });
    expect(server.count(taskId)).toBe(1);
    expect(ms).toBeLessThan(3_000);
    await server.requests(taskId)[0]!.closed;
  });
});

describe('retryable statuses', () => {
  it('a 503 burst shorter than the limit ends in success, with the attempts counted', async () => {
    const s = await settle(client().deleteProcessorTask({ taskId: 'burst503-2' }));
    expect(s.ok && s.value).toEqual({
      data: {}, missing: false, status: 200, requestId: REQUEST_ID, attempts: 3,
    });
    expect(server.count('burst503-2')).toBe(3);
    expect(s.ms).toBeLessThan(3_000);
  });

  it('a 503 burst longer than the limit ends with the last 503', async () => {
    const { error, ms } = await failure(client({ retry: { limit: 1, backoffBase: 5, backoffLimit: 50 } }).deleteProcessorTask({ taskId: 'burst503-2' }));
    expect(error).toBeInstanceOf(ServerResponseError);
    expect(error).toMatchObject({ status: 503, errorCode: 'ModelArts.0010', errorMsg: 'service busy', requestId: REQUEST_ID, attempts: 2 });
    expect(server.count('burst503-2')).toBe(2);
    expect(ms).toBeLessThan(3_000);
  });
});

describe('error bodies of every shape', () => {
  it('malformed JSON on a 400: a ClientRequestError with what could be read, not retried', async () => {
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId: 'malformed-400' }));
    expect(error).toBeInstanceOf(ClientRequestError);
    expect(error).toMatchObject({ status: 400, errorCode: 'ModelArts.0101', attempts: 1 });
    expect(error.errorMsg).toContain('bad argu');
    expect(server.count('malformed-400')).toBe(1);
    expect(ms).toBeLessThan(3_000);
  });

  it('malformed JSON on a 500: the status decides, so it is retried', async () => {
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId: 'malformed-500' }));
    expect(error).toBeInstanceOf(ServerResponseError);
    expect(error).toMatchObject({ status: 500, errorCode: 'ModelArts.0010', attempts: 3 });
    expect(error.errorMsg).toContain('inter');
    expect(server.count('malformed-500')).toBe(3);
    expect(ms).toBeLessThan(3_000);
  });

  it('malformed JSON on a 200: the success body is not used, so the delete succeeded', async () => {
    const s = await settle(client().deleteProcessorTask({ taskId: 'malformed-200' }));
    expect(s.ok && s.value).toMatchObject({ missing: false, status: 200, attempts: 1 });
    expect(server.count('malformed-200')).toBe(1);
    expect(s.ms).toBeLessThan(3_000);
  });

  it.each([
    ['empty-503', 503, ServerResponseError, 'Service Unavailable', 3],
    ['empty-400', 400, ClientRequestError, 'Bad Request', 1],
  ] as const)('%s: an empty body falls back to the status text', async (taskId, status, cls, msg, attempts) => {
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId }));
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({ status, errorCode: undefined, errorMsg: msg, requestId: REQUEST_ID, attempts });
    expect(server.count(taskId)).toBe(attempts);
    expect(ms).toBeLessThan(3_000);
  });

  it('an HTML 502 from a proxy: a readable one-line message, retried as a 502', async () => {
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId: 'html-502' }));
    expect(error).toBeInstanceOf(ServerResponseError);
    expect(error).toMatchObject({ status: 502, errorCode: undefined, attempts: 3 });
    expect(error.errorMsg).toContain('502 Bad Gateway');
    expect(error.errorMsg).toContain('nginx');
    expect(error.errorMsg).not.toMatch(/[<>\n]|not a message/);
    expect(server.count('html-502')).toBe(3);
    expect(ms).toBeLessThan(3_000);
  });

  it.each([
    ['camel-fields', 403, ClientRequestError, 'IAM.0002', 'camelCase message', 1],
    ['code-message', 500, ServerResponseError, 'APIG.0201', 'plain code and message', 3],
    ['nested-error', 404, ClientRequestError, 'APIG.0101', 'nested under error', 1],
  ] as const)('%s: the alternative field names give errorCode and errorMsg', async (taskId, status, cls, code, msg, attempts) => {
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId }));
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({ status, errorCode: code, errorMsg: msg, requestId: REQUEST_ID, attempts });
    expect(server.count(taskId)).toBe(attempts);
    expect(ms).toBeLessThan(3_000);
  });
});

describe('huge bodies', () => {
  it.each(['huge-503', 'huge-503-chunked'])('%s: a multi-megabyte error body is read only up to a prefix', async (taskId) => {
    const { error, ms } = await failure(client().deleteProcessorTask({ taskId }));
    expect(error).toBeInstanceOf(ServerResponseError);
    // The code leads the body, so it survives the cut; the message is bounded.
    expect(error).toMatchObject({ status: 503, errorCode: 'ModelArts.0010', attempts: 3 });
    expect(error.errorMsg.length).toBeLessThanOrEqual(500);
    expect(error.message.length).toBeLessThan(1_000);
    expect(server.count(taskId)).toBe(3);
    expect(ms).toBeLessThan(5_000);
  });

  it.each(['huge-200', 'huge-200-chunked'])('%s: a success body over maxResponseBytes is refused, not retried', async (taskId) => {
    const { error, ms } = await failure(client({ maxResponseBytes: 1024 * 1024 }).deleteProcessorTask({ taskId }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: REQUEST_ID, attempts: 1 });
    expect(error.message).toMatch(/larger than 1048576 bytes/);
    expect(server.count(taskId)).toBe(1);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('redirects', () => {
  it.each([
    ['token', { token: TOKEN }],
    ['AK/SK', { accessKey: 'AK0123456789', secretKey: 'SK-very-secret-value' }],
  ] as const)('a 302 is a RedirectError: not followed (%s never reaches the other host), not retried', async (_, credentials) => {
    const { error, ms } = await failure(client({ credentials }).deleteProcessorTask({ taskId: 'redirect' }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toBeInstanceOf(ServiceResponseError);
    expect(error).toMatchObject({ status: 302, attempts: 1, location: `${server.sink.url}${server.path('redirected')}` });
    expect(error.errorMsg).toContain('not followed');
    expect(server.count('redirect')).toBe(1);
    expect(server.sink.hits()).toBe(0);
    expect(ms).toBeLessThan(3_000);
  });
});

describe('secrets', () => {
  it('no error of this file carries the token', async () => {
    const errors = await Promise.all(
      ['reset', 'malformed-400', 'html-502', 'camel-fields', 'redirect'].map((taskId) =>
        failure(client({ retry: false }).deleteProcessorTask({ taskId })).then((f) => f.error as Error),
      ),
    );
    for (const e of errors) expect(`${e.message} ${JSON.stringify(e)}`).not.toContain(TOKEN);
  });
});
