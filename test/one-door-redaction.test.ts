// Issue 12, class 4: every value the client puts in a credential header (the token, the
// security token, each attempt's signature and whole Authorization value) and the secret key
// are redacted from every surface an application can see: messages, causes, stacks,
// String/JSON/inspect of errors and results, every string reachable from them, logger events,
// client.raw's data, error and response headers, bulk outcomes. The server is a loopback echo
// server that reflects each request into its response in every spelling (as is, JSON-\u
// escaped, percent-encoded, form-encoded), in headers, Location, status text and body; fetch
// failures carry the request in their messages, fields, causes and getters. What was sent is
// computed from what the server (or the fetch) received, each attempt's signature recomputed
// from it. Every operation, typed and raw, every credential kind, retries (several attempts,
// several signatures: the fake clock moves one second per request).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ClientRequestError,
  ConnectionError,
  createProcessorTasksClient,
  deleteProcessorTasks,
  RedirectError,
  ServerResponseError,
  ValidationError,
  type LogEvent,
  type ProcessorTasksClient,
} from '../src/index.ts';
import { pct, pctLower, startClockedEchoServer, uEscape, type EchoReply, type EchoRequest, type EchoServer, type Shape } from './support/echo-server.ts';
import { PROJECT_ID } from './support/fixtures.ts';
import { dedupe, errorSurfaces, expectedAuthorization, findLeaks, rawResultSurfaces, sentSecrets, valueSurfaces, type SecretValue } from './support/leak-scan.ts';
import { counter, credentialsOption, credsArb, outcomeName, ownSecrets, rawCall, settle, typedCall, type Creds } from './support/one-door.ts';
import { baseInput, filledPath, operation, OPERATIONS, slotArb, type Slot } from './support/spec-operations.ts';
import { forwardingFetch, spyFetch, type SentRequest } from './support/spy-fetch.ts';

const RUNS = 400;

let server: EchoServer;
let stop: () => Promise<void>;

beforeAll(async () => {
  // One X-Sdk-Date, hence one signature, per attempt: the clock moves a second per request.
  ({ server, stop } = await startClockedEchoServer('2026-03-01T08:00:00Z'));
});

afterAll(async () => {
  await stop?.();
});

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);
const RETRY = { limit: 2, backoffBase: 1, backoffLimit: 5 };

// --- scenarios --------------------------------------------------------------------------------

const errorShapes: Shape[] = ['json', 'malformed', 'text', 'html', 'empty', 'straddle'];
const shape = fc.constantFrom(...errorShapes);
const reply = (statuses: number[]) => fc.tuple(fc.constantFrom(...statuses), shape).map(([status, s]): EchoReply => ({ status, shape: s }));

interface Scenario {
  name: string;
  replies: EchoReply[];
}

const scenarios: fc.Arbitrary<Scenario> = fc.oneof(
  fc.constantFrom<Shape>('json', 'empty').map((s) => ({ name: 'success', replies: [{ status: 200, shape: s }] })),
  reply([400, 401, 403, 404, 409, 422]).map((r) => ({ name: 'client error', replies: [r] })),
  fc.array(reply([500, 502, 503, 504, 429]), { minLength: 3, maxLength: 3 }).map((replies) => ({ name: 'retried server errors', replies })),
  fc.tuple(reply([503, 429]), fc.constantFrom<Shape>('json', 'empty')).map(([r, s]) => ({ name: 'retried, then success', replies: [r, { status: 200, shape: s }] })),
  reply([301, 302, 303, 307, 308]).map((r) => ({ name: 'redirect', replies: [r] })),
  fc.tuple(reply([503, 502]), reply([302, 307])).map(([a, b]) => ({ name: 'retried, then redirect', replies: [a, b] })),
);

/** How many requests a scenario costs, and the final reply. */
function expectedRun(method: string, s: Scenario): { attempts: number; last: EchoReply } {
  let attempts = 0;
  for (const r of s.replies) {
    attempts++;
    const retried = IDEMPOTENT.has(method) && [429, 500, 502, 503, 504].includes(r.status) && attempts <= RETRY.limit;
    if (!retried) return { attempts, last: r };
  }
  return { attempts, last: s.replies[s.replies.length - 1]! };
}

function expectErrorClass(error: unknown, status: number): void {
  if (status < 300) expect(error, String((error as Error)?.stack)).toBeUndefined();
  else if (status < 400) expect(error).toBeInstanceOf(RedirectError);
  else if (status < 500) expect(error).toBeInstanceOf(ClientRequestError);
  else expect(error).toBeInstanceOf(ServerResponseError);
}

// --- the client and what it was sent -------------------------------------------------------

function echoClient(creds: Creds, fetch: typeof globalThis.fetch, events: LogEvent[]): ProcessorTasksClient {
  return createProcessorTasksClient({
    endpoint: server.url,
    projectId: PROJECT_ID,
    credentials: credentialsOption(creds),
    fetch,
    retry: RETRY,
    logger: (e) => events.push(e),
    env: {},
  });
}

function asEchoRequest(c: SentRequest): EchoRequest {
  const u = new URL(c.url);
  return { method: c.method, path: u.pathname + u.search, headers: c.headers, body: Buffer.from(c.body, 'utf8') };
}

/** Every value to search for: the credential's own, and what each request carried, from the server's and the fetch's records. */
function secretsOfRun(creds: Creds, spy: SentRequest[]): SecretValue[] {
  return dedupe([...ownSecrets(creds), ...sentSecrets(server.received), ...sentSecrets(spy.map(asEchoRequest))]);
}

/** What was sent is what the server says it received: each Authorization recomputed from it, one signature per attempt. */
function checkSent(creds: Creds, spy: SentRequest[], attempts: number, path: string): void {
  expect(server.received).toHaveLength(attempts);
  expect(spy).toHaveLength(attempts);
  for (const r of server.received) {
    expect(r.path.split('?')[0]).toBe(path);
    if (creds.kind === 'token') expect(r.headers['x-auth-token']).toBe(creds.token);
    else expect(r.headers.authorization).toBe(expectedAuthorization(r, server.origin, creds.secretKey!));
    if (creds.securityToken !== undefined) expect(r.headers['x-security-token']).toBe(creds.securityToken);
  }
  if (creds.kind !== 'token') expect(new Set(server.received.map((r) => r.headers.authorization)).size).toBe(attempts);
}

function logSurfaces(events: LogEvent[]): Record<string, string> {
  return valueSurfaces(events, 'logger events');
}

function expectNoLeak(surfaces: Record<string, string>, secrets: SecretValue[]): void {
  expect(findLeaks(surfaces, secrets)).toEqual([]);
}

/** `leaks token, signature` for a tally: which kinds of secret were found anywhere, or nothing. */
function leakKinds(leaks: string[]): string {
  const kinds = new Set(leaks.map((l) => l.replace(/^[^:]*: /, '').replace(/^piece of /, '').replace(/ at \d+$/, '').replace(/^request \d+ /, '')));
  return kinds.size === 0 ? '' : `: leaks ${[...kinds].sort().join(', ')}`;
}

const opIds = fc.constantFrom(...OPERATIONS.map((o) => o.id));

/** One case against the echo server: the replies planned, the secret key planted, a client over a recording fetch. */
function echoCase(opId: string, creds: Creds, scenario: Scenario) {
  const op = operation(opId);
  server.reset();
  server.plan(scenario.replies);
  if (creds.secretKey !== undefined) server.plant([creds.secretKey]);
  const spy = forwardingFetch();
  const events: LogEvent[] = [];
  const client = echoClient(creds, spy.fetch, events);
  return { op, spy, events, client, ...expectedRun(op.method, scenario) };
}

describe('class 4: nothing a server echoes reaches a surface, typed calls', () => {
  it(`every operation, every credential kind, every reply (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 4 typed, echo server');
    await fc.assert(
      fc.asyncProperty(opIds, credsArb, scenarios, async (opId, creds, scenario) => {
        const { op, spy, events, client, attempts, last } = echoCase(opId, creds, scenario);
        const { value, error } = await settle(() => typedCall(client, op, baseInput(op).typed));
        const surfaces = { ...(error === undefined ? valueSurfaces(value, 'result') : errorSurfaces(error)), ...logSurfaces(events) };
        const leaks = findLeaks(surfaces, secretsOfRun(creds, spy.calls));
        await count.check(`${scenario.name}${leakKinds(leaks)}`, () => {
          expectErrorClass(error, last.status);
          checkSent(creds, spy.calls, attempts, filledPath(op, {}));
          if (error !== undefined) expect((error as { attempts: number }).attempts).toBe(attempts);
          expect(leaks).toEqual([]);
        });
      }),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 300_000);
});

describe('class 4: nothing a server echoes reaches a surface, client.raw', () => {
  it(`every operation, every credential kind, every reply (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 4 raw, echo server');
    await fc.assert(
      fc.asyncProperty(opIds, credsArb, scenarios, async (opId, creds, scenario) => {
        const { op, spy, events, client, attempts, last } = echoCase(opId, creds, scenario);
        const { value, error } = await settle(() => rawCall(client, op, baseInput(op).raw));
        const result = value as { data?: unknown; error?: unknown; response: Response } | undefined;
        const surfaces = result ? rawResultSurfaces(result) : errorSurfaces(error);
        const leaks = findLeaks({ ...surfaces, ...logSurfaces(events) }, secretsOfRun(creds, spy.calls));
        await count.check(`${scenario.name}${leakKinds(leaks)}`, () => {
          expect(error, String((error as Error)?.stack)).toBeUndefined();
          expect(result!.response.status).toBe(last.status);
          checkSent(creds, spy.calls, attempts, filledPath(op, {}));
          expect(leaks).toEqual([]);
        });
      }),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 300_000);
});

describe('class 4: redaction changes nothing that holds no secret', () => {
  it(`a success body full of escapes arrives as the server sent it, typed and raw (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 4 bodies without secrets');
    const text = fc.string({ unit: fc.constantFrom(...'%\\+"/ab09\u00e9\u20ac', '%2F', '%2f', '%41', '\\u0041', '%E2%82%AC', '%zz', '%'), maxLength: 40 });
    const bodies = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.integer()), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(credsArb, bodies, fc.constantFrom('typed' as const, 'raw' as const), async (creds, data, naming) => {
        const op = operation('describeProcessorTask');
        server.reset();
        server.plan([{ status: 200, body: JSON.stringify(data) }]);
        const client = echoClient(creds, forwardingFetch().fetch, []);
        const { value, error } = await settle(() => (naming === 'typed' ? typedCall(client, op, baseInput(op).typed) : rawCall(client, op, baseInput(op).raw)));
        await count.check(naming, () => {
          expect(error).toBeUndefined();
          expect((value as { data: unknown }).data).toEqual(data);
        });
      }),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 300_000);
});

// --- fetch failures that carry the request -------------------------------------------------------

type Failure = 'fields and cause' | 'aggregate' | 'getter on its class' | 'symbol and non-enumerable fields' | 'message with the URL-encoded token';

/** An error as fetch adapters throw them, holding what was sent in every way an error can hold it. */
function failureOf(kind: Failure, sent: SentRequest, init: RequestInit): Error {
  const auth = sent.headers.authorization ?? sent.headers['x-auth-token'] ?? '';
  const sts = sent.headers['x-security-token'] ?? '';
  switch (kind) {
    case 'fields and cause': {
      const cause = Object.assign(new Error(`socket hang up sending ${pct(auth)} ${uEscape(sts)}`), { code: 'ECONNRESET', config: { url: sent.url, headers: init.headers } });
      return Object.assign(new TypeError(`fetch failed: ${auth}`, { cause }), { request: { headers: sent.headers, body: sent.body } });
    }
    case 'aggregate': {
      const errors = [Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:1 (${auth})`), { code: 'ECONNREFUSED', headers: new Headers(init.headers as HeadersInit) })];
      return new TypeError('fetch failed', { cause: new AggregateError(errors, `all addresses failed: ${pctLower(auth)}`) });
    }
    case 'getter on its class': {
      class AdapterError extends Error {
        readonly #init = init;
        get request() {
          return { headers: this.#init.headers };
        }
      }
      return new AdapterError('fetch failed');
    }
    case 'symbol and non-enumerable fields': {
      const e = new TypeError('fetch failed');
      Object.defineProperty(e, 'options', { value: { headers: sent.headers }, enumerable: false });
      (e as unknown as Record<symbol, unknown>)[Symbol('request')] = sent.headers;
      return e;
    }
    case 'message with the URL-encoded token':
      return new TypeError(`request to ${sent.url}?auth=${pctLower(auth)}&sts=${pctLower(sts)} failed`, { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
  }
}

describe('class 4: a fetch failure that carries the request leaks nothing', () => {
  it(`typed and raw, every operation, every credential kind (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 4 fetch failures');
    await fc.assert(
      fc.asyncProperty(
        opIds,
        credsArb,
        fc.constantFrom<Failure>('fields and cause', 'aggregate', 'getter on its class', 'symbol and non-enumerable fields', 'message with the URL-encoded token'),
        fc.constantFrom('typed' as const, 'raw' as const),
        async (opId, creds, failure, naming) => {
          const op = operation(opId);
          server.reset();
          const spy = spyFetch((sent, init) => {
            vi.setSystemTime(Date.now() + 1000);
            throw failureOf(failure, sent, init);
          });
          const events: LogEvent[] = [];
          const client = echoClient(creds, spy.fetch, events);
          const { error } = await settle(() => (naming === 'typed' ? typedCall(client, op, baseInput(op).typed) : rawCall(client, op, baseInput(op).raw)));
          const leaks = findLeaks({ ...errorSurfaces(error), ...logSurfaces(events) }, secretsOfRun(creds, spy.calls));
          await count.check(`${naming} ${failure}${leakKinds(leaks)}`, () => {
            expect(error).toBeInstanceOf(ConnectionError);
            expect(spy.calls.length).toBe((error as ConnectionError).attempts);
            expect(spy.calls.length).toBeGreaterThanOrEqual(1);
            if (creds.kind !== 'token') expect(new Set(spy.calls.map((c) => c.headers.authorization)).size).toBe(spy.calls.length);
            expect(leaks).toEqual([]);
          });
        },
      ),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 300_000);
});

// --- bulk ------------------------------------------------------------------------------------------

const BULK_RUNS = 150;

describe('class 4: bulk outcomes and the error that stops a batch leak nothing', () => {
  it(`deleteProcessorTasks over an echoing server (fast-check, ${BULK_RUNS} runs)`, async () => {
    const count = counter('class 4 bulk');
    await fc.assert(
      fc.asyncProperty(
        credsArb,
        fc.array(fc.oneof(reply([200]), reply([400, 404, 409]), reply([500, 503]), reply([302]), reply([401, 403])), { minLength: 1, maxLength: 12 }),
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/).filter((s) => s !== 'items'), { minLength: 1, maxLength: 6 }),
        async (creds, replies, ids) => {
          server.reset();
          server.plan(replies, replies[replies.length - 1]);
          if (creds.secretKey !== undefined) server.plant([creds.secretKey]);
          const spy = forwardingFetch();
          const events: LogEvent[] = [];
          const client = echoClient(creds, spy.fetch, events);
          const outcomes: unknown[] = [];
          let error: unknown;
          try {
            for await (const o of deleteProcessorTasks(client, ids, { concurrency: 2, stopAfterFailures: 2 })) outcomes.push(o);
          } catch (err) {
            error = err;
          }
          const surfaces: Record<string, string> = { ...valueSurfaces(outcomes, 'outcomes'), ...logSurfaces(events) };
          outcomes.forEach((o, i) => {
            const e = (o as { error?: unknown }).error;
            if (e !== undefined) Object.assign(surfaces, errorSurfaces(e, `outcome ${i} error`));
          });
          if (error !== undefined) Object.assign(surfaces, errorSurfaces(error, 'batch error'));
          const leaks = findLeaks(surfaces, secretsOfRun(creds, spy.calls));
          await count.check(`${error === undefined ? 'finished' : (error as Error).name}${leakKinds(leaks)}`, () => {
            expect(server.received.length).toBe(spy.calls.length);
            expect(leaks).toEqual([]);
          });
        },
      ),
      { numRuns: BULK_RUNS },
    );
    count.report(BULK_RUNS);
  }, 300_000);
});

// --- ValidationErrors never quote a credential --------------------------------------------------

const VALIDATION_RUNS = 2_000;

type Placement = 'the value' | 'inside the value' | 'a key';


function withSecret(slot: Slot, naming: 'typed' | 'raw', opId: string, placement: Placement, secret: string): unknown {
  const op = operation(opId);
  const base = baseInput(op);
  const value = placement === 'the value' ? secret : placement === 'inside the value' ? `x/${secret}/<>` : { [secret]: Symbol('bad') };
  const target: Record<string, any> = naming === 'typed' ? base.typed : base.raw;
  if (slot.kind === 'body') {
    if (slot.at.length === 0) target.body = placement === 'a key' ? { ...op.body!.example, [secret]: Symbol('bad') } : value;
    else {
      let holder: Record<string, any> = (target.body ??= {});
      for (let i = 0; i < slot.at.length - 1; i++) holder = holder[slot.at[i]!] ??= typeof slot.at[i + 1] === 'number' ? [] : {};
      holder[slot.at[slot.at.length - 1]!] = value;
    }
  } else if (naming === 'typed') {
    if (placement === 'a key') target[secret] = 1;
    else target[slot.param.field] = value;
  } else target.params[slot.kind][slot.param.name] = value;
  return naming === 'typed' ? base.typed : base.raw;
}

describe('class 4: a ValidationError never quotes a credential', () => {
  it(`a credential as a value, inside one, or as a key, in every slot, typed and raw; the logger when it is sent (fast-check, ${VALIDATION_RUNS} runs)`, async () => {
    const count = counter('class 4 ValidationError');
    await fc.assert(
      fc.asyncProperty(
        slotArb(),
        fc.constantFrom('typed' as const, 'raw' as const),
        credsArb,
        fc.constantFrom<Placement>('the value', 'inside the value', 'a key'),
        fc.nat(),
        async ({ opId, slot }, naming, creds, placement, pick) => {
          const op = operation(opId);
          const secrets = ownSecrets(creds);
          const secret = secrets[pick % secrets.length]!.value;
          const spy = spyFetch();
          const events: LogEvent[] = [];
          const client = createProcessorTasksClient({
            endpoint: server.url,
            projectId: PROJECT_ID,
            credentials: credentialsOption(creds),
            fetch: spy.fetch,
            retry: false,
            logger: (e) => events.push(e),
            env: {},
          });
          const input = withSecret(slot, naming, opId, placement, secret);
          const { error } = await settle(() => (naming === 'typed' ? typedCall(client, op, input) : rawCall(client, op, input)));
          if (error === undefined) {
            // A valid value is the caller's to send, but the logger still must not carry a credential.
            const logLeaks = findLeaks(logSurfaces(events), secrets);
            await count.check(`sent${logLeaks.length ? ': the logger quotes it' : ''}`, () => {
              expect(spy.calls).toHaveLength(1);
              expect(logLeaks).toEqual([]);
            });
            return;
          }
          const leaks = findLeaks(errorSurfaces(error), secrets);
          await count.check(`refused, ${placement}${leaks.length ? `: ${outcomeName(error)} quotes it` : ''}`, () => {
            expect(error, String(error)).toBeInstanceOf(ValidationError);
            expect(spy.calls).toHaveLength(0);
            expect(leaks).toEqual([]);
          });
        },
      ),
      { numRuns: VALIDATION_RUNS },
    );
    count.report(VALIDATION_RUNS);
  }, 300_000);

  it('a credential given as the operationId, the raw path or the raw method is not quoted', async () => {
    for (const creds of [{ kind: 'token', token: 'tok+ABCDEFGH/12345678==' }, { kind: 'temporary AK/SK', accessKey: 'AKVALIDATION00000000', secretKey: 'sk ABCDEFGH "12345678"', securityToken: 'sts%ABCDEFGH&12345678' }] as Creds[]) {
      const secrets = ownSecrets(creds);
      const client = createProcessorTasksClient({ endpoint: server.url, projectId: PROJECT_ID, credentials: credentialsOption(creds), fetch: spyFetch().fetch, retry: false, env: {} });
      for (const { value: secret } of secrets) {
        const attempts = [
          () => (client.call as (...a: unknown[]) => Promise<unknown>)(secret, {}),
          () => (client.raw.GET as (...a: unknown[]) => Promise<unknown>)(secret, {}),
          () => (client.raw.GET as (...a: unknown[]) => Promise<unknown>)(`/v2/{project_id}/${secret}`, {}),
          () => (client.raw.request as (...a: unknown[]) => Promise<unknown>)(secret, '/v2/{project_id}/processor-tasks', {}),
        ];
        for (const attempt of attempts) {
          const { error } = await settle(attempt);
          expect(error).toBeInstanceOf(ValidationError);
          expectNoLeak(errorSurfaces(error), secrets);
        }
      }
    }
  });

  it('a credential given as the project of a client or of a batch is not quoted', async () => {
    const creds: Creds = { kind: 'temporary AK/SK', accessKey: 'AKVALIDATION00000001', secretKey: 'abcdefabcdefabcdefabcdefabcdef12', securityToken: 'sts/PROJECT=0123456789+x' };
    const secrets = ownSecrets(creds);
    for (const { value } of secrets) {
      let error: unknown;
      try {
        createProcessorTasksClient({ endpoint: server.url, projectId: value, credentials: credentialsOption(creds), env: {} });
      } catch (err) {
        error = err;
      }
      // The secret key here is 32 lower-case hex characters, a valid project id: accepted, and nothing to quote.
      if (error !== undefined) {
        expect(error).toBeInstanceOf(ValidationError);
        expectNoLeak(errorSurfaces(error), secrets);
      }
      const client = createProcessorTasksClient({ endpoint: server.url, projectId: PROJECT_ID, credentials: credentialsOption(creds), fetch: spyFetch().fetch, env: {} });
      const batch = await settle(async () => {
        for await (const _ of deleteProcessorTasks(client, ['a'], { projectId: `${value}/` })) void _;
      });
      expect(batch.error).toBeInstanceOf(ValidationError);
      expectNoLeak(errorSurfaces(batch.error), secrets);
    }
  });

  it('a middleware that puts a credential in the URL is refused without quoting it', async () => {
    const creds: Creds = { kind: 'token', token: 'tokMIDDLEWARE0123456789' };
    const spy = spyFetch();
    const client = createProcessorTasksClient({ endpoint: server.url, projectId: PROJECT_ID, credentials: credentialsOption(creds), fetch: spy.fetch, retry: false, env: {} });
    client.raw.use({ onRequest: ({ request }) => new Request(`${request.url.replace(/\/processor-tasks.*$/, '')}/${pct(creds.token!)}/x`, request) });
    const op = operation('listProcessorTasks');
    const { error } = await settle(() => rawCall(client, op, baseInput(op).raw));
    expect(error).toBeInstanceOf(ValidationError);
    expect(spy.calls).toHaveLength(0);
    expectNoLeak(errorSurfaces(error), ownSecrets(creds));
  });
});
