// Renders the TypeScript client modules from the bundled spec, so that an operation added to
// openapi/ becomes a typed client method with no hand-written line:
//  - generated/client.ts: what the client runs on. The rules of every parameter and request
//    body (only the keywords src/validate.ts enforces), one entry per operation (method, path,
//    success status, the "not found" codes behind `ignoreMissing`, paging fields), the input
//    types, and an abstract class with one typed method per operationId, each a single call
//    into the generic core of src/call.ts. It stays small: it is bundled into the package.
//  - generated/operation-docs.ts: what people read: summaries, descriptions, parameter help
//    and defaults, and the named examples of every request and response. The CLI's help and
//    the tests use it; the client does not import it.
// Generation stops, naming the place, on anything the runtime could not enforce (a schema
// keyword the validator does not know, a header parameter, a non-JSON body), so no rule of
// the spec is silently left unchecked.
type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Follows local `#/...` references of the bundled spec. */
export function resolveRef(spec: Json, node: unknown): Json {
  let current = node as Json;
  for (let hops = 0; typeof current?.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/') || hops > 32) throw new Error(`cannot resolve ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Json>((obj, key) => obj?.[key] as Json, spec);
    if (current === undefined) throw new Error(`dangling ${ref}`);
  }
  return current;
}

export const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

// What src/validate.ts enforces, and what it may ignore because it only describes.
const VALIDATION_KEYWORDS = new Set([
  'type', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems',
  'required', 'properties', 'additionalProperties', 'items', 'not', 'format',
]);
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment']);
const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);
// Formats that change what a value may be; every other format is an annotation.
const INTEGER_FORMATS = new Set(['int32', 'int64']);

/** Compiles request-side schemas into the validator's subset, sharing named component schemas. */
class SchemaCompiler {
  readonly named: Record<string, Json> = {};
  constructor(private readonly spec: Json) {}

  compile(node: unknown, at: string): Json {
    const ref = (node as Json)?.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (!(name in this.named)) {
        this.named[name] = {}; // placeholder: a recursive schema refers to itself by name
        this.named[name] = this.compile(resolveRef(this.spec, node), `#/components/schemas/${name}`);
      }
      return { $ref: name };
    }
    const schema = resolveRef(this.spec, node);
    const out: Json = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
      if (!VALIDATION_KEYWORDS.has(key)) {
        throw new Error(`${at}: schema keyword "${key}" is not enforced by the client's validator (src/validate.ts); extend it or leave the keyword out`);
      }
      switch (key) {
        case 'type':
          if (typeof value !== 'string' || !TYPES.has(value)) throw new Error(`${at}: type must be one of ${[...TYPES].join(', ')}`);
          out.type = value;
          break;
        case 'properties':
          out.properties = Object.fromEntries(
            Object.entries(value as Json).map(([name, sub]) => [name, this.compile(sub, `${at}/properties/${name}`)]),
          );
          break;
        case 'items':
          out.items = this.compile(value, `${at}/items`);
          break;
        case 'additionalProperties':
          out.additionalProperties = typeof value === 'boolean' ? value : this.compile(value, `${at}/additionalProperties`);
          break;
        case 'not': {
          const not = resolveRef(this.spec, value);
          if (Object.keys(not).length !== 1 || !Array.isArray(not.enum)) throw new Error(`${at}: only "not: { enum: [...] }" is supported`);
          out.not = { enum: not.enum };
          break;
        }
        case 'format':
          if (INTEGER_FORMATS.has(value as string)) out.format = value;
          break;
        default:
          out[key] = value;
      }
    }
    if (out.format !== undefined && out.type !== 'integer') delete out.format;
    return out;
  }
}

export interface ParameterRule {
  name: string;
  /** The input field of the typed client. */
  field: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Json;
  style?: string;
  explode?: boolean;
}

export interface OperationRule {
  method: string;
  path: string;
  /** Keys of the shared parameter table. */
  params: string[];
  body?: { required: boolean; schema: Json };
  /**
   * The documented success status and its body: `json` is decoded; `empty` is the empty
   * object (a schema that admits only `{}`), read and discarded, since it carries nothing; `none` is
   * a response without content (204).
   */
  success: { status: number; body: 'json' | 'empty' | 'none' };
  /** error_code values of the 400 examples named "...NotFound": what `ignoreMissing` accepts. */
  missing: string[];
  /** Values a path parameter may not take because a literal sibling path would answer instead. */
  reserved?: Record<string, string[]>;
  paging?: { offset: string; limit: string; items: string; total: string };
}

export interface OperationDoc {
  summary: string;
  description: string;
  tags: string[];
  parameters: Record<string, { in: string; required: boolean; description: string; default?: unknown; enum?: unknown[]; type?: string }>;
  body?: {
    description: string;
    /** The body's top-level fields, for help texts and CLI flags. */
    properties: Record<string, { type?: string; description: string; required: boolean; enum?: unknown[] }>;
    examples: Record<string, unknown>;
  };
  /** For each documented status: the named examples and the error_code each shows (null for a success body). */
  responses: Record<string, { examples: Record<string, string | null> }>;
}

export interface Model {
  parameters: Record<string, ParameterRule>;
  schemas: Record<string, Json>;
  operations: Record<string, OperationRule>;
  docs: Record<string, OperationDoc>;
  /** The array serialisation every array query parameter shares (openapi-fetch's is global). */
  arrayStyle: { style: string; explode: boolean } | undefined;
}

function parameterKey(spec: Json, raw: unknown): string {
  const ref = (raw as Json)?.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/parameters/')) return ref.slice('#/components/parameters/'.length);
  const p = resolveRef(spec, raw);
  return `${String(p.in)}:${String(p.name)}`;
}

/** Literal path segments that sit where another template has a parameter. */
function reservedValues(path: string, all: string[]): Record<string, string[]> {
  const segments = path.split('/');
  const reserved: Record<string, string[]> = {};
  for (const other of all) {
    const theirs = other.split('/');
    if (other === path || theirs.length !== segments.length) continue;
    let conflict: { name: string; literal: string } | undefined;
    let compatible = true;
    for (let i = 0; i < segments.length && compatible; i++) {
      const mine = segments[i]!;
      const their = theirs[i]!;
      const mineParam = /^\{.+\}$/.test(mine);
      const theirParam = /^\{.+\}$/.test(their);
      if (mineParam && !theirParam) {
        if (conflict) compatible = false; // two differences: no single value reaches the other path
        else conflict = { name: mine.slice(1, -1), literal: their };
      } else if (!mineParam && !theirParam && mine !== their) {
        compatible = false;
      }
    }
    if (compatible && conflict) (reserved[conflict.name] ??= []).push(conflict.literal);
  }
  return reserved;
}

/** A schema that admits only `{}`. */
function isEmptyObject(schema: Json): boolean {
  const noProperties = Object.keys((schema.properties ?? {}) as Json).length === 0;
  return schema.type === 'object' && noProperties && (schema.maxProperties === 0 || schema.additionalProperties === false);
}

function successOf(spec: Json, op: Json, at: string): { status: number; body: 'json' | 'empty' | 'none'; schema: Json | undefined } {
  const statuses = Object.keys(op.responses as Json).filter((s) => /^2\d\d$/.test(s)).sort();
  if (statuses.length === 0) throw new Error(`${at}: no 2xx response`);
  const response = resolveRef(spec, (op.responses as Json)[statuses[0]!]);
  const content = (response.content ?? {}) as Json;
  const types = Object.keys(content);
  if (types.length > 0 && !types.includes('application/json')) throw new Error(`${at}: success body must be application/json`);
  const media = content['application/json'] as Json | undefined;
  const schema = media?.schema ? resolveRef(spec, media.schema) : undefined;
  const body = media === undefined ? 'none' : schema && isEmptyObject(schema) ? 'empty' : 'json';
  return { status: Number(statuses[0]), body, schema };
}

function pagingOf(spec: Json, params: ParameterRule[], success: Json | undefined): OperationRule['paging'] {
  const offset = params.find((p) => p.in === 'query' && p.name === 'offset');
  const limit = params.find((p) => p.in === 'query' && p.name === 'limit');
  if (!offset || !limit || !success) return undefined;
  const props = Object.entries((success.properties ?? {}) as Json).map(([name, s]) => [name, resolveRef(spec, s)] as const);
  const arrays = props.filter(([, s]) => s.type === 'array');
  const total = props.find(([name, s]) => (name === 'count' || name === 'total') && s.type === 'integer');
  if (arrays.length !== 1 || !total) return undefined;
  return { offset: offset.name, limit: limit.name, items: arrays[0]![0], total: total[0] };
}

export function buildModel(spec: Json): Model {
  const compiler = new SchemaCompiler(spec);
  const parameters: Record<string, ParameterRule> = {};
  const operations: Record<string, OperationRule> = {};
  const docs: Record<string, OperationDoc> = {};
  let arrayStyle: Model['arrayStyle'];
  const paths = Object.keys((spec.paths ?? {}) as Json);
  const entries: [string, string, Json, Json][] = [];
  for (const path of paths) {
    const item = resolveRef(spec, (spec.paths as Json)[path]);
    for (const method of METHODS) if (item[method]) entries.push([path, method, item, item[method] as Json]);
  }
  entries.sort((a, b) => String(a[3].operationId).localeCompare(String(b[3].operationId)));

  for (const [path, method, item, op] of entries) {
    const id = op.operationId;
    const at = `${method.toUpperCase()} ${path}`;
    if (typeof id !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(id)) throw new Error(`${at}: operationId must be lowerCamel`);
    if (id in operations) throw new Error(`${at}: duplicate operationId ${id}`);
    // Operation-level parameters override path-level ones of the same name and location.
    const byName = new Map<string, string>();
    for (const raw of [...((item.parameters ?? []) as unknown[]), ...((op.parameters ?? []) as unknown[])]) {
      const p = resolveRef(spec, raw);
      const key = parameterKey(spec, raw);
      if (p.in !== 'path' && p.in !== 'query') throw new Error(`${at}: parameter ${String(p.name)} in ${String(p.in)} is not supported by the client`);
      if (!(key in parameters)) {
        const rule: ParameterRule = {
          name: String(p.name),
          field: camel(String(p.name)),
          in: p.in,
          required: p.required === true,
          schema: compiler.compile(p.schema ?? {}, `${at} parameter ${String(p.name)}`),
        };
        if (p.style !== undefined) rule.style = String(p.style);
        if (p.explode !== undefined) rule.explode = p.explode === true;
        if (rule.in === 'query' && resolveRef(spec, p.schema ?? {}).type === 'array') {
          const style = { style: rule.style ?? 'form', explode: rule.explode ?? true };
          if (arrayStyle && (arrayStyle.style !== style.style || arrayStyle.explode !== style.explode)) {
            throw new Error(`${at}: array query parameters must share one style (the raw client's serializer is global)`);
          }
          if (style.style !== 'form') throw new Error(`${at}: only style "form" is supported for array query parameters`);
          arrayStyle = style;
        }
        parameters[key] = rule;
      }
      byName.set(`${p.in}:${String(p.name)}`, key);
    }
    const paramKeys = [...byName.values()];
    const rules = paramKeys.map((k) => parameters[k]!);
    for (const name of path.match(/\{[^}]+\}/g) ?? []) {
      if (!rules.some((r) => r.in === 'path' && `{${r.name}}` === name)) throw new Error(`${at}: path parameter ${name} is not declared`);
    }
    const fields = new Set<string>();
    for (const r of rules) {
      if (r.field === 'body' || fields.has(r.field)) throw new Error(`${at}: two inputs would be called "${r.field}"`);
      fields.add(r.field);
    }

    let body: OperationRule['body'];
    let bodyDoc: OperationDoc['body'];
    if (op.requestBody) {
      const rb = resolveRef(spec, op.requestBody);
      const content = (rb.content ?? {}) as Json;
      const media = content['application/json'] as Json | undefined;
      if (!media || Object.keys(content).length !== 1) throw new Error(`${at}: request body must be application/json only`);
      body = { required: rb.required === true, schema: compiler.compile(media.schema ?? {}, `${at} request body`) };
      const examples: Record<string, unknown> = {};
      for (const [name, ex] of Object.entries((media.examples ?? {}) as Json)) examples[name] = resolveRef(spec, ex).value;
      const schema = resolveRef(spec, media.schema ?? {});
      const required = new Set((schema.required ?? []) as string[]);
      const properties: NonNullable<OperationDoc['body']>['properties'] = {};
      for (const [name, raw] of Object.entries((schema.properties ?? {}) as Json)) {
        const prop = resolveRef(spec, raw);
        properties[name] = {
          ...(typeof prop.type === 'string' ? { type: prop.type } : {}),
          description: String(prop.description ?? '').trim(),
          required: required.has(name),
          ...(Array.isArray(prop.enum) ? { enum: prop.enum } : {}),
        };
      }
      bodyDoc = { description: String(rb.description ?? ''), properties, examples };
    }

    const success = successOf(spec, op, at);
    const responses: OperationDoc['responses'] = {};
    const missing: string[] = [];
    for (const [status, raw] of Object.entries(op.responses as Json)) {
      const examples: Record<string, string | null> = {};
      for (const m of Object.values((resolveRef(spec, raw).content ?? {}) as Json)) {
        for (const [name, ex] of Object.entries(((m as Json).examples ?? {}) as Json)) {
          const value = resolveRef(spec, ex).value as Json | undefined;
          const code = typeof value?.error_code === 'string' ? value.error_code : null;
          examples[name] = code;
          if (status === '400' && code !== null && name.endsWith('NotFound') && !missing.includes(code)) missing.push(code);
        }
      }
      responses[status] = { examples };
    }

    const rule: OperationRule = {
      method: method.toUpperCase(),
      path,
      params: paramKeys,
      success: { status: success.status, body: success.body },
      missing,
    };
    if (body) rule.body = body;
    const reserved = reservedValues(path, paths);
    if (Object.keys(reserved).length > 0) rule.reserved = reserved;
    const paging = pagingOf(spec, rules, success.schema);
    if (paging) rule.paging = paging;
    operations[id] = rule;

    const parameterDocs: OperationDoc['parameters'] = {};
    for (const raw of [...((item.parameters ?? []) as unknown[]), ...((op.parameters ?? []) as unknown[])]) {
      const p = resolveRef(spec, raw);
      const s = resolveRef(spec, p.schema ?? {});
      const itemsSchema = s.items ? resolveRef(spec, s.items) : undefined;
      parameterDocs[String(p.name)] = {
        in: String(p.in),
        required: p.required === true,
        description: String(p.description ?? '').trim(),
        ...(s.default !== undefined ? { default: s.default } : {}),
        ...(Array.isArray(s.enum) ? { enum: s.enum } : Array.isArray(itemsSchema?.enum) ? { enum: itemsSchema.enum } : {}),
        ...(typeof s.type === 'string' ? { type: s.type } : {}),
      };
    }
    docs[id] = {
      summary: String(op.summary ?? ''),
      description: String(op.description ?? '').trim(),
      tags: (op.tags ?? []) as string[],
      parameters: parameterDocs,
      ...(bodyDoc ? { body: bodyDoc } : {}),
      responses,
    };
  }
  return { parameters, schemas: compiler.named, operations, docs, arrayStyle };
}

const json = (value: unknown, indent = 2): string => JSON.stringify(value, null, indent);
const comment = (text: string): string => text.replace(/\*\//g, '*\\/');

function jsdoc(lines: string[], indent: string): string {
  const body = lines.flatMap((l) => l.split('\n')).map((l) => comment(l).trimEnd());
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

/** The first paragraph of a description: enough for a hover, the rest is in the docs. */
const firstParagraph = (text: string): string => text.split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ').trim();

function renderInputType(id: string, rule: OperationRule, model: Model): { name: string; text: string; optional: boolean } {
  const name = `${pascal(id)}Input`;
  const doc = model.docs[id]!;
  const lines: string[] = [];
  let optional = true;
  for (const key of rule.params) {
    const p = model.parameters[key]!;
    const pdoc = doc.parameters[p.name];
    const isProject = p.in === 'path' && p.name === 'project_id';
    const required = p.required && !isProject;
    if (required) optional = false;
    const help = [firstParagraph(pdoc?.description ?? '')];
    if (isProject) help.push('Default: the client\'s project (its `projectId` option or HUAWEICLOUD_SDK_PROJECT_ID).');
    if (pdoc?.default !== undefined) help.push(`@defaultValue ${JSON.stringify(pdoc.default)} (applied by the service when omitted)`);
    const source = p.in === 'path' ? 'path' : 'query';
    const type = `${source === 'path' ? 'PathOf' : 'QueryOf'}<${json(id)}>[${json(p.name)}]`;
    lines.push(jsdoc(help.filter(Boolean), '  ') + `  ${p.field}${required ? '' : '?'}: ${type};`);
  }
  if (rule.body) {
    if (rule.body.required) optional = false;
    const bdoc = doc.body?.description ? [firstParagraph(doc.body.description)] : ['The JSON request body, in the wire format of the spec.'];
    lines.push(jsdoc(bdoc, '  ') + `  body${rule.body.required ? '' : '?'}: BodyOf<${json(id)}>;`);
  }
  const text = `${jsdoc([`Input of \`${id}\`: path and query parameters in camelCase, the JSON body as \`body\`.`], '')}export interface ${name} {\n${lines.join('\n')}\n}\n`;
  return { name, text, optional };
}

function renderMethod(id: string, rule: OperationRule, model: Model, input: { name: string; optional: boolean }): string {
  const doc = model.docs[id]!;
  const about = [doc.summary, '', firstParagraph(doc.description), '', `\`${rule.method} ${rule.path}\``];
  const result = `OperationTypes[${json(id)}]['data']`;
  const param = `input: ${input.name}${input.optional ? ' = {}' : ''}`;
  let out: string;
  if (rule.missing.length > 0) {
    about.push('', `With \`ignoreMissing: true\`, ${rule.missing.map((c) => `\`${c}\``).join(' or ')} resolves with \`{ missing: true }\` instead of rejecting.`);
    out =
      jsdoc([...about, '', '@returns the decoded success body as `data`, with `status`, `requestId` and `attempts`.'], '  ') +
      `  ${id}<O extends MissingCallOptions = {}>(${param}, options?: O): Promise<WithMissing<${result}, O>> {\n` +
      `    return this.call(${json(id)}, input, options) as Promise<WithMissing<${result}, O>>;\n  }\n`;
  } else {
    out =
      jsdoc([...about, '', '@returns the decoded success body as `data`, with `status`, `requestId` and `attempts`.'], '  ') +
      `  ${id}(${param}, options?: CallOptions): Promise<ApiResult<${result}>> {\n` +
      `    return this.call(${json(id)}, input, options) as Promise<ApiResult<${result}>>;\n  }\n`;
  }
  if (rule.paging) {
    const p = rule.paging;
    out +=
      '\n' +
      jsdoc(
        [
          `Every item of \`${id}\` across all pages (\`${p.items}\`), fetching a page only when the previous one is consumed`,
          `and stopping at the reported \`${p.total}\`. \`${camel(p.limit)}\` sets the page size (default: the largest the spec allows).`,
        ],
        '  ',
      ) +
      `  ${id}All(input: Omit<${input.name}, ${json(camel(p.offset))}>${input.optional ? ' = {}' : ''}, options?: CallOptions): AsyncIterableIterator<OperationTypes[${json(id)}]['item']> {\n` +
      `    return this.paginate(${json(id)}, input, options) as AsyncIterableIterator<OperationTypes[${json(id)}]['item']>;\n  }\n`;
  }
  return out;
}

export function renderClientModule(spec: Json, note: string): string {
  const model = buildModel(spec);
  const ids = Object.keys(model.operations);
  const inputs = ids.map((id) => ({ id, ...renderInputType(id, model.operations[id]!, model) }));
  const typeMap = ids
    .map((id) => {
      const rule = model.operations[id]!;
      const data = rule.success.body !== 'none'
        ? `OperationResponses<${json(id)}>[${rule.success.status}]['content']['application/json']`
        : 'undefined';
      const item = rule.paging ? `NonNullable<${data}[${json(rule.paging.items)}]>[number]` : 'never';
      return `  ${id}: { input: ${pascal(id)}Input; data: ${data}; item: ${item} };`;
    })
    .join('\n');
  const pageable = ids.filter((id) => model.operations[id]!.paging);
  const methods = ids.map((id, i) => renderMethod(id, model.operations[id]!, model, inputs[i]!)).join('\n');
  const querySerializer = model.arrayStyle ? `{ array: ${json(model.arrayStyle, 0)} }` : 'undefined';

  return `// ${note}
import createClient from 'openapi-fetch';
import type { Client, ClientOptions } from 'openapi-fetch';
import type { ApiResult, CallOptions, MissingCallOptions, MissingResult, WithMissing } from '../src/call.ts';
import type { operations as operationTypes, paths } from './types.ts';

export type { paths, components, operations as operationTypes } from './types.ts';

/** The raw openapi-fetch client over every path of the spec. */
export type RawClient = Client<paths>;

/**
 * Creates the raw openapi-fetch client, serialising array query parameters the way the spec
 * says (openapi-fetch's serializer is one for the whole client).
 */
export function createRawClient(options?: ClientOptions): RawClient {
  return createClient<paths>({ querySerializer: ${querySerializer}, ...options });
}

/** Every path and query parameter of the spec, with the rules src/validate.ts enforces. */
export const parameters = ${json(model.parameters)} as const;

/** The named request-side schemas, in the subset src/validate.ts enforces. */
export const schemas = ${json(model.schemas)} as const;

/**
 * Every operation: method, path template, its parameters (keys of \`parameters\`), its body
 * rules, its success status, the error codes \`ignoreMissing\` accepts, the values a path
 * parameter may not take (a literal sibling path would answer) and its paging fields.
 */
export const operations = {
${ids.map((id) => `  ${id}: ${json(model.operations[id]!).replace(/\n/g, '\n  ')},`).join('\n')}
} as const;

export type OperationId = keyof typeof operations;
/** The operations that page with offset and limit, and have an \`<operationId>All\` iterator. */
export type PageableOperationId = ${pageable.length > 0 ? pageable.map((id) => json(id)).join(' | ') : 'never'};

type PathOf<K extends OperationId> = NonNullable<operationTypes[K]['parameters']['path']>;
type QueryOf<K extends OperationId> = NonNullable<operationTypes[K]['parameters']['query']>;
type BodyOf<K extends OperationId> = NonNullable<operationTypes[K]['requestBody']> extends { content: { 'application/json': infer B } } ? B : never;
type OperationResponses<K extends OperationId> = operationTypes[K]['responses'];

${inputs.map((i) => i.text).join('\n')}
/** For each operation: its input, its decoded success body, and (when it pages) one item. */
export interface OperationTypes {
${typeMap}
}

/**
 * One typed method per operation of the spec. Each is a single call into the generic core
 * (src/call.ts), which validates, serialises, signs, retries, maps errors and decodes.
 */
export abstract class ProcessorTasksOperations {
  /** The generic core: calls any operation by its operationId. */
  abstract call<K extends OperationId>(id: K, input: OperationTypes[K]['input'], options?: MissingCallOptions): Promise<ApiResult<OperationTypes[K]['data']> | MissingResult>;
  /** Every item of a pageable operation, page after page. */
  abstract paginate<K extends PageableOperationId>(id: K, input: Omit<OperationTypes[K]['input'], 'offset'>, options?: CallOptions): AsyncIterableIterator<OperationTypes[K]['item']>;

${methods}}
`;
}

export function renderDocsModule(spec: Json, note: string): string {
  const model = buildModel(spec);
  return `// ${note}
// What people read about each operation: summary, description, parameter help and defaults,
// and the named examples of requests and responses. The CLI's help and the tests use it; the
// client itself does not import it.

export const operationDocs = ${json(model.docs)} as const;

export type DocumentedOperationId = keyof typeof operationDocs;
`;
}
