// Input safety: whatever string reaches taskId or projectId, the client either refuses it
// before sending (ValidationError naming the field, no request) or sends exactly one request
// whose path, read the way the receiving server reads it, has the id as one whole segment.
// The oracle is the URL the server would see, not the validation regex: a looser or broken
// pattern fails here even if the regex and the spec agree with each other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProcessorTasksClient, ValidationError, type ProcessorTasksClient } from '../src/index.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';

const ENDPOINT = 'https://modelarts.cn-north-4.myhuaweicloud.com';
const RUNS = 10_000;

type Call = { url: string; init: RequestInit | undefined };

function spyFetch() {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'rid-input-safety' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

type Creds = { token: string } | { accessKey: string; secretKey: string; securityToken?: string };
const TOKEN_CREDS: Creds = { token: 'input-safety-token' };
const AKSK_CREDS: Creds = { accessKey: 'AKINPUTSAFETY0000000', secretKey: 'input-safety-secret-key', securityToken: 'input-safety-sts' };

function makeClient(credentials: Creds, projectId: string | undefined = PROJECT_ID) {
  const spy = spyFetch();
  const client = createProcessorTasksClient({
    endpoint: ENDPOINT,
    ...(projectId === undefined ? {} : { projectId }),
    credentials,
    fetch: spy.fetch,
    retry: false,
    env: {},
  });
  return { client, calls: spy.calls };
}

/** The path segments a server sees: WHATWG parsing (dot segments resolved), split on '/', each percent-decoded. */
function serverSegments(url: string): string[] {
  return new URL(url).pathname.split('/').map((s) => decodeURIComponent(s));
}

type Outcome = 'refused' | 'sent';

/**
 * Runs one call and checks the property. Returns which branch it took so the caller can
 * check that both branches were exercised.
 */
async function checkCall(
  client: ProcessorTasksClient,
  calls: Call[],
  field: 'taskId' | 'projectId',
  input: { projectId?: unknown; taskId: unknown },
): Promise<Outcome> {
  calls.length = 0;
  let thrown: unknown;
  try {
    await client.deleteProcessorTask(input as { projectId?: string; taskId: string });
  } catch (err) {
    thrown = err;
  }
  if (thrown !== undefined) {
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).field).toBe(field);
    expect(calls).toHaveLength(0);
    return 'refused';
  }
  expect(calls).toHaveLength(1);
  const { url, init } = calls[0]!;
  const parsed = new URL(url);
  const endpoint = new URL(ENDPOINT);
  expect(parsed.origin).toBe(endpoint.origin);
  expect(parsed.search).toBe('');
  expect(parsed.hash).toBe('');
  // An empty '?' or '#' serialises to '' above; the raw string must not carry one either.
  expect(url).not.toMatch(/[?#]/);
  expect(init?.method).toBe('DELETE');
  const projectId = (input.projectId ?? PROJECT_ID) as string;
  expect(serverSegments(url)).toEqual(['', 'v2', projectId, 'processor-tasks', input.taskId]);
  return 'sent';
}

// --- generators -----------------------------------------------------------------------------

const ID_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'];
const PROJECT_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/** Pieces that have broken path building somewhere: traversal, separators, encodings, look-alikes. */
const DANGEROUS = [
  '.', '..', '/', '\\', '%2e', '%2E', '%2e%2e', '%2F', '%2f', '%5C', '%', '%25', '%00', '?', '#', ';', '&', '=',
  ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '\u3000', '\x00', '\x01', '\x1f', '\x7f',
  '@', ':', '+', '~', '*', "'", '"', '<', '>', '{', '}', '{task_id}', '{project_id}', '[', ']', '|', '^', '`', '$',
  '\uff0e', '\u2215', '\u2044', '\uff0f', '\u29f8', '\u2024', '\u3002', '\ufe52', '\u0338', '\u002e\u0338',
  '\uff05', '\ufe6a', '\u200b', '\u200e', '\ufeff', '\ud800', '\udfff', '\u{1f600}', '\u00e9', '\u0130', '\u017f', '\u212a',
  'processor-tasks', 'v2', 'items', 'A', 'z', '0', '_', '-',
];

function idGenerator(chars: string[], validLike: fc.Arbitrary<string>, bounds: number[]): fc.Arbitrary<string> {
  const ofLength = (n: number) => fc.string({ unit: fc.constantFrom(...chars), minLength: n, maxLength: n });
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...DANGEROUS), maxLength: 12 }),
    validLike,
    // A valid-looking id with one dangerous piece spliced in somewhere.
    fc.tuple(validLike, fc.constantFrom(...DANGEROUS), fc.nat()).map(([id, piece, at]) => {
      const i = at % (id.length + 1);
      return id.slice(0, i) + piece + id.slice(i);
    }),
    fc.constantFrom(...bounds).chain(ofLength),
  );
}

const taskIds = idGenerator(ID_CHARS, fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), [0, 1, 2, 63, 64, 65, 66]);
const projectIds = idGenerator(PROJECT_CHARS, fc.stringMatching(/^[0-9a-z]{32}$/), [0, 1, 31, 32, 33, 64]);

// --- properties -----------------------------------------------------------------------------

async function runProperty(
  field: 'taskId' | 'projectId',
  ids: fc.Arbitrary<string>,
  credentials: Creds,
): Promise<{ runs: number; refused: number; sent: number }> {
  const { client, calls } = makeClient(credentials);
  const tally = { runs: 0, refused: 0, sent: 0 };
  await fc.assert(
    fc.asyncProperty(ids, async (id) => {
      tally.runs++;
      const input = field === 'taskId' ? { taskId: id } : { projectId: id, taskId: TASK_ID };
      tally[await checkCall(client, calls, field, input)]++;
    }),
    { numRuns: RUNS },
  );
  return tally;
}

describe('input safety: every taskId / projectId string is refused or sent as exactly one path segment', () => {
  it.each([
    ['taskId', 'token', taskIds, TOKEN_CREDS],
    ['projectId', 'token', projectIds, TOKEN_CREDS],
    ['taskId', 'AK/SK', taskIds, AKSK_CREDS],
    ['projectId', 'AK/SK', projectIds, AKSK_CREDS],
  ] as const)('%s, %s credentials (fast-check, 10,000 runs)', async (field, _kind, ids, creds) => {
    const tally = await runProperty(field, ids, creds);
    console.info(`input-safety ${field} ${_kind}: ${tally.runs} cases (${tally.sent} sent, ${tally.refused} refused)`);
    expect(tally.runs).toBe(RUNS);
    // Both branches must be exercised, or the property proves nothing about one of them.
    expect(tally.sent).toBeGreaterThan(RUNS / 20);
    expect(tally.refused).toBeGreaterThan(RUNS / 20);
  }, 120_000);
});

// --- tables ---------------------------------------------------------------------------------

const DANGEROUS_TASK_IDS: string[] = [
  '', '.', '..', '...', '/', '//', '\\', '../x', '..\\x', 'a/b', 'a/../b', './a', 'a/.', '%2e', '%2E%2E', '%2e%2e%2f',
  '..%2F', '%2F', '%252e', '%', '%zz', '%00', 'a?b', '?', 'a?x=1', '#', 'a#b', ';', 'a;b=c', 'a b', ' a', 'a ', '\t',
  'a\nb', 'a\r\nX-Injected: 1', '\x00', 'a\x00b', '\x7f', '@', 'user@host', ':', 'a:b', 'http://evil.test/x',
  '//evil.test', '\uff0e\uff0e', '\u2215', '\uff0e\uff0e\u2215x', '\u2024\u2024', 'a\u200bb', '\ufeffa', '\ud800',
  '\u0130', '\u212a', '{task_id}', '{project_id}', '*', '~', 'a'.repeat(65), 'a'.repeat(1000), 'items',
];
// `items` matches the id pattern but names GetProcessorTaskItems (/processor-tasks/items): refused.
const VALID_TASK_IDS = [TASK_ID, 'a', 'Z', '0', '_', '-', '--', '__', 'itemss', 'Items', 'a'.repeat(64), '-'.repeat(64), 'A_b-9'];

const DANGEROUS_PROJECT_IDS: string[] = [
  '', '.', '..', '/', `${PROJECT_ID}/..`, `../${PROJECT_ID}`, PROJECT_ID.toUpperCase(), PROJECT_ID.slice(1),
  `${PROJECT_ID}0`, `${PROJECT_ID.slice(1)}.`, `${PROJECT_ID.slice(2)}%2`, `${PROJECT_ID.slice(1)}?`, `${PROJECT_ID.slice(1)}#`,
  `${PROJECT_ID.slice(1)}\n`, `${PROJECT_ID.slice(1)}\uff0e`, `${PROJECT_ID.slice(0, 31)}_`, `${PROJECT_ID.slice(0, 31)}-`,
];

const NON_STRINGS: unknown[] = [undefined, null, 0, 42, Number.NaN, true, {}, { toString: () => TASK_ID }, [TASK_ID], new String(TASK_ID), Symbol('id'), 10n];

describe.each([
  ['token', TOKEN_CREDS],
  ['AK/SK', AKSK_CREDS],
] as const)('input safety tables, %s credentials', (_kind, creds) => {
  it.each(DANGEROUS_TASK_IDS.map((v) => [JSON.stringify(v), v]))('taskId %s is refused before sending', async (_, taskId) => {
    const { client, calls } = makeClient(creds);
    expect(await checkCall(client, calls, 'taskId', { taskId })).toBe('refused');
  });

  it.each(VALID_TASK_IDS.map((v) => [v]))('taskId %s is sent as one segment', async (taskId) => {
    const { client, calls } = makeClient(creds);
    expect(await checkCall(client, calls, 'taskId', { taskId })).toBe('sent');
  });

  it.each(DANGEROUS_PROJECT_IDS.map((v) => [JSON.stringify(v), v]))('projectId %s is refused before sending', async (_, projectId) => {
    const { client, calls } = makeClient(creds);
    expect(await checkCall(client, calls, 'projectId', { projectId, taskId: TASK_ID })).toBe('refused');
  });

  it.each(NON_STRINGS.map((v) => [String(typeof v === 'symbol' ? 'Symbol(id)' : Array.isArray(v) ? '[array]' : typeof v === 'object' && v !== null ? `object ${v.constructor.name}` : String(v)), v]))(
    'non-string taskId %s is refused before sending',
    async (_, taskId) => {
      const { client, calls } = makeClient(creds);
      expect(await checkCall(client, calls, 'taskId', { taskId })).toBe('refused');
    },
  );

  it.each(NON_STRINGS.filter((v) => v !== undefined && v !== null).map((v) => [typeof v, v]))(
    'non-string projectId (%s) is refused before sending',
    async (_, projectId) => {
      const { client, calls } = makeClient(creds);
      expect(await checkCall(client, calls, 'projectId', { projectId, taskId: TASK_ID })).toBe('refused');
    },
  );

  it('an absent projectId with no client default is refused before sending', async () => {
    for (const projectId of [undefined, null]) {
      const spy = spyFetch();
      const client = createProcessorTasksClient({ endpoint: ENDPOINT, credentials: creds, fetch: spy.fetch, retry: false, env: {} });
      const err = await client.deleteProcessorTask({ projectId: projectId as unknown as string, taskId: TASK_ID }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe('projectId');
      expect(spy.calls).toHaveLength(0);
    }
  });

  it.each([[undefined], [null], [42], ['task'], [[TASK_ID]]])('a non-object input (%s) is refused before sending', async (input) => {
    const { client, calls } = makeClient(creds);
    const err = await client.deleteProcessorTask(input as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(calls).toHaveLength(0);
  });

  it('the raw client refuses a traversing path parameter before sending', async () => {
    const { client, calls } = makeClient(creds);
    for (const task_id of ['..', '.', '%2e%2e', 'a/b', '']) {
      const err = await client.raw
        .DELETE('/v2/{project_id}/processor-tasks/{task_id}', { params: { path: { project_id: PROJECT_ID, task_id } } })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      // Named as the caller wrote it, under params.path.
      expect((err as ValidationError).field).toBe('path.task_id');
    }
    expect(calls).toHaveLength(0);
  });
});
