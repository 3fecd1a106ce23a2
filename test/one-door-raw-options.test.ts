// Issue 12, class 1: per-call options of client.raw must not bypass what the client
// guarantees. A per-call baseUrl other than the client's endpoint, fetch, Request, middleware,
// pathSerializer, querySerializer or bodySerializer is refused before anything is sent (no
// request reaches the client's fetch, the per-call fetch or anything else), and a middleware
// registered with raw.use() that steers the checked request elsewhere (another origin, path or
// method) is refused beneath it. What is allowed is sent exactly once, to the one resource
// the call names. Every operation of the spec, every kind of credential.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/index.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';
import { CREDENTIAL_KINDS, counter, ENDPOINT, FIXED, rawCall, resourceOf, settle, spyClient } from './support/one-door.ts';
import { baseInput, filledPath, operation, OPERATIONS, type SpecOperation } from './support/spec-operations.ts';
import { spyFetch } from './support/spy-fetch.ts';

const RUNS = 1_500;
const EVIL = 'http://evil.example.test';

interface Attack {
  /** The option used, for the tally. */
  option: string;
  name: string;
  /** Per-call options merged into the call's init. */
  init: Record<string, unknown>;
  /** The field the ValidationError names, or undefined when the option is harmless and the call goes out. */
  refusedAs: string | undefined;
  /** A per-call fetch that must never be called. */
  perCall?: ReturnType<typeof spyFetch>;
}

const otherBaseUrls = fc.constantFrom(
  EVIL,
  'https://evil.example.test',
  'http://127.0.0.1:9',
  `${ENDPOINT}/other`,
  `${ENDPOINT}/v2`,
  ENDPOINT.replace('https:', 'http:'),
  `${ENDPOINT}:8443`,
  `${ENDPOINT}@evil.example.test`,
  'https://user:password@modelarts.cn-north-4.myhuaweicloud.com',
  '//evil.example.test',
  'https://modelarts.cn-north-4.myhuaweicloud.com.evil.example.test',
  '',
  ' ',
  'javascript:alert(1)',
);

const attacks: fc.Arbitrary<() => Attack> = fc.oneof(
  otherBaseUrls.map((baseUrl) => () => ({ option: 'baseUrl', name: `baseUrl ${baseUrl}`, init: { baseUrl }, refusedAs: 'init.baseUrl' })),
  otherBaseUrls.map((baseUrl) => () => ({ option: 'baseUrl (URL)', name: 'baseUrl as a URL', init: { baseUrl: (() => { try { return new URL(baseUrl); } catch { return new URL(EVIL); } })() }, refusedAs: 'init.baseUrl' })),
  fc.constantFrom(ENDPOINT, `${ENDPOINT}/`, `${ENDPOINT}//`).map((baseUrl) => () => ({ option: "baseUrl (the client's own)", name: "baseUrl: the client's own", init: { baseUrl }, refusedAs: undefined })),
  fc.constant(() => {
    const perCall = spyFetch();
    return { option: 'fetch', name: 'fetch', init: { fetch: perCall.fetch }, refusedAs: 'init.fetch', perCall };
  }),
  fc.constant(() => ({ option: 'Request', name: 'Request', init: { Request: class EvilRequest extends Request {} }, refusedAs: 'init.Request' })),
  fc.constantFrom(
    () => ({ option: 'middleware', name: 'middleware to another origin', init: { middleware: [{ onRequest: ({ request }: { request: Request }) => new Request(request.url.replace(/^https:\/\/[^/]+/, EVIL), request) }] }, refusedAs: 'init.middleware' }),
    () => ({ option: 'middleware', name: 'middleware that only adds a header', init: { middleware: [{ onRequest: ({ request }: { request: Request }) => { request.headers.set('x-extra', '1'); return request; } }] }, refusedAs: 'init.middleware' }),
    () => ({ option: 'middleware', name: 'an empty middleware list', init: { middleware: [] }, refusedAs: 'init.middleware' }),
  ),
  fc.constantFrom('/v2/../../evil', '/evil', `/v2/${PROJECT_ID}/processor-tasks/items`).map((to) => () => ({
    option: 'pathSerializer',
    name: `pathSerializer to ${to}`,
    init: { pathSerializer: (p: string) => p.replace(/\/v2\/.*$/, to) },
    refusedAs: 'init.pathSerializer',
  })),
  fc.constantFrom(
    () => ({ option: 'querySerializer', name: 'querySerializer function', init: { querySerializer: () => 'limit=100000&offset=-1' }, refusedAs: 'init.querySerializer' }),
    () => ({ option: 'querySerializer', name: 'querySerializer options', init: { querySerializer: { array: { style: 'form', explode: true } } }, refusedAs: 'init.querySerializer' }),
    () => ({ option: 'bodySerializer', name: 'bodySerializer', init: { bodySerializer: () => '{"description":"<script>"}' }, refusedAs: 'init.bodySerializer' }),
  ),
);

async function runAttack(op: SpecOperation, kind: (typeof CREDENTIAL_KINDS)[number], attack: Attack) {
  const { client, spy } = spyClient(FIXED[kind]);
  const init = { ...baseInput(op).raw, ...attack.init };
  const { value, error } = await settle(() => rawCall(client, op, init));
  expect(attack.perCall?.calls ?? [], 'the per-call fetch was called').toHaveLength(0);
  if (attack.refusedAs !== undefined) {
    expect(error, `${attack.name}: expected a ValidationError`).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(attack.refusedAs);
    expect(spy.calls.map((c) => c.url), `${attack.name}: something was sent`).toEqual([]);
    return 'refused';
  }
  expect(error).toBeUndefined();
  expect((value as { response: Response }).response.status).toBe(200);
  expect(spy.calls).toHaveLength(1);
  expect(resourceOf(spy.calls[0]!.url)).toBe(ENDPOINT + filledPath(op, {}));
  expect(spy.calls[0]!.method).toBe(op.method);
  return 'sent';
}

describe('class 1: per-call options of client.raw cannot send a request elsewhere, unsigned, or unchecked', () => {
  it(`every operation, every credential kind (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 1 per-call options');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS.map((o) => o.id)), fc.constantFrom(...CREDENTIAL_KINDS), attacks, async (id, kind, make) => {
        const op = operation(id);
        const attack = make();
        await count.check(`${attack.refusedAs === undefined ? 'sent' : 'refused'} ${attack.option}`, async () => void (await runAttack(op, kind, attack)));
      }),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 180_000);

  it('a per-call baseUrl to a plain-http host sends no credential there (example)', async () => {
    for (const kind of CREDENTIAL_KINDS) {
      const { client, spy } = spyClient(FIXED[kind]);
      const { error } = await settle(() =>
        client.raw.DELETE('/v2/{project_id}/processor-tasks/{task_id}', { baseUrl: EVIL, params: { path: { project_id: PROJECT_ID, task_id: TASK_ID } } } as never),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(spy.calls.filter((c) => !c.url.startsWith(ENDPOINT))).toEqual([]);
      expect(spy.calls).toHaveLength(0);
    }
  });
});

// Middleware registered with raw.use() may change headers or the query, never where the
// checked request goes: the transport compares method, origin and path with what was checked.
type Rewrite = { name: string; steer: (request: Request, op: SpecOperation) => Request | undefined; refused: boolean };

const OTHER_METHOD: Record<string, string> = { GET: 'DELETE', DELETE: 'GET', POST: 'PUT', PUT: 'POST' };

const rewrites: fc.Arbitrary<Rewrite> = fc.oneof(
  fc.constantFrom(EVIL, 'https://evil.example.test', 'http://127.0.0.1:9', ENDPOINT.replace('https:', 'http:'), `${ENDPOINT}:8443`).map(
    (origin): Rewrite => ({ name: `to ${origin}`, steer: (r) => new Request(r.url.replace(/^https:\/\/[^/]+/, origin), r), refused: true }),
  ),
  fc.constantFrom(
    ['another task', (p: string) => p.replace(TASK_ID, 'AnotherTask000000001')],
    ['another project', (p: string) => p.replace(PROJECT_ID, 'b5b6e5109ac5585ab33de16a908e7c00')],
    ['a dot segment', (p: string) => `${p}/../..`],
    ['a longer path', (p: string) => `${p}/extra`],
    ['the items path', (p: string) => p.replace(/processor-tasks.*$/, 'processor-tasks/items')],
  ).map(([name, f]): Rewrite => ({
    name: `to ${name}`,
    steer: (r) => {
      const u = new URL(r.url);
      const next = f(u.pathname);
      if (next === u.pathname || new URL(next, u).pathname === u.pathname) return undefined;
      u.pathname = next;
      return new Request(u, r);
    },
    refused: true,
  })),
  fc.constant<Rewrite>({
    name: 'to another method',
    steer: (r, op) => new Request(r.url, { method: OTHER_METHOD[op.method]!, headers: r.headers, ...(OTHER_METHOD[op.method] === 'GET' || OTHER_METHOD[op.method] === 'DELETE' ? {} : { body: '{}' }) }),
    refused: true,
  }),
  fc.constant<Rewrite>({ name: 'adds a header', steer: (r) => (r.headers.set('x-trace', 'abc'), r), refused: false }),
  fc.constant<Rewrite>({ name: 'adds a query parameter', steer: (r) => { const u = new URL(r.url); u.searchParams.set('trace', '1'); return new Request(u, r); }, refused: false }),
  fc.constant<Rewrite>({ name: 'returns nothing', steer: () => undefined, refused: false }),
);

describe('class 1: a middleware registered with raw.use() cannot steer a signed request elsewhere', () => {
  it(`every operation, every credential kind (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 1 raw.use() middleware');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS.map((o) => o.id)), fc.constantFrom(...CREDENTIAL_KINDS), rewrites, async (id, kind, rewrite) => {
        const op = operation(id);
        await count.check(rewrite.name, async () => {
        const { client, spy } = spyClient(FIXED[kind]);
        let steered = false;
        client.raw.use({
          onRequest: ({ request }) => {
            const next = rewrite.steer(request, op);
            steered = next !== undefined && next !== request;
            return next;
          },
        });
        const { value, error } = await settle(() => rawCall(client, op, baseInput(op).raw));
        const refused = rewrite.refused && steered;
        if (refused) {
          expect(error, rewrite.name).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).field).toBe('raw');
          expect(spy.calls.map((c) => `${c.method} ${c.url}`), `${rewrite.name}: sent`).toEqual([]);
        } else {
          expect(error, rewrite.name).toBeUndefined();
          expect((value as { response: Response }).response.status).toBe(200);
          expect(spy.calls).toHaveLength(1);
          expect(spy.calls[0]!.method).toBe(op.method);
          expect(resourceOf(spy.calls[0]!.url)).toBe(ENDPOINT + filledPath(op, {}));
        }
        return `${refused ? 'refused' : steered ? 'sent' : 'sent unchanged'} ${rewrite.name}`;
        });
      }),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 180_000);
});

describe('class 1: the body sent is the body checked', () => {
  it('a per-call Content-Type cannot make openapi-fetch re-encode the checked body (every operation with a body)', async () => {
    const withBody = OPERATIONS.filter((op) => op.body);
    expect(withBody.length).toBeGreaterThan(0);
    for (const op of withBody) {
      for (const kind of CREDENTIAL_KINDS) {
        const { client, spy } = spyClient(FIXED[kind]);
        const base = baseInput(op).raw;
        const { error } = await settle(() => rawCall(client, op, { ...base, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
        if (error !== undefined) {
          // Refusing the header would do too; sending other bytes than were checked would not.
          expect(error).toBeInstanceOf(ValidationError);
          expect(spy.calls).toHaveLength(0);
          continue;
        }
        expect(spy.calls).toHaveLength(1);
        expect(JSON.parse(spy.calls[0]!.body)).toEqual(base.body);
      }
    }
  });
});
