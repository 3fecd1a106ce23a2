// Secrets (IAM token, SK, security token) never reach anything an application may print,
// log or serialise: error messages, String/JSON/inspect of errors and of the client, logger
// events and results. Each output is searched for the whole secret and for every 8-character
// piece of it, so a secret cut in two by truncation counts as a leak too.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ClientRequestError,
  ConnectionError,
  createProcessorTasksClient,
  RedirectError,
  RequestTimeoutError,
  ServerResponseError,
  ValidationError,
  type LogEvent,
  type ProcessorTasksClient,
  type ProcessorTasksClientOptions,
} from '../src/index.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';

// Random-looking so that no 8-character piece occurs in any other text by chance.
const TOKEN = 'tQ9vX2mLp7WzR4kJd8HnB5cY3fGs';
const SK = 'sV6nQ1tZ8yC3wM5kS0gF2uAeR7hJ';
const STS = 'hP2lX7dR4jU9eA6cW1zO3tIbN8qM';
const AK = 'AKPUBLIC00000000TEST';
const SECRETS = { token: TOKEN, sk: SK, securityToken: STS } as const;
const ENDPOINT = 'https://modelarts.cn-north-4.myhuaweicloud.com';

const WINDOW = 8;

/** Every (secret, fragment) found in `text`: the secret itself or any 8-character piece of it. */
function leaksIn(text: string): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (let i = 0; i + WINDOW <= secret.length; i++) {
      const piece = secret.slice(i, i + WINDOW);
      if (text.includes(piece)) {
        found.push(`${name} (${piece === secret ? 'whole' : `piece ${JSON.stringify(piece)}`})`);
        break;
      }
    }
  }
  return found;
}

const INSPECT = { depth: 10, showHidden: true } as const;

/** Everything an application could print about an error. */
function errorOutputs(err: unknown): Record<string, string> {
  const e = err as Error;
  return {
    message: String(e?.message),
    'String(err)': String(err),
    'JSON.stringify(err)': JSON.stringify(err) ?? '',
    'inspect(err)': inspect(err, INSPECT),
    stack: String(e?.stack),
  };
}

function clientOutputs(client: ProcessorTasksClient): Record<string, string> {
  let json: string;
  try {
    json = JSON.stringify(client) ?? '';
  } catch (err) {
    throw new Error(`JSON.stringify(client) throws: ${String(err)}`);
  }
  return { 'inspect(client)': inspect(client, INSPECT), 'JSON.stringify(client)': json, 'String(client)': String(client) };
}

function expectNoLeak(outputs: Record<string, string>): void {
  const leaks = Object.entries(outputs).flatMap(([where, text]) => leaksIn(text).map((l) => `${where}: ${l}`));
  expect(leaks).toEqual([]);
}

type Creds = 'token' | 'temporary AK/SK' | 'env AK/SK';

function optionsFor(creds: Creds): Pick<ProcessorTasksClientOptions, 'credentials' | 'env'> {
  switch (creds) {
    case 'token':
      return { credentials: { token: TOKEN }, env: {} };
    case 'temporary AK/SK':
      return { credentials: { accessKey: AK, secretKey: SK, securityToken: STS }, env: {} };
    case 'env AK/SK':
      return { env: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_SECURITY_TOKEN: STS } };
  }
}

type Handler = (url: string, init: RequestInit) => Promise<Response>;

/** Builds a client over `handler`, runs one delete, and returns every output to search. */
async function run(creds: Creds, handler: Handler, extra: Partial<ProcessorTasksClientOptions> = {}, ignoreMissing = false) {
  const events: LogEvent[] = [];
  const seen: RequestInit[] = [];
  const client = createProcessorTasksClient({
    endpoint: ENDPOINT,
    projectId: PROJECT_ID,
    retry: false,
    ...optionsFor(creds),
    logger: (e) => events.push(e),
    fetch: ((url: string, init: RequestInit) => {
      seen.push(init);
      return handler(url, init);
    }) as typeof globalThis.fetch,
    ...extra,
  });
  let result: unknown;
  let error: unknown;
  try {
    result = await client.deleteProcessorTask({ taskId: TASK_ID }, { ignoreMissing });
  } catch (err) {
    error = err;
  }
  const outputs: Record<string, string> = {
    ...clientOutputs(client),
    logger: events.map((e) => JSON.stringify(e)).join('\n'),
    'inspect(logger)': inspect(events, INSPECT),
    result: JSON.stringify(result) ?? '',
    ...(error === undefined ? {} : errorOutputs(error)),
  };
  return { result, error, events, outputs, seen };
}

/** What a request carried that a server could echo back: the token or the security token. */
function sentSecret(init: RequestInit): string {
  const headers = new Headers(init.headers as HeadersInit);
  return headers.get('x-auth-token') ?? headers.get('x-security-token') ?? '';
}

function json(status: number, body: unknown, headers: Record<string, string> = {}, statusText?: string): Response {
  return new Response(JSON.stringify(body), {
    status,
    ...(statusText === undefined ? {} : { statusText }),
    headers: { 'content-type': 'application/json', 'x-request-id': 'rid-secrets', ...headers },
  });
}

const CREDS: Creds[] = ['token', 'temporary AK/SK', 'env AK/SK'];

describe.each(CREDS)('no secret leaks, %s credentials', (creds) => {
  it('sanity: the request does carry the credential, and the search finds a planted secret', async () => {
    const { seen } = await run(creds, async () => json(200, {}));
    expect(seen).toHaveLength(1);
    const h = new Headers(seen[0]!.headers as HeadersInit);
    if (creds === 'token') expect(h.get('x-auth-token')).toBe(TOKEN);
    else expect(h.get('x-security-token')).toBe(STS);
    // The detector itself: a whole secret and a piece of one are both found.
    expect(leaksIn(`x ${TOKEN} y`)).toHaveLength(1);
    expect(leaksIn(`x ${SK.slice(5, 14)} y`)).toHaveLength(1);
    expect(leaksIn('[redacted]')).toHaveLength(0);
  });

  it('success', async () => {
    const { result, outputs, events } = await run(creds, async () => json(200, {}));
    expect(result).toMatchObject({ missing: false });
    expect(events.map((e) => e.type)).toEqual(['request', 'response']);
    expectNoLeak(outputs);
  });

  it.each([
    [401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' }, ClientRequestError],
    [403, { error_code: 'ModelArts.0108', error_msg: 'not authorized' }, ClientRequestError],
    [500, { error_code: 'ModelArts.0010', error_msg: 'internal error' }, ServerResponseError],
  ] as const)('HTTP %i', async (status, body, type) => {
    const { error, outputs } = await run(creds, async () => json(status, body));
    expect(error).toBeInstanceOf(type);
    expectNoLeak(outputs);
  });

  it('HTTP 500 retried, with retry events logged', async () => {
    const { error, outputs, events } = await run(creds, async () => json(500, { error_code: 'ModelArts.0010', error_msg: 'x' }), {
      retry: { limit: 2, backoffBase: 1 },
    });
    expect(error).toBeInstanceOf(ServerResponseError);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
    expectNoLeak(outputs);
  });

  it('connection error', async () => {
    const { error, outputs } = await run(creds, async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 192.0.2.1:443'), { code: 'ECONNREFUSED' }) });
    });
    expect(error).toBeInstanceOf(ConnectionError);
    expectNoLeak(outputs);
  });

  it('connection error from a fetch whose error carries the request (as axios- or got-style adapters do)', async () => {
    const { error, outputs } = await run(creds, async (url, init) => {
      const secret = sentSecret(init);
      const cause = Object.assign(new Error(`proxy refused credential ${secret}`), { code: 'ECONNRESET', config: { url, headers: init.headers } });
      throw Object.assign(new TypeError(`fetch failed for ${secret}`, { cause }), { request: { headers: init.headers } });
    });
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNRESET');
    expectNoLeak(outputs);
  });

  it('timeout', async () => {
    const { error, outputs } = await run(
      creds,
      (_url, init) =>
        new Promise((_, reject) => {
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason), { once: true });
        }),
      { timeout: 20 },
    );
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expectNoLeak(outputs);
  });

  describe('a server that echoes the secrets', () => {
    // A server can only echo what it was sent, and the client can only redact what it holds:
    // echo this client's own secrets (SK included, as if it leaked some other way).
    const mine = creds === 'token' ? [TOKEN] : [SK, STS];
    const all = mine.join(' ');
    const last = mine[mine.length - 1]!;

    it('in a JSON error body: error_msg, error_code, request_id, nested error, other fields', async () => {
      const { error, outputs } = await run(creds, async (_url, init) =>
        json(401, {
          error_code: `APIGW.0301 ${sentSecret(init)}`,
          error_msg: `credential ${sentSecret(init)} rejected; all: ${all}`,
          request_id: all,
          error: { code: mine[0], message: all },
          [mine[0]!]: last,
        }),
      );
      expect(error).toBeInstanceOf(ClientRequestError);
      expect((error as ClientRequestError).errorMsg).toContain('[redacted]');
      expectNoLeak(outputs);
    });

    it('in a message-only body (errorMsg / message shapes)', async () => {
      for (const body of [{ errorCode: mine[0], errorMsg: all }, { code: last, message: all }, { error: { message: all } }]) {
        const { outputs } = await run(creds, async () => json(400, body));
        expectNoLeak(outputs);
      }
    });

    it('in headers and status text', async () => {
      const { error, outputs } = await run(creds, async (_url, init) =>
        json(403, { error_code: 'ModelArts.0108', error_msg: 'denied' }, { 'x-request-id': sentSecret(init), 'x-echo': all, 'www-authenticate': `Bearer ${mine[0]}` }, `Forbidden ${sentSecret(init)}`),
      );
      expect(error).toBeInstanceOf(ClientRequestError);
      expect((error as ClientRequestError).requestId).toBe('[redacted]');
      expectNoLeak(outputs);
    });

    it('in a status text used as the message (empty body)', async () => {
      const { error, outputs } = await run(creds, async (_url, init) => new Response(null, { status: 502, statusText: `Bad ${sentSecret(init)}` }));
      expect(error).toBeInstanceOf(ServerResponseError);
      expectNoLeak(outputs);
    });

    it('in a text body, where the message excerpt cuts the text', async () => {
      for (const at of [0, 150, 190, 195, 199, 200, 400, 490, 495]) {
        const { error, outputs } = await run(creds, async (_url, init) =>
          new Response(`${'e'.repeat(at)}${sentSecret(init)} ${all} ${'f'.repeat(300)}`, { status: 500, headers: { 'content-type': 'text/plain' } }),
        );
        expect(error).toBeInstanceOf(ServerResponseError);
        expectNoLeak(outputs);
      }
    });

    it('in an HTML body from a proxy', async () => {
      const { outputs } = await run(creds, async (_url, init) =>
        new Response(`<html><head><title>${sentSecret(init)}</title></head><body><h1>Error</h1><p>${'x '.repeat(95)}${all}</p></body></html>`, {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
      );
      expectNoLeak(outputs);
    });

    it('in a malformed JSON body', async () => {
      const { outputs } = await run(creds, async (_url, init) =>
        new Response(`{"error_code":"X","error_msg":"${sentSecret(init)} ${all}`, { status: 500, headers: { 'content-type': 'application/json' } }),
      );
      expectNoLeak(outputs);
    });

    it('in a redirect Location', async () => {
      const { error, outputs } = await run(creds, async (_url, init) =>
        new Response(null, { status: 302, headers: { location: `https://elsewhere.example.test/?t=${sentSecret(init)}&s=${all}` } }),
      );
      expect(error).toBeInstanceOf(RedirectError);
      expectNoLeak(outputs);
    });

    it('in the X-Request-Id of a success (result and logger)', async () => {
      const { result, outputs } = await run(creds, async (_url, init) => json(200, {}, { 'x-request-id': `rid-${sentSecret(init)}` }));
      expect(result).toMatchObject({ missing: false, requestId: 'rid-[redacted]' });
      expectNoLeak(outputs);
    });

    it('in a "task not found" answered with ignoreMissing', async () => {
      const { result, outputs } = await run(
        creds,
        async (_url, init) => json(400, { error_code: 'ModelArts.4700', error_msg: `no task ${sentSecret(init)}` }, { 'x-request-id': sentSecret(init) }),
        {},
        true,
      );
      expect(result).toMatchObject({ missing: true });
      expectNoLeak(outputs);
    });
  });

  it('a ValidationError at call time', async () => {
    const client = createProcessorTasksClient({ endpoint: ENDPOINT, projectId: PROJECT_ID, ...optionsFor(creds), fetch: async () => json(200, {}) });
    const err = await client.deleteProcessorTask({ taskId: '../x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expectNoLeak({ ...errorOutputs(err), ...clientOutputs(client) });
  });
});

describe('no secret leaks from ValidationErrors at construction', () => {
  const bad: [string, Partial<ProcessorTasksClientOptions>][] = [
    ['http endpoint to a remote host', { endpoint: 'http://modelarts.example.test' }],
    ['endpoint with user info', { endpoint: 'https://user:pass@modelarts.example.test' }],
    ['endpoint with a query', { endpoint: 'https://modelarts.example.test/?a=1' }],
    ['non-http scheme', { endpoint: 'ftp://modelarts.example.test' }],
    ['not a URL', { endpoint: 'modelarts' }],
    ['unknown region', { endpoint: undefined, region: 'xx-nowhere-1' as 'cn-north-4' }],
    ['bad project id', { projectId: 'NOT-A-PROJECT' }],
    ['bad timeout', { timeout: -1 }],
    ['bad totalTimeout', { totalTimeout: Number.NaN }],
    ['bad retry', { retry: -1 }],
    ['bad user agent', { userAgent: 'a\r\nb' }],
  ];

  it.each(CREDS.flatMap((c) => bad.map(([what, opts]) => [c, what, opts] as const)))('%s: %s', (creds, _what, opts) => {
    let err: unknown;
    try {
      createProcessorTasksClient({ endpoint: ENDPOINT, ...optionsFor(creds), ...opts });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expectNoLeak(errorOutputs(err));
  });

  // The value refused is the secret itself: the message must name the field only.
  it.each([
    ['token with a space', { credentials: { token: `${TOKEN} ${TOKEN}` } }, 'credentials.token'],
    ['token with a line break', { credentials: { token: `${TOKEN}\n` } }, 'credentials.token'],
    ['token with a non-ASCII character', { credentials: { token: `${TOKEN}\u20ac` } }, 'credentials.token'],
    ['secret key with a line break', { credentials: { accessKey: AK, secretKey: `${SK}\r\n` } }, 'credentials.secretKey'],
    ['security token with NUL', { credentials: { accessKey: AK, secretKey: SK, securityToken: `${STS}\0` } }, 'credentials.securityToken'],
    ['security token with a space', { credentials: { accessKey: AK, secretKey: SK, securityToken: ` ${STS}` } }, 'credentials.securityToken'],
    // From the environment, the error names the variable to fix.
    ['env secret key with a line break', { env: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: `${SK}\n` } }, 'HUAWEICLOUD_SDK_SK'],
    ['env security token with a tab', { env: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_SECURITY_TOKEN: `${STS}\t` } }, 'HUAWEICLOUD_SDK_SECURITY_TOKEN'],
    ['env token with a space', { env: { HUAWEICLOUD_SDK_TOKEN: `${TOKEN} x` } }, 'HUAWEICLOUD_SDK_TOKEN'],
  ] as const)('%s', (_what, opts, field) => {
    let err: unknown;
    try {
      createProcessorTasksClient({ endpoint: ENDPOINT, env: {}, ...(opts as Partial<ProcessorTasksClientOptions>) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe(field);
    expectNoLeak(errorOutputs(err));
  });
});
