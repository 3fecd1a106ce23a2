// The shared input-rule table (test/shared/input-rules.json), held against the TypeScript
// client: the reference the Python and Go targets are held to by their own suites on the same
// table. Each refused request must fail with a ValidationError at the table's field before
// anything is sent; each accepted one must be sent once, carrying what was given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../scripts/paths.ts';
import { ValidationError } from '../src/index.ts';
import { FIXED, rawCall, settle, spyClient } from './support/one-door.ts';
import { camel, operation, OPERATIONS } from './support/spec-operations.ts';
import type { Json } from './support/fixtures.ts';

interface Case {
  operation: string;
  query?: Json;
  body?: unknown;
  field?: string;
  why?: string;
}

const table = JSON.parse(readFileSync(join(root, 'test/shared/input-rules.json'), 'utf8')) as {
  ids: Record<string, string>;
  invalid: Case[];
  valid: Case[];
};

function init(c: Case): Json {
  const op = operation(c.operation);
  const path = Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, table.ids[p.name]]));
  return { params: { path, ...(c.query ? { query: c.query } : {}) }, ...('body' in c ? { body: c.body } : {}) };
}

/** The typed method's input: camelCase parameters, the body under `body`. */
function typedInput(c: Case): Json {
  const op = operation(c.operation);
  const input: Json = {};
  for (const p of op.params) if (p.in === 'path' && p.name !== 'project_id') input[camel(p.name)] = table.ids[p.name];
  for (const [name, value] of Object.entries(c.query ?? {})) input[camel(name)] = value;
  if ('body' in c) input.body = c.body;
  return input;
}

const label = (c: Case) => `${c.operation} ${JSON.stringify({ query: c.query, body: c.body }).slice(0, 90)}`;

describe('the shared input-rule table', () => {
  it('covers every operation that takes query parameters or a body, and every refusal names a field', () => {
    expect(table.invalid.length).toBeGreaterThanOrEqual(25);
    for (const c of table.invalid) expect(c.field, label(c)).toMatch(/^(query\.[a-z_]+|body(\.[a-z_]+|\[\d+\])*)$/);
    const covered = new Set(table.invalid.map((c) => c.operation));
    const needed = OPERATIONS.filter((op) => op.body !== undefined || op.params.some((p) => p.in === 'query')).map((op) => op.id);
    expect(needed.length).toBeGreaterThanOrEqual(7);
    for (const id of needed) expect(covered, id).toContain(id);
  });

  describe.each(table.invalid)('refused: $operation → $field ($why)', (c) => {
    it('raw: a ValidationError at the field, nothing sent', async () => {
      const { client, spy } = spyClient(FIXED.token);
      const { error } = await settle(() => rawCall(client, operation(c.operation), init(c)));
      expect(error, label(c)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(c.field);
      expect(spy.calls).toHaveLength(0);
    });
    it('typed: a ValidationError, nothing sent', async () => {
      const { client, spy } = spyClient(FIXED.token);
      const method = (client as unknown as Record<string, (input: unknown) => Promise<unknown>>)[c.operation]!;
      const { error } = await settle(() => method.call(client, typedInput(c)));
      expect(error, label(c)).toBeInstanceOf(ValidationError);
      // The typed door names query parameters by their camelCase field; the body path is the same.
      const expected = c.field!.startsWith('query.') ? camel(c.field!.slice('query.'.length)) : c.field;
      expect((error as ValidationError).field).toBe(expected);
      expect(spy.calls).toHaveLength(0);
    });
  });

  it('raw: a path parameter name the operation does not have is refused too, not left out', async () => {
    const { client, spy } = spyClient(FIXED.token);
    const { error } = await settle(() => rawCall(client, operation('describeProcessorTask'), { params: { path: table.ids } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('path.version_id');
    expect((error as ValidationError).message).toContain('is not a path parameter of GET /v2/{project_id}/processor-tasks/{task_id}');
    expect(spy.calls).toHaveLength(0);
  });

  describe.each(table.valid)('sent: $operation', (c) => {
    it('raw: sent once, with the query and body as given', async () => {
      const { client, spy } = spyClient(FIXED.token);
      const { error } = await settle(() => rawCall(client, operation(c.operation), init(c)));
      expect(error, label(c)).toBeUndefined();
      expect(spy.calls).toHaveLength(1);
      const sent = spy.calls[0]!;
      const url = new URL(sent.url);
      for (const [name, value] of Object.entries(c.query ?? {})) {
        expect(url.searchParams.get(name), name).toBe(Array.isArray(value) ? value.join(',') : String(value));
      }
      if ('body' in c) expect(JSON.parse(sent.body)).toEqual(c.body);
      else expect(sent.body).toBe('');
    });
  });
});
