// Issue 12, class 5: a projectId given to the bulk API is validated, never replaced. A falsy
// one ("", 0, false, NaN, null) used to fall back silently to the client's default project and
// delete there. Now any given value is checked before the loop starts: a bad one is exactly
// one ValidationError (field projectId), with no request sent and no id read from the source;
// a good one is the project of every request. Only an absent projectId means "the client's".
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessorTasksClient, deleteProcessorTasks, ValidationError, type BulkOutcome } from '../src/index.ts';
import { main } from '../src/cli/main.ts';
import { fakeIo } from './support/cli-io.ts';
import { startEchoServer, type EchoServer } from './support/echo-server.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';
import { counter, credentialsOption, ENDPOINT, CREDENTIAL_KINDS, FIXED } from './support/one-door.ts';
import { spyFetch } from './support/spy-fetch.ts';

const RUNS = 1_000;

type Given = { label: string; value: unknown; valid: boolean };

const falsy: Given[] = [
  { label: '""', value: '', valid: false },
  { label: '0', value: 0, valid: false },
  { label: '-0', value: -0, valid: false },
  { label: 'false', value: false, valid: false },
  { label: 'NaN', value: NaN, valid: false },
  { label: 'null', value: null, valid: false },
  { label: '0n', value: 0n, valid: false },
];
const otherBad: Given[] = [
  { label: 'NOT-A-PROJECT', value: 'NOT-A-PROJECT', valid: false },
  { label: 'upper case', value: PROJECT_ID.toUpperCase(), valid: false },
  { label: '..', value: '..', valid: false },
  { label: 'trailing slash', value: `${PROJECT_ID.slice(1)}/`, valid: false },
  { label: 'leading space', value: ` ${PROJECT_ID.slice(1)}`, valid: false },
  { label: 'boxed string', value: new String(PROJECT_ID), valid: false },
  { label: 'symbol', value: Symbol('p'), valid: false },
  { label: 'object', value: {}, valid: false },
  { label: 'array', value: [PROJECT_ID], valid: false },
  { label: 'lone surrogate', value: `${PROJECT_ID.slice(1)}\ud800`, valid: false },
];
const givens: fc.Arbitrary<Given> = fc.oneof(
  fc.constantFrom(...falsy),
  fc.constantFrom(...otherBad),
  fc.stringMatching(/^[0-9a-z]{32}$/).map((value) => ({ label: 'another valid project', value, valid: true })),
  fc.constant<Given>({ label: 'absent', value: undefined, valid: true }),
);

/** A source of ids that counts how many were read from it. */
function countedSource(ids: string[], async: boolean): { source: Iterable<string> | AsyncIterable<string>; pulled: () => number } {
  let pulled = 0;
  const source = async
    ? (async function* () {
        for (const id of ids) {
          pulled++;
          yield id;
        }
      })()
    : (function* () {
        for (const id of ids) {
          pulled++;
          yield id;
        }
      })();
  return { source, pulled: () => pulled };
}

describe('class 5: a given bulk projectId is validated, never replaced', () => {
  it(`falsy, malformed, other valid and absent projects, with and without a client default (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 5 bulk projectId');
    await fc.assert(
      fc.asyncProperty(
        givens,
        fc.boolean(),
        fc.constantFrom(...CREDENTIAL_KINDS),
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/).filter((s) => s !== 'items'), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        async (given, clientHasDefault, kind, ids, async, concurrency) => {
          const spy = spyFetch();
          const client = createProcessorTasksClient({
            endpoint: ENDPOINT,
            ...(clientHasDefault ? { projectId: PROJECT_ID } : {}),
            credentials: credentialsOption(FIXED[kind]),
            fetch: spy.fetch,
            retry: false,
            env: {},
          });
          const { source, pulled } = countedSource(ids, async);
          const options = given.value === undefined ? { concurrency } : { concurrency, projectId: given.value as string };
          const outcomes: BulkOutcome[] = [];
          let error: unknown;
          try {
            for await (const o of deleteProcessorTasks(client, source, options)) outcomes.push(o);
          } catch (err) {
            error = err;
          }
          const projects = spy.calls.map((c) => new URL(c.url).pathname.split('/')[2]);
          const label = `${given.label}${given.value === undefined ? (clientHasDefault ? ' (client default)' : ' (no default)') : ''}`;
          await count.check(`${label}: ${projects.length === 0 ? 'nothing sent' : `sent to ${[...new Set(projects)].map((p) => (p === PROJECT_ID ? 'the client default' : p === given.value ? 'the given project' : p)).join(', ')}`}`, () => {
            const expected = given.value === undefined ? (clientHasDefault ? PROJECT_ID : undefined) : given.valid ? (given.value as string) : undefined;
            if (expected === undefined) {
              // One error, before the loop: nothing sent, nothing read, no outcome.
              expect(error, `${given.label}: no error`).toBeInstanceOf(ValidationError);
              expect((error as ValidationError).field).toBe('projectId');
              expect(outcomes).toEqual([]);
              expect(projects, `${given.label}: sent to ${projects.join(', ')}`).toEqual([]);
              expect(pulled()).toBe(0);
            } else {
              expect(error, `${given.label}: ${String(error)}`).toBeUndefined();
              expect(outcomes.map((o) => o.outcome)).toEqual(ids.map(() => 'deleted'));
              expect(projects).toEqual(ids.map(() => expected));
            }
            return label;
          });
        },
      ),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 180_000);
});

describe('class 5: the CLI never replaces a given --project-id either', () => {
  let server: EchoServer;
  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['--project-id ""', ['--project-id', '']],
    ['--project-id=', ['--project-id=']],
    ['--project-id 0', ['--project-id', '0']],
    ['--project-id false', ['--project-id', 'false']],
    ['--project-id " "', ['--project-id', ' ']],
  ])('delete %s with HUAWEICLOUD_SDK_PROJECT_ID set: usage error, nothing sent', async (_name, flag) => {
    server.reset();
    const io = fakeIo({ env: { HUAWEICLOUD_SDK_TOKEN: FIXED.token.token!, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID } });
    const code = await main(['delete', '--endpoint', server.url, ...flag, TASK_ID], io.io);
    expect(code, io.stderr()).toBe(2);
    expect(io.stderr()).toMatch(/project/i);
    expect(server.received).toHaveLength(0);
  });
});
