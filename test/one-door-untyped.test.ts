// Issue 12, class 3: a value that is not what the spec says (a symbol, an object, a boxed
// string, a bigint, a function, a number where a string belongs, a string that is not
// well-formed Unicode) is a ValidationError naming the field, before anything is sent, in
// every input of every operation (path, query, body at any depth), typed and raw, and in the
// raw client's own arguments (method, path, init, headers, baseUrl). Never a TypeError or a
// URIError from encodeURIComponent, Headers or openapi-fetch; never a synchronous throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/index.ts';
import { PROJECT_ID, TASK_ID, type Json } from './support/fixtures.ts';
import { CREDENTIAL_KINDS, counter, FIXED, outcomeName, rawCall, settle, spyClient, typedCall } from './support/one-door.ts';
import { baseInput, bodyWith, describeSlot, fieldOf, operation, slotArb, type Slot } from './support/spec-operations.ts';

const RUNS = 4_000;

type Hostile = { label: string; make: () => unknown };
const h = (label: string, make: () => unknown): Hostile => ({ label, make });

const LONE = ['\ud800', '\udbff', '\udc00', '\udfff', '\ude00\ud83d'];

/** Strings that are not well-formed Unicode: a valid-looking value with a lone surrogate spliced in. */
const loneSurrogates: fc.Arbitrary<Hostile> = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9_-]{0,20}$/), fc.constantFrom(...LONE), fc.nat())
  .map(([s, lone, at]) => {
    const i = at % (s.length + 1);
    const value = s.slice(0, i) + lone + s.slice(i);
    return h(`lone surrogate ${JSON.stringify(value)}`, () => value);
  });

class Custom {
  toString() {
    return TASK_ID;
  }
}

const objects: Hostile[] = [
  h('symbol', () => Symbol('x')),
  h('well-known symbol', () => Symbol.iterator),
  h('plain object', () => ({})),
  h('object with toString', () => ({ toString: () => TASK_ID })),
  h('object with valueOf', () => ({ valueOf: () => 1 })),
  h('object with toJSON', () => ({ toJSON: () => TASK_ID })),
  h('null-prototype object', () => Object.create(null)),
  h('boxed string', () => new String(TASK_ID)),
  h('boxed number', () => new Number(1)),
  h('boxed boolean', () => new Boolean(true)),
  h('bigint', () => 10n),
  h('function', () => () => TASK_ID),
  h('Date', () => new Date(0)),
  h('Map', () => new Map([['a', 1]])),
  h('Set', () => new Set(['a'])),
  h('RegExp', () => /a/),
  h('URL', () => new URL('https://evil.example.test/')),
  h('Uint8Array', () => new Uint8Array([1, 2])),
  h('class instance', () => new Custom()),
  h('Proxy of an object', () => new Proxy({}, {})),
  h('Error', () => new Error('x')),
  h('Promise', () => Promise.resolve(TASK_ID)),
];

const numbersAndBooleans: Hostile[] = [h('0', () => 0), h('42', () => 42), h('-1', () => -1), h('NaN', () => NaN), h('Infinity', () => Infinity), h('true', () => true), h('false', () => false), h('null', () => null)];
const strings: Hostile[] = [h('"1"', () => '1'), h('""', () => ''), h('"true"', () => 'true'), h('"[object Object]"', () => '[object Object]')];
const arrays: Hostile[] = [h('array of a string', () => [TASK_ID]), h('empty array', () => []), h('array-like', () => ({ length: 1, 0: 'a' }))];
const badNumbers: Hostile[] = [h('1.5', () => 1.5), h('-Infinity', () => -Infinity), h('2^31', () => 2 ** 31), h('2^53', () => 2 ** 53), h('-0.5', () => -0.5)];
const jsonBreakers: Hostile[] = [
  h('symbol', () => Symbol('x')),
  h('function', () => () => 1),
  h('bigint', () => 10n),
  h('NaN', () => NaN),
  h('Infinity', () => Infinity),
  h('Date', () => new Date(0)),
  h('Map', () => new Map()),
  h('class instance', () => new Custom()),
  h('lone surrogate', () => 'x\ud800'),
  h('array holding a symbol', () => [Symbol('x')]),
  h('array holding undefined', () => [undefined]),
  h('object holding a bigint', () => ({ a: 10n })),
  h('boxed string', () => new String('x')),
];

/** Values a slot of this schema must refuse (each is wrong by type, not by range alone). */
function hostileFor(schema: Json): fc.Arbitrary<Hostile> {
  const noArrays = objects.filter((x) => x.label !== 'array of a string');
  switch (schema.type) {
    case 'string':
      return fc.oneof(fc.constantFrom(...objects, ...numbersAndBooleans, ...arrays.slice(0, 1)), loneSurrogates);
    case 'integer':
    case 'number':
      return fc.constantFrom(...objects, ...strings, ...arrays, ...badNumbers, h('true', () => true), h('null', () => null), h('NaN', () => NaN));
    case 'boolean':
      return fc.constantFrom(...objects, ...strings, ...arrays, h('1', () => 1), h('0', () => 0), h('null', () => null));
    case 'array': {
      const items = schema.items ?? {};
      return fc.oneof(
        fc.constantFrom(...noArrays, ...strings, ...numbersAndBooleans, h('array-like', () => ({ length: 1, 0: 'a' }))),
        // An array whose item is wrong: the field then names the item (versionId[0], body.inputs[0]).
        hostileFor(items).map((x) => h(`array holding ${x.label}`, () => [x.make()])),
        fc.constant(h('array with a hole', () => new Array(2))),
      );
    }
    case 'object':
      return fc.constantFrom(...objects.filter((x) => x.label !== 'plain object' && x.label !== 'Proxy of an object' && x.label !== 'null-prototype object' && !x.label.startsWith('object with')), ...strings, ...numbersAndBooleans, ...arrays.slice(0, 2));
    default:
      // Free-form JSON (an operator's params): what JSON cannot carry.
      return fc.constantFrom(...jsonBreakers);
  }
}

/** The input of a call with `value` in `slot`, typed or raw. */
function inputWith(slot: Slot, naming: 'typed' | 'raw', value: unknown, opId: string): unknown {
  const op = operation(opId);
  const base = baseInput(op);
  if (naming === 'typed') {
    const input = base.typed;
    if (slot.kind === 'body') {
      input.body = slot.at.length === 0 ? value : bodyWith(op.body!.example, slot.at, (holder, key) => void (holder[key] = value));
    } else input[slot.param.field] = value;
    return input;
  }
  const init = base.raw as Record<string, any>;
  if (slot.kind === 'body') init.body = slot.at.length === 0 ? value : bodyWith(op.body!.example, slot.at, (holder, key) => void (holder[key] = value));
  else init.params[slot.kind][slot.param.name] = value;
  return init;
}

const cases = fc
  .record({
    target: slotArb(),
    naming: fc.constantFrom('typed' as const, 'raw' as const),
    kind: fc.constantFrom(...CREDENTIAL_KINDS),
  })
  .chain(({ target, ...c }) => hostileFor(target.slot.schema).map((hostile) => ({ ...c, ...target, hostile })));

function expectRefused(error: unknown, field: string, exact: boolean, what: string): void {
  expect(error, `${what}: resolved`).toBeDefined();
  expect((error as Error).name, `${what}: ${String((error as Error)?.stack ?? error)}`).toBe('ValidationError');
  expect(error).toBeInstanceOf(ValidationError);
  const got = (error as ValidationError).field;
  if (exact) expect(got, what).toBe(field);
  else expect(got.startsWith(field), `${what}: field ${got} is not under ${field}`).toBe(true);
}

describe('class 3: untyped values are ValidationErrors naming the field, before anything is sent', () => {
  it(`every slot of every operation, typed and raw (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 3 untyped values');
    await fc.assert(
      fc.asyncProperty(cases, async ({ opId, naming, kind, slot, hostile }) => {
        const op = operation(opId);
        const { client, spy } = spyClient(FIXED[kind]);
        const input = inputWith(slot, naming, hostile.make(), opId);
        const { error } = await settle(() => (naming === 'typed' ? typedCall(client, op, input) : rawCall(client, op, input)));
        const what = `${naming} ${op.id} ${describeSlot(slot)} = ${hostile.label}`;
        // Containers may report the element that is wrong: the field is then under the slot's.
        const exact = slot.schema.type !== 'array' && slot.schema.type !== 'object' && slot.schema.type !== undefined;
        await count.check(`${naming} ${slot.kind} → ${outcomeName(error)}${spy.calls.length > 0 ? ', sent' : ''}`, () => {
          expectRefused(error, fieldOf(slot, naming), exact, what);
          expect(spy.calls, `${what}: sent`).toHaveLength(0);
        });
      }),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 240_000);
});

// The raw client's own arguments: what openapi-fetch, URL and Headers would otherwise choke on.
const rawArguments: { name: string; field: string; call: (raw: Record<string, (...a: unknown[]) => Promise<unknown>>) => Promise<unknown> }[] = [
  ...objects.map((x) => ({ name: `method ${x.label}`, field: 'method', call: (raw: any) => raw.request(x.make(), '/v2/{project_id}/processor-tasks', {}) })),
  ...objects.map((x) => ({ name: `path ${x.label}`, field: 'path', call: (raw: any) => raw.GET(x.make(), {}) })),
  ...objects.filter((x) => !['plain object', 'Proxy of an object', 'null-prototype object'].includes(x.label) && !x.label.startsWith('object with')).map((x) => ({
    name: `init ${x.label}`,
    field: 'init',
    call: (raw: any) => raw.GET('/v2/{project_id}/processor-tasks', x.make()),
  })),
  ...['symbol', 'bigint', 'function', 'boxed string', 'Date'].map((label) => {
    const x = objects.find((o) => o.label === label)!;
    return { name: `params ${label}`, field: 'params', call: (raw: any) => raw.GET('/v2/{project_id}/processor-tasks', { params: x.make() }) };
  }),
  ...objects.filter((x) => !(x.make() instanceof URL) && typeof x.make() !== 'string').map((x) => ({
    name: `baseUrl ${x.label}`,
    field: 'init.baseUrl',
    call: (raw: any) => raw.GET('/v2/{project_id}/processor-tasks', { baseUrl: x.make(), params: { path: { project_id: PROJECT_ID } } }),
  })),
  ...[
    ['a symbol value', () => ({ 'x-a': Symbol('x') })],
    ['a value with a line break', () => ({ 'x-a': 'a\r\nX-Injected: 1' })],
    ['a value with NUL', () => ({ 'x-a': 'a\0b' })],
    ['a value beyond Latin-1', () => ({ 'x-a': 'caf\u20ac' })],
    ['a lone surrogate', () => ({ 'x-a': '\ud800' })],
    ['a bad name', () => ({ 'x a': 'b' })],
    ['a symbol', () => Symbol('x')],
    ['a number', () => 42],
    ['pairs of the wrong shape', () => [['only-a-name']]],
  ].flatMap(([label, make]) => [
    {
      name: `headers: ${label as string}`,
      field: 'init.headers',
      call: (raw: any) => raw.GET('/v2/{project_id}/processor-tasks', { headers: (make as () => unknown)(), params: { path: { project_id: PROJECT_ID } } }),
    },
    {
      name: `params.header: ${label as string}`,
      field: 'params.header',
      call: (raw: any) => raw.GET('/v2/{project_id}/processor-tasks', { params: { path: { project_id: PROJECT_ID }, header: (make as () => unknown)() } }),
    },
  ]),
];

describe('class 3: the raw client refuses arguments of the wrong type with a ValidationError', () => {
  it.each(CREDENTIAL_KINDS.flatMap((kind) => rawArguments.map((a) => [kind, a.name, a] as const)))('%s: %s', async (kind, _name, a) => {
    const { client, spy } = spyClient(FIXED[kind]);
    const { error } = await settle(() => a.call(client.raw as never));
    expectRefused(error, a.field, true, a.name);
    expect(spy.calls).toHaveLength(0);
  });
});

describe('class 3: the typed client refuses arguments of the wrong type with a ValidationError', () => {
  const bad = [...objects.filter((x) => typeof x.make() !== 'object' || x.make() === null || x.make() instanceof String), ...numbersAndBooleans.filter((x) => x.label !== 'null'), ...strings];
  it.each(bad.map((x) => [x.label, x] as const))('operationId %s (client.call)', async (_label, x) => {
    const { client, spy } = spyClient(FIXED.token);
    const { error } = await settle(() => (client.call as (...a: unknown[]) => Promise<unknown>)(x.make(), { taskId: TASK_ID }));
    expectRefused(error, 'operationId', true, `operationId ${x.label}`);
    expect(spy.calls).toHaveLength(0);
  });
});
