// Client construction and transport safety: where requests go (regions, endpoints), what
// they carry (credentials, project id, user agent), what is refused before anything is
// sent, and that redirects are never followed.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../scripts/paths.ts';
import { MODELARTS_REGIONS } from '../src/endpoints.ts';
import {
  createProcessorTasksClient,
  RedirectError,
  signRequest,
  TokenCredentials,
  ValidationError,
  VERSION,
  type ProcessorTasksClientOptions,
} from '../src/index.ts';
import { loadBundledSpec, PROJECT_ID, TASK_ID, type Json } from './support/fixtures.ts';

const ENDPOINT = 'https://modelarts.cn-north-4.myhuaweicloud.com';
const OTHER_PROJECT = '0123456789abcdef0123456789abcdef';
const TOKEN = { token: 'config-test-token' };
const AK = 'AKCONFIGTEST00000000';
const SK = 'config-test-secret-key';
const STS = 'config-test-security-token';

type Call = { url: string; init: RequestInit; headers: Headers };

function spy(respond: (call: Call, n: number) => Response = () => okResponse()) {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {}, headers: new Headers(init?.headers as HeadersInit) };
    calls.push(call);
    return respond(call, calls.length);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function okResponse(): Response {
  return new Response('{}', { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'rid-config' } });
}

function client(options: ProcessorTasksClientOptions, s = spy()) {
  return { client: createProcessorTasksClient({ endpoint: ENDPOINT, credentials: TOKEN, retry: false, env: {}, fetch: s.fetch, ...options }), ...s };
}

/** Construction must fail with a ValidationError naming `field`. */
function refusedAt(field: string | RegExp, options: ProcessorTasksClientOptions): ValidationError {
  let err: unknown;
  try {
    createProcessorTasksClient({ env: {}, ...options });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).field).toMatch(field instanceof RegExp ? field : new RegExp(`^${field.replace(/\./g, '\\.')}$`));
  return err as ValidationError;
}

// --- regions ------------------------------------------------------------------------------

const spec = loadBundledSpec();
const servers = spec.servers as Json[];
const regional = servers.find((s) => s.variables?.region)!;
const ENUM_REGIONS = regional.variables.region.enum as string[];
/** Servers that name one region in their host (ap-southeast-1 and OTC's eu-de, under other domains). */
const FIXED = servers
  .filter((s) => !s.variables && /^https:\/\/modelarts\.[a-z0-9-]+\.(myhuaweicloud\.|otc\.t-systems\.com$)/.test(s.url))
  .map((s) => ({ region: new URL(s.url).hostname.split('.')[1]!, url: s.url as string }));
const SPEC_REGIONS = [...ENUM_REGIONS, ...FIXED.map((f) => f.region)];

function specEndpoint(region: string): string {
  return ENUM_REGIONS.includes(region) ? regional.url.replace('{region}', region) : FIXED.find((f) => f.region === region)!.url;
}

describe('regions and endpoints', () => {
  it("the region table is the spec's region enum plus the regions of its single-region servers", () => {
    expect(FIXED.map((f) => f.region)).toEqual(['ap-southeast-1', 'eu-de']);
    expect([...MODELARTS_REGIONS].sort()).toEqual([...SPEC_REGIONS].sort());
    expect(new Set(MODELARTS_REGIONS).size).toBe(23);
  });

  it.each(SPEC_REGIONS.map((r) => [r, specEndpoint(r)]))('%s → %s, and requests go there', async (region, expected) => {
    const { client: c, calls } = client({ endpoint: undefined, region, projectId: PROJECT_ID });
    expect(c.endpoint).toBe(expected);
    expect(c.region).toBe(region);
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(new URL(calls[0]!.url).origin).toBe(expected);
  });

  it('ap-southeast-1 is served under myhuaweicloud.cn', () => {
    expect(client({ endpoint: undefined, region: 'ap-southeast-1' }).client.endpoint).toBe('https://modelarts.ap-southeast-1.myhuaweicloud.cn');
  });

  it("eu-de is Open Telekom Cloud's host, and HUAWEICLOUD_SDK_REGION_MODELARTS_EU_DE overrides it", () => {
    expect(client({ endpoint: undefined, region: 'eu-de' }).client.endpoint).toBe('https://modelarts.eu-de.otc.t-systems.com');
    const env = { HUAWEICLOUD_SDK_REGION_MODELARTS_EU_DE: 'https://modelarts-proxy.example.test' };
    expect(client({ endpoint: undefined, region: 'eu-de', env }).client.endpoint).toBe('https://modelarts-proxy.example.test');
    // OTC's endpoint list has no ModelArts in eu-nl: not a known region.
    refusedAt('region', { region: 'eu-nl', credentials: TOKEN });
  });

  it.each([['xx-nowhere-1'], ['CN-NORTH-4'], ['cn-north-4 '], [''], ['cn-north-4.evil.test'], ['__proto__'], ['constructor']])(
    'unknown region %j is a ValidationError naming region',
    (region) => {
      refusedAt('region', { region, credentials: TOKEN });
    },
  );

  it.each([[42], [null], [{}]])('a non-string region (%j) is a ValidationError naming region', (region) => {
    refusedAt('region', { region: region as unknown as string, credentials: TOKEN });
  });

  it('no region and no endpoint is a ValidationError naming region', () => {
    refusedAt('region', { credentials: TOKEN });
  });

  it('HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION> overrides a known region, and makes an unknown one usable', async () => {
    const env = {
      HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4: 'https://modelarts-proxy.example.test/',
      HUAWEICLOUD_SDK_REGION_MODELARTS_XX_PRIVATE_1: 'http://127.0.0.1:4010',
    };
    const known = client({ endpoint: undefined, region: 'cn-north-4', env, projectId: PROJECT_ID });
    expect(known.client.endpoint).toBe('https://modelarts-proxy.example.test');
    await known.client.deleteProcessorTask({ taskId: TASK_ID });
    expect(new URL(known.calls[0]!.url).origin).toBe('https://modelarts-proxy.example.test');
    expect(client({ endpoint: undefined, region: 'xx-private-1', env }).client.endpoint).toBe('http://127.0.0.1:4010');
    // The override is an endpoint like any other: the same checks apply.
    refusedAt('endpoint', { region: 'cn-north-4', credentials: TOKEN, env: { HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4: 'http://proxy.example.test' } });
  });

  it('an explicit endpoint wins over the region', () => {
    expect(client({ endpoint: 'https://modelarts.example.test', region: 'cn-north-4' }).client.endpoint).toBe('https://modelarts.example.test');
  });
});

describe('endpoint checks', () => {
  it.each([
    ['https://modelarts.cn-north-4.myhuaweicloud.com', 'https://modelarts.cn-north-4.myhuaweicloud.com'],
    ['https://modelarts.cn-north-4.myhuaweicloud.com/', 'https://modelarts.cn-north-4.myhuaweicloud.com'],
    ['https://modelarts.example.test:8443/base//', 'https://modelarts.example.test:8443/base'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.45.6.7', 'http://127.45.6.7'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://LOCALHOST:4010', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('%s is accepted as %s', (endpoint, expected) => {
    expect(client({ endpoint }).client.endpoint).toBe(expected);
  });

  it.each([
    'http://modelarts.example.test',
    'http://localhost.example.test',
    'http://127.0.0.1.example.test',
    'http://10.0.0.1:4010',
    'http://[::2]',
    'http://0.0.0.0:4010',
  ])('plain http to a non-loopback host (%s) is refused', (endpoint) => {
    refusedAt('endpoint', { endpoint, credentials: TOKEN });
  });

  it('plain http to a remote host is allowed with allowInsecureHttp: true', () => {
    expect(client({ endpoint: 'http://modelarts.example.test', allowInsecureHttp: true }).client.endpoint).toBe('http://modelarts.example.test');
  });

  it.each([
    'https://user@modelarts.example.test',
    'https://user:pass@modelarts.example.test',
    'https://:pass@modelarts.example.test',
    'http://user:pass@127.0.0.1:4010',
    'https://modelarts.example.test/?',
    'https://modelarts.example.test/?a=1',
    'https://modelarts.example.test?project_id=x',
    'https://modelarts.example.test/#',
    'https://modelarts.example.test/#frag',
    'ftp://modelarts.example.test',
    'file:///etc/passwd',
    'ws://127.0.0.1:4010',
    'wss://modelarts.example.test',
    'javascript:alert(1)',
    'data:text/plain,x',
    'mailto:ops@example.test',
    'modelarts.cn-north-4.myhuaweicloud.com',
    '//modelarts.example.test',
    '/v2',
    '',
  ])('%j is refused, even with allowInsecureHttp', (endpoint) => {
    refusedAt('endpoint', { endpoint, credentials: TOKEN });
    refusedAt('endpoint', { endpoint, credentials: TOKEN, allowInsecureHttp: true });
  });

  it.each([[42], [null], [{ href: ENDPOINT }]])('a non-string endpoint (%j) is refused', (endpoint) => {
    refusedAt('endpoint', { endpoint: endpoint as unknown as string, credentials: TOKEN });
  });
});

describe('redirects are not followed', () => {
  it.each([301, 302, 303, 307, 308])('%i surfaces as RedirectError with its location, sent once, never retried', async (status) => {
    const location = 'https://elsewhere.example.test/v2/x/processor-tasks/y';
    const { client: c, calls } = client(
      // The default retry policy (2 retries), which a redirect must not trigger.
      { projectId: PROJECT_ID, retry: undefined },
      spy(() => new Response(null, { status, headers: { location, 'x-request-id': 'rid-redirect' } })),
    );
    const err = await c.deleteProcessorTask({ taskId: TASK_ID }).catch((e: unknown) => e);
    expect(calls.map((call) => call.init.redirect)).toEqual(['manual']);
    expect(err).toBeInstanceOf(RedirectError);
    expect(err).toMatchObject({ status, location, requestId: 'rid-redirect', attempts: 1 });
  });

  it('asks every attempt for redirect: manual', async () => {
    const { client: c, calls } = client(
      { projectId: PROJECT_ID, retry: { limit: 2, backoffBase: 1 } },
      spy((_, n) => (n < 3 ? new Response('{}', { status: 503 }) : okResponse())),
    );
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(calls.map((call) => call.init.redirect)).toEqual(['manual', 'manual', 'manual']);
  });

  describe('with the real fetch against a loopback server', () => {
    let server: Server;
    let origin: string;
    const hits: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        hits.push(`${req.method} ${req.url}`);
        if (req.url!.startsWith('/v2/')) {
          res.writeHead(307, { location: `${origin}/stolen`, 'x-request-id': 'rid-307' }).end();
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('the redirect target is never requested', async () => {
      const c = createProcessorTasksClient({ endpoint: origin, projectId: PROJECT_ID, credentials: TOKEN, env: {} });
      const err = await c.deleteProcessorTask({ taskId: TASK_ID }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RedirectError);
      expect(err).toMatchObject({ status: 307, location: `${origin}/stolen` });
      expect(hits).toEqual([`DELETE /v2/${PROJECT_ID}/processor-tasks/${TASK_ID}`]);
    });
  });
});

// --- credentials --------------------------------------------------------------------------

/** `X-Sdk-Date` back to a Date, to recompute the signature. */
function sdkDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  expect(m).not.toBeNull();
  const [, y, mo, d, h, mi, s] = m!.map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

/** Checks an AK/SK request: headers present, and the signature is the one for the URL actually sent. */
function expectSigned(call: Call, projectId: string, securityToken?: string): void {
  const h = call.headers;
  const auth = h.get('authorization') ?? '';
  const m = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  expect(m, auth).not.toBeNull();
  expect(m![1]).toBe(AK);
  const signed = m![2]!.split(';');
  expect(signed).toEqual(expect.arrayContaining(['host', 'x-sdk-date', 'x-project-id']));
  expect(h.get('x-project-id')).toBe(projectId);
  expect(h.get('x-auth-token')).toBeNull();
  if (securityToken === undefined) {
    expect(h.get('x-security-token')).toBeNull();
    expect(signed).not.toContain('x-security-token');
  } else {
    expect(h.get('x-security-token')).toBe(securityToken);
    expect(signed).toContain('x-security-token');
  }
  const expected = signRequest({
    method: call.init.method!,
    url: call.url,
    accessKey: AK,
    secretKey: SK,
    ...(securityToken === undefined ? {} : { securityToken }),
    projectId,
    date: sdkDate(h.get('x-sdk-date')!),
  });
  expect(auth).toBe(expected.Authorization);
}

describe('credentials', () => {
  it('token: X-Auth-Token, no signature', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID });
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(calls[0]!.headers.get('x-auth-token')).toBe(TOKEN.token);
    expect(calls[0]!.headers.get('authorization')).toBeNull();
    expect(calls[0]!.headers.get('x-sdk-date')).toBeNull();
  });

  it('a Credentials instance is used as it is', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID, credentials: new TokenCredentials('instance-token') });
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(calls[0]!.headers.get('x-auth-token')).toBe('instance-token');
  });

  it('AK/SK: signed, with X-Sdk-Date and X-Project-Id', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID, credentials: { accessKey: AK, secretKey: SK } });
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expectSigned(calls[0]!, PROJECT_ID);
  });

  it('temporary AK/SK: X-Security-Token sent and signed', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID, credentials: { accessKey: AK, secretKey: SK, securityToken: STS } });
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expectSigned(calls[0]!, PROJECT_ID, STS);
  });

  it('each attempt is signed afresh', async () => {
    const { client: c, calls } = client(
      { projectId: PROJECT_ID, credentials: { accessKey: AK, secretKey: SK, securityToken: STS }, retry: { limit: 1, backoffBase: 1 } },
      spy((_, n) => (n === 1 ? new Response('{}', { status: 503 }) : okResponse())),
    );
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(calls).toHaveLength(2);
    for (const call of calls) expectSigned(call, PROJECT_ID, STS);
  });

  it('from the environment: HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN / _PROJECT_ID', async () => {
    const env = { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_SECURITY_TOKEN: STS, HUAWEICLOUD_SDK_PROJECT_ID: OTHER_PROJECT };
    const s = spy();
    const c = createProcessorTasksClient({ endpoint: ENDPOINT, env, fetch: s.fetch, retry: false });
    expect(c.projectId).toBe(OTHER_PROJECT);
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(new URL(s.calls[0]!.url).pathname).toBe(`/v2/${OTHER_PROJECT}/processor-tasks/${TASK_ID}`);
    expectSigned(s.calls[0]!, OTHER_PROJECT, STS);
  });

  it('from the environment without a security token (or an empty one): permanent AK/SK', async () => {
    for (const env of [{ HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK }, { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_SECURITY_TOKEN: '' }]) {
      const s = spy();
      await createProcessorTasksClient({ endpoint: ENDPOINT, env, fetch: s.fetch, projectId: PROJECT_ID }).deleteProcessorTask({ taskId: TASK_ID });
      expectSigned(s.calls[0]!, PROJECT_ID);
    }
  });

  it('explicit credentials win over the environment', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID, env: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK } });
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(calls[0]!.headers.get('x-auth-token')).toBe(TOKEN.token);
    expect(calls[0]!.headers.get('authorization')).toBeNull();
  });

  it.each([
    ['no credentials anywhere', {}],
    ['only an AK in the environment', { HUAWEICLOUD_SDK_AK: AK }],
    ['only an SK in the environment', { HUAWEICLOUD_SDK_SK: SK }],
    ['empty AK and SK in the environment', { HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '' }],
    ['only a security token in the environment', { HUAWEICLOUD_SDK_SECURITY_TOKEN: STS }],
  ])('%s: ValidationError naming credentials', (_, env) => {
    refusedAt('credentials', { endpoint: ENDPOINT, env });
  });

  it.each([
    ['empty token', { token: '' }, 'credentials.token'],
    ['blank token', { token: '   ' }, 'credentials.token'],
    ['token with a line break', { token: 'abc\r\nX-Injected: 1' }, 'credentials.token'],
    ['token with a space', { token: 'abc def' }, 'credentials.token'],
    ['token outside Latin-1', { token: 'abc\u20ac' }, 'credentials.token'],
    ['non-string token', { token: 42 }, 'credentials.token'],
    ['empty access key', { accessKey: '', secretKey: SK }, 'credentials.accessKey'],
    ['access key with a comma', { accessKey: 'AK, SignedHeaders=host', secretKey: SK }, 'credentials.accessKey'],
    ['empty secret key', { accessKey: AK, secretKey: '' }, 'credentials.secretKey'],
    ['missing secret key', { accessKey: AK }, 'credentials.secretKey'],
    ['empty security token', { accessKey: AK, secretKey: SK, securityToken: '' }, 'credentials.securityToken'],
    ['security token with a trailing space', { accessKey: AK, secretKey: SK, securityToken: `${STS} ` }, 'credentials.securityToken'],
    ['empty object', {}, 'credentials.accessKey'],
    ['a string', 'config-test-token', 'credentials'],
    ['a number', 42, 'credentials'],
  ])('%s: ValidationError naming %s', (_, credentials, field) => {
    refusedAt(field, { endpoint: ENDPOINT, credentials: credentials as never });
  });
});

// --- project id ---------------------------------------------------------------------------

describe('project id', () => {
  it('from the option', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID });
    expect(c.projectId).toBe(PROJECT_ID);
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(new URL(calls[0]!.url).pathname).toBe(`/v2/${PROJECT_ID}/processor-tasks/${TASK_ID}`);
  });

  it('from HUAWEICLOUD_SDK_PROJECT_ID; the option wins over it', async () => {
    const fromEnv = client({ env: { HUAWEICLOUD_SDK_PROJECT_ID: OTHER_PROJECT } });
    await fromEnv.client.deleteProcessorTask({ taskId: TASK_ID });
    expect(new URL(fromEnv.calls[0]!.url).pathname).toBe(`/v2/${OTHER_PROJECT}/processor-tasks/${TASK_ID}`);
    expect(client({ projectId: PROJECT_ID, env: { HUAWEICLOUD_SDK_PROJECT_ID: OTHER_PROJECT } }).client.projectId).toBe(PROJECT_ID);
  });

  it('per call, over the client default (and in the signed X-Project-Id)', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID, credentials: { accessKey: AK, secretKey: SK } });
    const result = await c.deleteProcessorTask({ projectId: OTHER_PROJECT, taskId: TASK_ID });
    expect(result.projectId).toBe(OTHER_PROJECT);
    expect(new URL(calls[0]!.url).pathname).toBe(`/v2/${OTHER_PROJECT}/processor-tasks/${TASK_ID}`);
    expectSigned(calls[0]!, OTHER_PROJECT);
  });

  it('none anywhere: ValidationError naming projectId, nothing sent', async () => {
    for (const env of [{}, { HUAWEICLOUD_SDK_PROJECT_ID: '' }]) {
      const { client: c, calls } = client({ env });
      expect(c.projectId).toBeUndefined();
      const err = await c.deleteProcessorTask({ taskId: TASK_ID }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe('projectId');
      expect(calls).toHaveLength(0);
    }
  });

  it.each([
    ['option', { projectId: 'NOT-A-PROJECT' }],
    ['option, empty', { projectId: '' }],
    ['environment', { env: { HUAWEICLOUD_SDK_PROJECT_ID: `${PROJECT_ID}/..` } }],
  ])('an invalid default (%s) is refused at construction', (_, options) => {
    refusedAt('projectId', { endpoint: ENDPOINT, credentials: TOKEN, ...options });
  });
});

// --- user agent, timeouts, retry ------------------------------------------------------------

describe('user agent, timeouts and retry options', () => {
  it('default user agent names this package, its version and node', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID });
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(calls[0]!.headers.get('user-agent')).toBe(`modelarts-processor-tasks/${VERSION} node/${process.versions.node}`);
  });

  it('the user agent can be replaced', async () => {
    const { client: c, calls } = client({ projectId: PROJECT_ID, userAgent: 'ops-cleaner/2.1 (+team-ml)' });
    await c.deleteProcessorTask({ taskId: TASK_ID });
    expect(calls[0]!.headers.get('user-agent')).toBe('ops-cleaner/2.1 (+team-ml)');
  });

  it.each([[''], [' leading'], ['trailing '], ['a\r\nX-Injected: 1'], ['tab\there'], ['caf\u00e9/1'], [42]])('user agent %j is refused', (userAgent) => {
    refusedAt('userAgent', { endpoint: ENDPOINT, credentials: TOKEN, userAgent: userAgent as string });
  });

  const BAD_DURATIONS = [0, -1, Number.NaN, Infinity, -Infinity, 2 ** 31, 1e12, '1000', null, {}, true];
  it.each(['timeout', 'totalTimeout'] as const)('%s: bad values are ValidationErrors naming the field', (field) => {
    for (const value of BAD_DURATIONS) refusedAt(field, { endpoint: ENDPOINT, credentials: TOKEN, [field]: value });
    // The largest delay a timer can hold is accepted.
    expect(() => client({ [field]: 2 ** 31 - 1 })).not.toThrow();
    expect(() => client({ [field]: 1 })).not.toThrow();
  });

  it.each([
    [-1], [1.5], [101], [Number.NaN], [Infinity], ['2'], [null], [true], [[1]], [() => 1],
    [{ limit: -1 }], [{ limit: 'x' }], [{ limit: 2.5 }], [{ backoffBase: -1 }], [{ backoffLimit: Number.NaN }],
    [{ methods: 'DELETE' }], [{ methods: [1] }], [{ statusCodes: 500 }], [{ statusCodes: [700] }], [{ statusCodes: ['500'] }],
    [{ retryOnTimeout: 'no' }],
  ])('retry %j is a ValidationError naming retry', (retry) => {
    refusedAt(/^retry(\.|$)/, { endpoint: ENDPOINT, credentials: TOKEN, retry: retry as never });
  });

  it.each([[false], [0], [3], [{}], [{ limit: 0 }], [{ limit: 1, methods: ['delete'], statusCodes: [503], retryOnTimeout: true }]])(
    'retry %j is accepted',
    (retry) => {
      expect(() => client({ retry: retry as never })).not.toThrow();
    },
  );

  it('a non-function fetch is refused', () => {
    refusedAt('fetch', { endpoint: ENDPOINT, credentials: TOKEN, fetch: 'fetch' as never });
  });
});

// --- raw client -----------------------------------------------------------------------------

describe('client.raw goes through the same transport', () => {
  const path = '/v2/{project_id}/processor-tasks/{task_id}' as const;
  const params = { path: { project_id: PROJECT_ID, task_id: TASK_ID } };

  it('token: auth header, user agent, no redirects', async () => {
    const { client: c, calls } = client({});
    const { response } = await c.raw.DELETE(path, { params });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]!.url).pathname).toBe(`/v2/${PROJECT_ID}/processor-tasks/${TASK_ID}`);
    expect(calls[0]!.headers.get('x-auth-token')).toBe(TOKEN.token);
    expect(calls[0]!.headers.get('user-agent')).toMatch(/^modelarts-processor-tasks\//);
    expect(calls[0]!.init.redirect).toBe('manual');
  });

  it('temporary AK/SK: signed', async () => {
    const { client: c, calls } = client({ credentials: { accessKey: AK, secretKey: SK, securityToken: STS } });
    await c.raw.DELETE(path, { params });
    const auth = calls[0]!.headers.get('authorization') ?? '';
    expect(auth).toMatch(/^SDK-HMAC-SHA256 Access=AKCONFIGTEST00000000, SignedHeaders=[^,]*x-security-token/);
    expect(calls[0]!.headers.get('x-security-token')).toBe(STS);
  });

  it('AK/SK: X-Project-Id is the project the path names, not the client default', async () => {
    const other = 'b'.repeat(32);
    const { client: c, calls } = client({ projectId: PROJECT_ID, credentials: { accessKey: AK, secretKey: SK } });
    await c.raw.DELETE(path, { params: { path: { project_id: other, task_id: TASK_ID } } });
    expect(c.projectId).toBe(PROJECT_ID);
    expect(calls[0]!.headers.get('x-project-id')).toBe(other);
    expect(calls[0]!.headers.get('authorization')).toMatch(/SignedHeaders=[^,]*x-project-id/);
  });

  it('with retries', async () => {
    const { client: c, calls } = client(
      { retry: { limit: 1, backoffBase: 1 } },
      spy((_, n) => (n === 1 ? new Response('{}', { status: 503 }) : okResponse())),
    );
    const { response } = await c.raw.DELETE(path, { params });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});

describe('version', () => {
  it('src/version.ts VERSION equals package.json version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
