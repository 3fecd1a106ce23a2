// Every rule the spec states for a query parameter or a request body field is enforced before
// anything is sent. The violations are derived from the generated rule tables (type, range,
// enum, length, pattern, required, nesting), so a rule added to the spec is covered here too;
// a spy fetch proves that not one request left.
import { describe, expect, it } from 'vitest';
import { operations, parameters, schemas, type OperationId } from '../generated/client.ts';
import { operationDocs } from '../generated/operation-docs.ts';
import { createProcessorTasksClient, ValidationError } from '../src/index.ts';
import type { Schema } from '../src/validate.ts';
import { PROJECT_ID, TASK_ID, VERSION_ID } from './support/fixtures.ts';

const named = schemas as unknown as Record<string, Schema>;
const resolve = (s: Schema): Schema => (s.$ref ? named[s.$ref]! : s);

/** Values that break `schema`, each with a word on why. */
function violations(schema: Schema): { value: unknown; why: string }[] {
  const s = resolve(schema);
  const out: { value: unknown; why: string }[] = [];
  switch (s.type) {
    case 'integer':
      out.push({ value: 1.5, why: 'not an integer' }, { value: '3', why: 'a string' }, { value: Number.NaN, why: 'NaN' });
      if (s.minimum !== undefined) out.push({ value: s.minimum - 1, why: 'below the minimum' });
      if (s.maximum !== undefined) out.push({ value: s.maximum + 1, why: 'above the maximum' });
      break;
    case 'boolean':
      out.push({ value: 'true', why: 'a string' }, { value: 1, why: 'a number' });
      break;
    case 'string':
      out.push({ value: 42, why: 'a number' }, { value: Symbol('x'), why: 'a symbol' }, { value: 'a\ud800', why: 'a lone surrogate' });
      if (s.enum) out.push({ value: 'not-one-of-them', why: 'outside the enum' });
      if (s.maxLength !== undefined) out.push({ value: 'a'.repeat(s.maxLength + 1), why: 'too long' });
      if (s.pattern !== undefined) out.push({ value: '<../x>', why: 'against the pattern' });
      break;
    case 'array':
      out.push({ value: 'a,b', why: 'not an array' });
      if (s.items) for (const v of violations(s.items).slice(0, 2)) out.push({ value: [v.value], why: `an item ${v.why}` });
      break;
    case 'object':
      out.push({ value: 'x', why: 'not an object' }, { value: [], why: 'an array' });
      break;
  }
  return out;
}

/** A valid input for an operation: the published ids and its first request example. */
function inputOf(id: OperationId): Record<string, unknown> {
  const op = operations[id] as { path: string };
  const input: Record<string, unknown> = {};
  if (op.path.includes('{task_id}')) input.taskId = TASK_ID;
  if (op.path.includes('{version_id}')) input.versionId = VERSION_ID;
  const body = (operationDocs[id] as { body?: { examples: Record<string, unknown> } }).body;
  if (body) input.body = structuredClone(Object.values(body.examples)[0]);
  return input;
}

/** Every (field path, broken body) pair of a body schema: each property broken in turn, each required one removed. */
function bodyCases(schema: Schema, valid: unknown, at = 'body'): { field: string; body: unknown; why: string }[] {
  const s = resolve(schema);
  const cases: { field: string; body: unknown; why: string }[] = [];
  const obj = valid as Record<string, unknown>;
  for (const key of s.required ?? []) {
    const copy = { ...obj };
    delete copy[key];
    cases.push({ field: `${at}.${key}`, body: copy, why: 'missing' });
  }
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    for (const v of violations(sub)) cases.push({ field: `${at}.${key}`, body: { ...obj, [key]: v.value }, why: v.why });
    const inner = resolve(sub);
    const here = obj?.[key];
    if (inner.type === 'object' && inner.properties && typeof here === 'object' && here !== null) {
      for (const c of bodyCases(inner, here, `${at}.${key}`)) cases.push({ ...c, body: { ...obj, [key]: c.body } });
    }
    if (inner.type === 'array' && inner.items && Array.isArray(here) && typeof here[0] === 'object') {
      for (const c of bodyCases(inner.items, here[0], `${at}.${key}[0]`)) cases.push({ ...c, body: { ...obj, [key]: [c.body] } });
    }
  }
  return cases;
}

const ids = Object.keys(operations) as OperationId[];
const queryCases = ids.flatMap((id) =>
  (operations[id].params as readonly string[])
    .map((k) => (parameters as Record<string, { name: string; field: string; in: string; schema: Schema }>)[k]!)
    .filter((p) => p.in === 'query')
    .flatMap((p) => violations(p.schema).map((v) => ({ id, field: p.field, value: v.value, why: v.why }))),
);
const bodyRuleCases = ids.flatMap((id) => {
  const rule = (operations[id] as { body?: { schema: Schema } }).body;
  if (!rule) return [];
  return bodyCases(rule.schema, inputOf(id).body).map((c) => ({ id, ...c }));
});

function spyClient() {
  const sent: string[] = [];
  const client = createProcessorTasksClient({
    endpoint: 'https://modelarts.cn-north-4.myhuaweicloud.com',
    projectId: PROJECT_ID,
    credentials: { token: 'tok-rules' },
    env: {},
    fetch: async (url) => {
      sent.push(String(url));
      return new Response('{}', { status: 200 });
    },
  });
  return { client, sent };
}

const show = (v: unknown) => (typeof v === 'symbol' ? 'a symbol' : JSON.stringify(v)?.slice(0, 30));

describe('every rule of the spec is enforced before sending', () => {
  it('derives cases for every query parameter and every body of the spec', () => {
    // 12 operations; the query rules of List, Items, List versions and Results; three bodies.
    expect(new Set(queryCases.map((c) => c.id))).toEqual(new Set(['listProcessorTasks', 'getProcessorTaskItems', 'listProcessorTaskVersions', 'listProcessorTaskVersionResults']));
    expect(new Set(bodyRuleCases.map((c) => c.id))).toEqual(new Set(['createProcessorTask', 'updateProcessorTask', 'createProcessorTaskVersion']));
    expect(queryCases.length).toBeGreaterThan(60);
    expect(bodyRuleCases.length).toBeGreaterThan(100);
  });

  it.each(queryCases.map((c) => ({ ...c, shown: show(c.value) })))('$id refuses $field = $shown ($why)', async ({ id, field, value }) => {
    const { client, sent } = spyClient();
    const call = (client[id] as (input: unknown) => Promise<unknown>).bind(client);
    const err = await call({ ...inputOf(id), [field]: value }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toMatch(new RegExp(`^${field}(\\[\\d+\\])?$`));
    expect(sent).toEqual([]);
  });

  it.each(bodyRuleCases.map((c) => ({ id: c.id, field: c.field, why: c.why, body: c.body })))('$id refuses $field ($why)', async ({ id, field, body }) => {
    const { client, sent } = spyClient();
    const call = (client[id] as (input: unknown) => Promise<unknown>).bind(client);
    const err = await call({ ...inputOf(id), body }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field.startsWith(field)).toBe(true);
    expect(sent).toEqual([]);
  });

  it('an unknown input field is refused with the fields the operation has (a typo is not silently dropped)', async () => {
    const { client, sent } = spyClient();
    const err = await client.listProcessorTasks({ sort_by: 'name' } as never).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ValidationError', field: 'sort_by' });
    expect((err as ValidationError).reason).toContain('sortBy');
    await expect(client.describeProcessorTask({ taskId: TASK_ID, body: {} } as never)).rejects.toMatchObject({ field: 'body' });
    expect(sent).toEqual([]);
  });

  it('each valid published input passes and is sent exactly once', async () => {
    for (const id of ids) {
      const { client, sent } = spyClient();
      await (client[id] as (input: unknown) => Promise<unknown>).bind(client)(inputOf(id));
      expect(sent, id).toHaveLength(1);
    }
  });
});
