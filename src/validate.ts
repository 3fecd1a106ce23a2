// Input safety. Every value a call sends is checked against the spec's own rules (compiled
// into generated/client.ts by scripts/render-client.ts) before anything is sent, and the check
// and the request are built from one copy: each property of the caller's input is read once,
// so a getter or a Proxy that answers differently on a second read cannot pass validation
// with one value and reach the URL with another. Values that are not what the spec says
// (symbols, objects where a string belongs, lone surrogates, cycles) are ValidationErrors
// naming the field, never a TypeError or URIError from deeper down.
import { operations, parameters, schemas, type OperationId } from '../generated/client.ts';
import { ValidationError } from './errors.ts';
import { redactorFor } from './redaction.ts';

export type Schema = {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly format?: string;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly not?: { readonly enum: readonly unknown[] };
  readonly $ref?: string;
};

/** A parameter as the generator records it (generated/client.ts `parameters`). */
export interface ParameterRule {
  readonly name: string;
  /** The typed client's input field (camelCase). */
  readonly field: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly schema: Schema;
  readonly style?: string;
  readonly explode?: boolean;
}

/** An operation as the generator records it (generated/client.ts `operations`). */
export interface OperationRule {
  readonly method: string;
  readonly path: string;
  readonly params: readonly string[];
  readonly body?: { readonly required: boolean; readonly schema: Schema };
  readonly success: { readonly status: number; readonly body: 'json' | 'empty' | 'none' };
  readonly missing: readonly string[];
  readonly reserved?: Readonly<Record<string, readonly string[]>>;
  readonly paging?: { readonly offset: string; readonly limit: string; readonly items: string; readonly total: string };
}

/** The generated tables, seen through the interfaces above. */
export const PARAMETERS = parameters as unknown as Readonly<Record<string, ParameterRule>>;
export const OPERATIONS = operations as unknown as Readonly<Record<OperationId, OperationRule>>;

const NAMED = schemas as unknown as Record<string, Schema>;
const MAX_DEPTH = 32;
const INT32 = 2 ** 31;

const patterns = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patterns.set(pattern, re);
  }
  return re;
}

/** What a message may show of a value: never a secret, never more than 40 characters. */
function show(value: unknown, secrets: readonly string[]): string {
  if (typeof value === 'string') {
    const clean = redactorFor(secrets)(value);
    const cut = clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
    return `${JSON.stringify(cut)} (${value.length} characters)`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return 'a bigint';
  return `a ${typeof value}`;
}

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Code points, as JSON Schema counts length; ids are ASCII, where this is `length`. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/**
 * An object's own fields, each read exactly once (a getter or a Proxy answers once), into a
 * plain copy: what every later check and the request are built from.
 */
export function ownFields(value: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = (value as Record<string, unknown>)[key];
  return copy;
}

export interface CheckContext {
  /** Credential values: a value equal to one is never quoted. */
  readonly secrets: readonly string[];
}

/**
 * Validates `value` against `schema` and returns a copy built from what was read: plain
 * data only, each property read once. Throws a ValidationError naming `field`.
 */
function checkValue(value: unknown, schema: Schema, field: string, ctx: CheckContext, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new ValidationError(field, `nested more than ${MAX_DEPTH} levels deep (a cycle?)`);
  const s = schema.$ref !== undefined ? NAMED[schema.$ref]! : schema;
  const fail = (reason: string): never => {
    throw new ValidationError(field, `${reason}; got ${show(value, ctx.secrets)}`);
  };
  let out: unknown;
  switch (s.type) {
    case 'string':
      if (typeof value !== 'string') fail('must be a string');
      out = checkString(value as string, s, fail);
      break;
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(`must be ${s.type === 'integer' ? 'an integer' : 'a finite number'}`);
      const n = value as number;
      if (s.type === 'integer') {
        if (!Number.isInteger(n)) fail('must be an integer');
        if (s.format === 'int32' && (n < -INT32 || n >= INT32)) fail('must be a 32-bit integer');
        if (!Number.isSafeInteger(n)) fail('must be a safe integer');
      }
      if ((s.minimum !== undefined && n < s.minimum) || (s.maximum !== undefined && n > s.maximum)) {
        fail(`must be from ${s.minimum ?? '-∞'} to ${s.maximum ?? '∞'}`);
      }
      out = n;
      break;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail('must be true or false');
      out = value;
      break;
    case 'array':
      out = checkArray(value, s, field, ctx, depth, fail);
      break;
    case 'object':
      out = checkObject(value, s, field, ctx, depth, fail);
      break;
    default:
      out = jsonValue(value, field, ctx, depth);
  }
  if (s.enum !== undefined && !s.enum.includes(out)) fail(`must be one of ${list(s.enum)}`);
  if (s.not !== undefined && s.not.enum.includes(out)) fail(`must not be ${list(s.not.enum)}`);
  return out;
}

function checkString(value: string, s: Schema, fail: (reason: string) => never): string {
  // encodeURIComponent would throw a URIError on it, TextEncoder would send U+FFFD instead.
  if (!value.isWellFormed()) fail('must be well-formed Unicode (it holds a lone surrogate)');
  const n = s.minLength !== undefined || s.maxLength !== undefined ? codePoints(value) : 0;
  const badLength = (s.minLength !== undefined && n < s.minLength) || (s.maxLength !== undefined && n > s.maxLength);
  if (badLength || (s.pattern !== undefined && !regex(s.pattern).test(value))) {
    // One message with every rule: fixing one of them must not reveal another.
    const length =
      s.minLength === undefined && s.maxLength === undefined
        ? ''
        : s.minLength === s.maxLength
          ? `${s.minLength} characters`
          : `${s.minLength ?? 0} to ${s.maxLength ?? '∞'} characters`;
    fail(`must be ${[length, s.pattern === undefined ? '' : `matching ${s.pattern}`].filter(Boolean).join(' ')}`);
  }
  return value;
}

function checkArray(value: unknown, s: Schema, field: string, ctx: CheckContext, depth: number, fail: (reason: string) => never): unknown[] {
  if (!Array.isArray(value)) fail('must be an array');
  const source = value as unknown[];
  const length = source.length; // read once: a Proxy may answer differently later
  if ((s.minItems !== undefined && length < s.minItems) || (s.maxItems !== undefined && length > s.maxItems)) {
    fail(`must have ${s.minItems ?? 0} to ${s.maxItems ?? '∞'} items`);
  }
  const copy: unknown[] = new Array(length);
  for (let i = 0; i < length; i++) {
    copy[i] = s.items ? checkValue(source[i], s.items, `${field}[${i}]`, ctx, depth + 1) : jsonValue(source[i], `${field}[${i}]`, ctx, depth + 1);
  }
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkObject(
  value: unknown,
  s: Schema,
  field: string,
  ctx: CheckContext,
  depth: number,
  fail: (reason: string) => never,
): Record<string, unknown> {
  if (!isPlainObject(value)) fail('must be a plain object');
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const v = source[key];
    if (v === undefined) continue; // as JSON.stringify drops it
    const sub = s.properties?.[key];
    // Keys are the caller's: one that is a credential is not quoted in a field name either.
    const at = `${field}.${redactorFor(ctx.secrets)(key)}`;
    if (sub) copy[key] = checkValue(v, sub, at, ctx, depth + 1);
    else if (s.additionalProperties === false) {
      throw new ValidationError(at, `is not a field of ${field}${s.properties ? ` (known: ${Object.keys(s.properties).join(', ')})` : ''}`);
    } else if (typeof s.additionalProperties === 'object') copy[key] = checkValue(v, s.additionalProperties, at, ctx, depth + 1);
    else copy[key] = jsonValue(v, at, ctx, depth + 1);
  }
  for (const key of s.required ?? []) {
    if (!(key in copy)) throw new ValidationError(`${field}.${key}`, 'is required');
  }
  return copy;
}

/** Any JSON value, copied; what JSON cannot carry faithfully is refused, not silently changed. */
function jsonValue(value: unknown, field: string, ctx: CheckContext, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new ValidationError(field, `nested more than ${MAX_DEPTH} levels deep (a cycle?)`);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (!value.isWellFormed()) throw new ValidationError(field, 'must be well-formed Unicode (it holds a lone surrogate)');
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ValidationError(field, `must be a finite number (JSON has no ${value})`);
    return value;
  }
  if (Array.isArray(value)) return checkArray(value, {}, field, ctx, depth, (reason) => {
    throw new ValidationError(field, reason);
  });
  if (isPlainObject(value)) return checkObject(value, {}, field, ctx, depth, (reason) => {
    throw new ValidationError(field, reason);
  });
  throw new ValidationError(field, `must be JSON data; got ${show(value, ctx.secrets)}`);
}

/** A checked copy of one call's input, by wire name. */
export interface CheckedInput {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** How the caller named the inputs: the typed client's camelCase fields, or the raw client's wire names. */
export type Naming = 'typed' | 'raw';

function fieldName(p: ParameterRule, naming: Naming): string {
  return naming === 'typed' ? p.field : `${p.in}.${p.name}`;
}

/**
 * Checks one operation's input. `values(p)` reads parameter `p` from the caller's input once
 * (undefined when not given); `body` has been read once too.
 */
export function checkInput(
  op: OperationRule,
  read: (p: ParameterRule) => unknown,
  body: { given: boolean; value: unknown },
  naming: Naming,
  ctx: CheckContext,
): CheckedInput {
  const out: CheckedInput = { path: {}, query: {}, body: undefined };
  const reserved = op.reserved;
  for (const key of op.params) {
    const p = PARAMETERS[key]!;
    const field = fieldName(p, naming);
    const value = read(p);
    if (value === undefined) {
      if (p.required) throw new ValidationError(field, 'is required');
      continue;
    }
    const checked = checkValue(value, p.schema, field, ctx);
    if (p.in === 'path') {
      const text = checked as string;
      // Whatever the spec allows, these would change which resource the path names.
      if (text === '' || text === '.' || text === '..') throw new ValidationError(field, `must not be ${show(text, ctx.secrets)}: it would change the path`);
      if (reserved?.[p.name]?.includes(text)) {
        throw new ValidationError(field, `must not be ${JSON.stringify(text)}: ${op.path.replace(`{${p.name}}`, text)} is another operation`);
      }
      out.path[p.name] = text;
    } else {
      out.query[p.name] = checked;
    }
  }
  if (op.body) {
    const rule = op.body;
    if (!body.given || body.value === undefined) {
      if (rule.required) throw new ValidationError('body', 'is required');
    } else {
      out.body = checkValue(body.value, rule.schema, 'body', ctx);
    }
  } else if (body.given && body.value !== undefined) {
    throw new ValidationError('body', `${op.method} ${op.path} takes no request body`);
  }
  return out;
}

const PROJECT_RULE = Object.values(PARAMETERS).find((p) => p.in === 'path' && p.name === 'project_id');

/** A project id, checked by the spec's `project_id` rule: the one parameter the client itself defaults. */
export function checkProjectId(value: unknown, ctx: CheckContext): string {
  if (!PROJECT_RULE) throw new Error('the spec has no project_id path parameter');
  return checkValue(value, PROJECT_RULE.schema, 'projectId', ctx) as string;
}

// setTimeout fires at once (after a warning) for delays above 2^31 - 1 ms, which would turn a
// generous timeout into an immediate one.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A positive finite number of milliseconds that a timer can hold, or the default. */
export function validateDuration(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    const got = typeof value === 'number' ? String(value) : typeof value;
    throw new ValidationError(field, `must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS}, got ${got}`);
  }
  return value;
}
