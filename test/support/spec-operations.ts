// The operations of the bundled spec as the tests of issue 12 walk them: method, path, every
// path and query parameter with its schema (references resolved), the JSON body with its
// first documented example, and every input "slot" a caller can fill (a path parameter, a
// query parameter, a field of the body at any depth). Read from the spec, not from the
// client's own tables, so that a table the client got wrong cannot hide its own mistake.
import fc from 'fast-check';
import { deref, loadBundledSpec, PROJECT_ID, TASK_ID, VERSION_ID, type Json } from './fixtures.ts';

export interface SpecParam {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Json;
  /** The typed client's field: the wire name in camelCase. */
  field: string;
  /** The parameter's documented `example`, when it has one. */
  example?: unknown;
  /** `explode` as the spec sets it (OpenAPI's default for the `form` style is true). */
  explode?: boolean;
}

export interface SpecOperation {
  id: string;
  method: string;
  path: string;
  params: SpecParam[];
  body?: { required: boolean; schema: Json; example: Json };
}

/** Where a value goes in a call's input. */
export type Slot =
  | { kind: 'path' | 'query'; param: SpecParam; schema: Json }
  | { kind: 'body'; at: (string | number)[]; schema: Json };

const spec = loadBundledSpec();

export const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A schema with every $ref resolved (the spec's request schemas are not recursive). */
export function resolve(node: Json, depth = 0): Json {
  if (depth > 12 || node === null || typeof node !== 'object') return node;
  const n = deref(spec, node);
  if (Array.isArray(n)) return n.map((x) => resolve(x, depth + 1));
  const out: Json = {};
  for (const [k, v] of Object.entries(n)) out[k] = k === 'example' || k === 'examples' || k === 'enum' || k === 'default' ? v : resolve(v as Json, depth + 1);
  return out;
}

function operationsOfSpec(): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    const shared = ((item as Json).parameters ?? []) as Json[];
    for (const [method, op] of Object.entries(item as Json)) {
      if (typeof op !== 'object' || op === null || typeof (op as Json).operationId !== 'string') continue;
      const params = [...shared, ...(((op as Json).parameters ?? []) as Json[])]
        .map((p) => deref(spec, p))
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in, required: p.required === true, schema: resolve(p.schema), field: camel(p.name), ...('example' in p ? { example: p.example } : {}), ...(typeof p.explode === 'boolean' ? { explode: p.explode } : {}) }) as SpecParam);
      let body: SpecOperation['body'];
      const rb = (op as Json).requestBody ? deref(spec, (op as Json).requestBody) : undefined;
      const media = rb?.content?.['application/json'];
      if (media) {
        const first = Object.values((media.examples ?? {}) as Json)[0] as Json | undefined;
        const example = first ? deref(spec, first).value : (media.example ?? {});
        body = { required: rb.required === true, schema: resolve(media.schema), example };
      }
      out.push({ id: (op as Json).operationId, method: method.toUpperCase(), path, params, ...(body ? { body } : {}) });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export const OPERATIONS: readonly SpecOperation[] = operationsOfSpec();

export function operation(id: string): SpecOperation {
  const op = OPERATIONS.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id} in the spec`);
  return op;
}

/** A valid value of each path parameter. */
export const PATH_VALUES: Record<string, string> = { project_id: PROJECT_ID, task_id: TASK_ID, version_id: VERSION_ID };

/** Every slot of an operation: its parameters, and each field of its body down to `maxDepth`. */
export function slotsOf(op: SpecOperation, maxDepth = 4): Slot[] {
  const slots: Slot[] = op.params.map((param) => ({ kind: param.in, param, schema: param.schema }));
  const walk = (schema: Json, at: (string | number)[]) => {
    if (at.length > maxDepth) return;
    if (schema.type === 'object' || schema.properties) {
      for (const [key, sub] of Object.entries((schema.properties ?? {}) as Json)) {
        slots.push({ kind: 'body', at: [...at, key], schema: sub });
        walk(sub, [...at, key]);
      }
      if (schema.additionalProperties === true || (schema.additionalProperties && typeof schema.additionalProperties === 'object')) {
        const sub = schema.additionalProperties === true ? {} : schema.additionalProperties;
        slots.push({ kind: 'body', at: [...at, 'extra_field'], schema: sub });
      }
    } else if (schema.type === 'array' && schema.items) {
      slots.push({ kind: 'body', at: [...at, 0], schema: schema.items });
      walk(schema.items, [...at, 0]);
    }
  };
  if (op.body) {
    slots.push({ kind: 'body', at: [], schema: op.body.schema });
    walk(op.body.schema, []);
  }
  return slots;
}

/** The field a ValidationError names for a slot: the typed client's names, or the raw client's (`path.task_id`). */
export function fieldOf(slot: Slot, naming: 'typed' | 'raw'): string {
  if (slot.kind === 'body') return `body${slot.at.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;
  return naming === 'typed' ? slot.param.field : `${slot.kind}.${slot.param.name}`;
}

export function describeSlot(slot: Slot): string {
  return slot.kind === 'body' ? fieldOf(slot, 'typed') : `${slot.kind} ${slot.param.name}`;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The example body with `value` (or a getter: `define`) put at `at`, creating the objects and lists on the way. */
export function bodyWith(example: Json, at: (string | number)[], put: (holder: Json, key: string | number) => void): unknown {
  if (at.length === 0) throw new Error('bodyWith: use the body slot itself');
  const root: Json = clone(example);
  let holder: Json = root;
  for (let i = 0; i < at.length - 1; i++) {
    const key = at[i]!;
    const nextIsIndex = typeof at[i + 1] === 'number';
    if (holder[key] === undefined || holder[key] === null || typeof holder[key] !== 'object') holder[key] = nextIsIndex ? [] : {};
    holder = holder[key];
  }
  put(holder, at[at.length - 1]!);
  return root;
}

/** A valid call of `op`: typed input and raw init, the path filled, no query, the example body. */
export function baseInput(op: SpecOperation): { typed: Record<string, unknown>; raw: { params: { path: Record<string, unknown>; query: Record<string, unknown> }; body?: unknown } } {
  const typed: Record<string, unknown> = {};
  const path: Record<string, unknown> = {};
  for (const p of op.params) {
    if (p.in !== 'path') continue;
    path[p.name] = PATH_VALUES[p.name];
    if (p.name !== 'project_id') typed[p.field] = PATH_VALUES[p.name];
  }
  if (op.body) typed.body = clone(op.body.example);
  return { typed, raw: { params: { path, query: {} }, ...(op.body ? { body: clone(op.body.example) } : {}) } };
}

/** The path a call with these path values names, each segment percent-encoded. */
export function filledPath(op: SpecOperation, values: Record<string, string>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? PATH_VALUES[name]!));
}

/** A value valid for a slot's schema, and a different valid one (to tell which one was sent). */
export function validValues(schema: Json, name?: string): [unknown, unknown] {
  if (name === 'project_id') return [PROJECT_ID, 'b5b6e5109ac5585ab33de16a908e7c00'];
  if (name === 'task_id') return [TASK_ID, 'Tb9xXq0vLmN3kPz7AaB'];
  if (name === 'version_id' && schema.type === 'string') return [VERSION_ID, 'Vz0yYw1xXv2uUt3sSr4'];
  if (schema.enum) return [schema.enum[0], schema.enum[1] ?? schema.enum[0]];
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      return [min, Math.min(min + 1, schema.maximum ?? min + 1)];
    }
    case 'boolean':
      return [true, false];
    case 'array':
      return [[validValues(schema.items ?? {})[0]], [validValues(schema.items ?? {})[1], validValues(schema.items ?? {})[0]]];
    case 'object':
      return [{}, {}];
    case 'string':
      if (schema.pattern) return ['abc', 'xyz'];
      return ['first-value', 'second-value'];
    default:
      return ['free-one', 'free-two'];
  }
}

/**
 * An (operation, slot) pair of the spec, drawn so that path, query and body slots come
 * equally often whatever their numbers (bodies have many more fields); each prints as its name.
 */
export function slotArb(): fc.Arbitrary<{ opId: string; slot: Slot }> {
  const all = OPERATIONS.flatMap((op) =>
    slotsOf(op).map((slot) => ({ opId: op.id, slot: Object.assign(Object.create(null) as object, slot, { [fc.toStringMethod]: () => `${op.id} ${describeSlot(slot)}` }) as Slot })),
  );
  const kinds = (['path', 'query', 'body'] as const).filter((k) => all.some((s) => s.slot.kind === k));
  return fc.oneof(...kinds.map((k) => fc.constantFrom(...all.filter((s) => s.slot.kind === k))));
}
