// Issue 12, class 2: the client reads each of the caller's values once, validates that
// snapshot and builds the request from it. An input whose property answers differently on
// each read (a getter, a Proxy) cannot pass validation with one value and reach the URL or
// the body with another: every property is read exactly once, and the request sent (if any)
// carries the value of that one read, or the call is refused for it. Every slot (path,
// query, body at any depth) of every operation, typed and raw; the bulk API's projectId; the
// paginators and the waiters, which call an operation several times with one input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deleteProcessorTasks, ValidationError, type ProcessorTasksClient } from '../src/index.ts';
import { PROJECT_ID, TASK_ID, type Json } from './support/fixtures.ts';
import { CREDENTIAL_KINDS, counter, ENDPOINT, FIXED, rawCall, resourceOf, settle, spyClient, typedCall } from './support/one-door.ts';
import { baseInput, describeSlot, fieldOf, filledPath, operation, OPERATIONS, slotArb, validValues, type Slot, type SpecOperation } from './support/spec-operations.ts';
import type { SentRequest } from './support/spy-fetch.ts';

const RUNS = 3_000;

/** A value the slot must refuse, of the right type where that makes the attack subtler. */
function attackFor(slot: Slot): unknown[] {
  if (slot.kind === 'path') {
    return {
      project_id: ['..', `${PROJECT_ID.slice(1)}/`, PROJECT_ID.toUpperCase(), `${PROJECT_ID.slice(0, 30)}%2F`],
      task_id: ['..', '.', 'items', '../../x', '%2e%2e', 'a/b', `${TASK_ID}?x=1`],
      version_id: ['..', 'a/b', '%2F', `${TASK_ID}#x`],
    }[slot.param.name] ?? ['..'];
  }
  const s = slot.schema;
  if (s.enum) return ['not-in-the-enum', Symbol('attack')];
  switch (s.type) {
    case 'integer':
    case 'number':
      return [(s.minimum ?? 0) - 1, (s.maximum ?? 2 ** 31) + 1, 1.5, '1'];
    case 'boolean':
      return ['true', 1];
    case 'string':
      return s.pattern ? ['<script>"&\'', 'x\ud800'] : ['x\ud800', Symbol('attack')];
    case 'array':
      return ['a,b', [Symbol('attack')]];
    case 'object':
      return ['not an object', [1]];
    default:
      return [Symbol('attack'), 10n];
  }
}

type Order = 'valid, then attack' | 'attack, then valid' | 'valid, then another valid';
type How = 'getter' | 'Proxy';

/** A holder whose `key` answers `first` on the first read and `second` on every later one, counting reads. */
function flipping(holder: Record<string, unknown>, key: string | number, first: unknown, second: unknown, how: How, reads: { n: number }): Record<string, unknown> {
  const answer = () => (++reads.n === 1 ? first : second);
  if (how === 'getter') {
    Object.defineProperty(holder, key, { enumerable: true, configurable: true, get: answer });
    return holder;
  }
  holder[key] = first;
  return new Proxy(holder, { get: (target, k, receiver) => (k === String(key) ? answer() : Reflect.get(target, k, receiver)) });
}

interface Built {
  input: unknown;
  /** What the request must carry when the first read is sent. */
  expectPath: string;
  expectQuery: [string, string] | undefined;
  expectBody: unknown;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function serializedQuery(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

/** The call's input with the slot flipping, and what a request built from the first read must carry. */
function build(op: SpecOperation, slot: Slot, naming: 'typed' | 'raw', first: unknown, second: unknown, how: How, reads: { n: number }): Built {
  const base = baseInput(op);
  const body = op.body ? clone(op.body.example) : undefined;
  const pathValues: Record<string, string> = {};
  let expectQuery: [string, string] | undefined;
  let expectBody: unknown = body;
  if (slot.kind === 'path') pathValues[slot.param.name] = first as string;
  if (slot.kind === 'query') expectQuery = [slot.param.name, serializedQuery(first)];
  const expectPath = filledPath(op, pathValues);
  if (naming === 'typed') {
    let input: Record<string, unknown> = base.typed;
    if (slot.kind === 'body') {
      if (slot.at.length === 0) {
        expectBody = first;
        input = flipping(input, 'body', first, second, how, reads);
      } else {
        expectBody = placed(body!, slot.at, first);
        input.body = placedFlipping(body!, slot.at, first, second, how, reads);
      }
    } else input = flipping(input, slot.param.field, first, second, how, reads);
    return { input, expectPath, expectQuery, expectBody };
  }
  const init = base.raw as Record<string, any>;
  if (slot.kind === 'body') {
    if (slot.at.length === 0) {
      expectBody = first;
      return { input: flipping(init, 'body', first, second, how, reads), expectPath, expectQuery, expectBody };
    }
    expectBody = placed(body!, slot.at, first);
    init.body = placedFlipping(body!, slot.at, first, second, how, reads);
  } else init.params[slot.kind] = flipping(init.params[slot.kind], slot.param.name, first, second, how, reads);
  return { input: init, expectPath, expectQuery, expectBody };
}

function placed(body: Json, at: (string | number)[], value: unknown): Json {
  const root = clone(body);
  holderAt(root, at)[at[at.length - 1]!] = value;
  return root;
}

function holderAt(root: Json, at: (string | number)[]): Json {
  let holder = root;
  for (let i = 0; i < at.length - 1; i++) {
    const key = at[i]!;
    if (holder[key] === undefined || holder[key] === null || typeof holder[key] !== 'object') holder[key] = typeof at[i + 1] === 'number' ? [] : {};
    holder = holder[key];
  }
  return holder;
}

/** The body with the field at `at` flipping; a Proxy replaces the object holding it. */
function placedFlipping(body: Json, at: (string | number)[], first: unknown, second: unknown, how: How, reads: { n: number }): Json {
  const root = clone(body);
  const holder = holderAt(root, at);
  const flipped = flipping(holder, at[at.length - 1]!, first, second, how, reads);
  if (at.length === 1) return flipped;
  holderAt(root, at.slice(0, -1))[at[at.length - 2]!] = flipped;
  return root;
}

function isValidFirst(order: Order): boolean {
  return order !== 'attack, then valid';
}

function checkSent(sent: SentRequest, op: SpecOperation, b: Built): void {
  expect(resourceOf(sent.url)).toBe(ENDPOINT + b.expectPath);
  expect(sent.method).toBe(op.method);
  if (b.expectQuery) expect(new URL(sent.url).searchParams.get(b.expectQuery[0])).toBe(b.expectQuery[1]);
  if (b.expectBody !== undefined) expect(JSON.parse(sent.body)).toEqual(b.expectBody);
}

const cases = fc
  .record({
    target: slotArb(),
    naming: fc.constantFrom('typed' as const, 'raw' as const),
    kind: fc.constantFrom(...CREDENTIAL_KINDS),
    order: fc.constantFrom<Order>('valid, then attack', 'attack, then valid', 'valid, then another valid'),
    how: fc.constantFrom<How>('getter', 'Proxy'),
    pick: fc.nat(),
  })
  .map(({ target, ...c }) => ({ ...c, ...target }));

describe('class 2: each caller value is read once; the request carries that read', () => {
  it(`every slot of every operation, typed and raw, getters and Proxies (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 2 snapshot');
    await fc.assert(
      fc.asyncProperty(cases, async ({ opId, slot, naming, kind, order, how, pick }) => {
        const op = operation(opId);
        // A whole body must hold its required fields: the documented example, and the example changed.
        const [valid, otherValid] =
          slot.kind === 'body' && slot.at.length === 0
            ? [clone(op.body!.example), { ...clone(op.body!.example), description: 'another valid body' }]
            : validValues(slot.schema, slot.kind === 'body' ? undefined : slot.param.name);
        const attacks = attackFor(slot);
        const attack = attacks[pick % attacks.length];
        const [first, second] = order === 'valid, then attack' ? [valid, attack] : order === 'attack, then valid' ? [attack, valid] : [valid, otherValid];
        const reads = { n: 0 };
        const b = build(op, slot, naming, first, second, how, reads);
        const { client, spy } = spyClient(FIXED[kind]);
        const { error } = await settle(() => (naming === 'typed' ? typedCall(client, op, b.input) : rawCall(client, op, b.input)));
        const what = `${naming} ${op.id} ${describeSlot(slot)} (${how}, ${order})`;
        await count.check(`${naming} ${slot.kind}, ${order}: read ${reads.n}×, ${spy.calls.length} sent`, () => {
          expect(reads.n, `${what}: read ${reads.n} times`).toBe(1);
          if (isValidFirst(order)) {
            expect(error, `${what}: ${String(error)}`).toBeUndefined();
            expect(spy.calls, what).toHaveLength(1);
            checkSent(spy.calls[0]!, op, b);
          } else {
            expect(error, what).toBeInstanceOf(ValidationError);
            expect((error as ValidationError).field.startsWith(fieldOf(slot, naming)), `${what}: field ${(error as ValidationError).field}`).toBe(true);
            expect(spy.calls, `${what}: sent`).toHaveLength(0);
          }
          return `${naming} ${slot.kind} ${isValidFirst(order) ? 'sent' : 'refused'}`;
        });
      }),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 240_000);
});

// --- bulk, paging and waiting: one input, several requests ----------------------------------

const OTHER_PROJECT = 'b5b6e5109ac5585ab33de16a908e7c00';
const BULK_RUNS = 300;

async function drain(iterable: AsyncIterable<unknown>): Promise<{ items: unknown[]; error?: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const x of iterable) items.push(x);
    return { items };
  } catch (error) {
    return { items, error };
  }
}

describe('class 2: bulk reads its projectId once', () => {
  it(`the project of every request is the one read, or the batch is refused for it (fast-check, ${BULK_RUNS} runs)`, async () => {
    const count = counter('class 2 bulk projectId');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CREDENTIAL_KINDS),
        fc.constantFrom<[string, unknown, unknown]>(
          ['valid, then another valid', OTHER_PROJECT, PROJECT_ID],
          ['valid, then attack', OTHER_PROJECT, '..'],
          ['attack, then valid', '..', OTHER_PROJECT],
          ['attack, then undefined', 'NOT-A-PROJECT', undefined],
          ['valid, then undefined', OTHER_PROJECT, undefined],
        ),
        fc.constantFrom<How>('getter', 'Proxy'),
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/).filter((s) => s !== 'items'), { minLength: 1, maxLength: 6 }),
        async (kind, [order, first, second], how, ids) => {
          const { client, spy } = spyClient(FIXED[kind]);
          const reads = { n: 0 };
          const options = flipping({ concurrency: 2 }, 'projectId', first, second, how, reads);
          const { items, error } = await drain(deleteProcessorTasks(client, ids, options as never));
          await count.check(`${order}: read ${reads.n}×, ${spy.calls.length} sent`, () => {
            expect(reads.n, `${order}: read ${reads.n} times`).toBe(1);
            if (first === OTHER_PROJECT) {
              expect(error).toBeUndefined();
              expect(items).toHaveLength(ids.length);
              expect(spy.calls.map((c) => new URL(c.url).pathname.split('/')[2])).toEqual(ids.map(() => OTHER_PROJECT));
            } else {
              expect(error).toBeInstanceOf(ValidationError);
              expect((error as ValidationError).field).toBe('projectId');
              expect(items).toHaveLength(0);
              expect(spy.calls).toHaveLength(0);
            }
            return order;
          });
        },
      ),
      { numRuns: BULK_RUNS },
    );
    count.report(BULK_RUNS);
  }, 120_000);
});

/** A page of `size` items for the page index the request names, `total` in all. */
function pageResponder(itemsField: string, totalField: string, total: number) {
  return (sent: SentRequest) => {
    const url = new URL(sent.url);
    const page = Number(url.searchParams.get('offset') ?? 0);
    const size = Number(url.searchParams.get('limit') ?? 1);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - page * size)) }, (_, i) => ({ id: `item-${page * size + i}` }));
    return new Response(JSON.stringify({ [itemsField]: items, [totalField]: total }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

const PAGED: { method: string; opId: string; items: string; total: string; field: string; valid: unknown; other: unknown }[] = [
  { method: 'listProcessorTaskVersionsAll', opId: 'listProcessorTaskVersions', items: 'versions', total: 'count', field: 'taskId', valid: TASK_ID, other: 'AnotherTask000000001' },
  { method: 'listProcessorTaskVersionResultsAll', opId: 'listProcessorTaskVersionResults', items: 'results', total: 'count', field: 'versionId', valid: 'qSaudx2sbPvthHygckA', other: 'AnotherVersion000001' },
  { method: 'listProcessorTasksAll', opId: 'listProcessorTasks', items: 'tasks', total: 'count', field: 'taskName', valid: 'first-name', other: 'second-name' },
  { method: 'listProcessorTasksAll', opId: 'listProcessorTasks', items: 'tasks', total: 'count', field: 'projectId', valid: PROJECT_ID, other: OTHER_PROJECT },
  { method: 'getProcessorTaskItemsAll', opId: 'getProcessorTaskItems', items: 'items', total: 'total', field: 'projectId', valid: PROJECT_ID, other: OTHER_PROJECT },
].filter((p) => OPERATIONS.some((o) => o.id === p.opId));

describe('class 2: a paginator reads its input once, so every page names the same resource', () => {
  it.each(CREDENTIAL_KINDS.flatMap((kind) => PAGED.flatMap((p) => (['getter', 'Proxy'] as const).map((how) => [kind, p.method, p.field, how, p] as const))))(
    '%s: %s, %s by %s',
    async (kind, method, field, how, p) => {
      const { client, spy } = spyClient(FIXED[kind], { respond: pageResponder(p.items, p.total, 3) });
      const reads = { n: 0 };
      const base = baseInput(operation(p.opId)).typed;
      const input = flipping({ ...base, limit: 1 }, field, p.valid, p.other, how, reads);
      const { items, error } = await drain((client as unknown as Record<string, (i: unknown) => AsyncIterable<unknown>>)[method]!(input));
      expect(error).toBeUndefined();
      expect(items).toHaveLength(3);
      expect(spy.calls).toHaveLength(3);
      expect(reads.n).toBe(1);
      const names = spy.calls.map((c) => `${new URL(c.url).pathname}?${field === 'taskName' ? new URL(c.url).searchParams.get('task_name') : ''}`);
      expect(new Set(names).size, names.join('\n')).toBe(1);
    },
  );
});

describe('class 2: a waiter reads its input once, so every poll names the same task', () => {
  const waiters = [
    ['waitUntilProcessorTaskDeleted', [{ status: 200, body: { status: 1 } }, { status: 400, body: { error_code: 'ModelArts.4700', error_msg: 'gone' } }]],
    ['waitUntilProcessorTaskFinished', [{ status: 200, body: { status: 1 } }, { status: 200, body: { status: 2 } }]],
  ] as const;
  it.each(CREDENTIAL_KINDS.flatMap((kind) => waiters.flatMap(([name, replies]) => (['getter', 'Proxy'] as const).map((how) => [kind, name, how, replies] as const))))(
    '%s: %s, taskId by %s',
    async (kind, name, how, replies) => {
      let i = 0;
      const { client, spy } = spyClient(FIXED[kind], {
        respond: () => {
          const r = replies[Math.min(i++, replies.length - 1)]!;
          return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } });
        },
      });
      const reads = { n: 0 };
      const input = flipping({}, 'taskId', TASK_ID, 'AnotherTask000000001', how, reads);
      const wait = (client as unknown as Record<string, (i: unknown, o: unknown) => Promise<unknown>>)[name]!;
      const { error } = await settle(() => wait.call(client as ProcessorTasksClient, input, { minDelay: 1, maxDelay: 1, timeout: 10_000 }));
      expect(error).toBeUndefined();
      expect(spy.calls).toHaveLength(2);
      expect(reads.n).toBe(1);
      expect(spy.calls.map((c) => resourceOf(c.url))).toEqual([0, 1].map(() => `${ENDPOINT}/v2/${PROJECT_ID}/processor-tasks/${TASK_ID}`));
    },
  );
});
