// Renders generated/client.ts from the bundled spec: one typed function per operationId,
// a factory for the raw openapi-fetch client, and a table of every operation's documented
// responses. Adding an operation to openapi/ adds its function here with no hand edits.
type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function resolveRef(spec: Json, node: unknown): Json {
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

export interface ParameterRule {
  in: string;
  required: boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  description: string;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  parameters: Record<string, ParameterRule>;
  responses: Record<string, { examples: Record<string, string | null> }>;
}

function parameterRules(spec: Json, ...lists: unknown[]): Record<string, ParameterRule> {
  const rules: Record<string, ParameterRule> = {};
  for (const list of lists) {
    for (const raw of (list ?? []) as unknown[]) {
      const p = resolveRef(spec, raw);
      const schema = resolveRef(spec, p.schema ?? {});
      rules[String(p.name)] = {
        in: String(p.in),
        required: p.required === true,
        ...(typeof schema.pattern === 'string' ? { pattern: schema.pattern } : {}),
        ...(typeof schema.minLength === 'number' ? { minLength: schema.minLength } : {}),
        ...(typeof schema.maxLength === 'number' ? { maxLength: schema.maxLength } : {}),
        description: String(p.description ?? '').split('\n')[0]!,
      };
    }
  }
  return rules;
}

export function listOperations(spec: Json): OperationInfo[] {
  const ops: OperationInfo[] = [];
  for (const [path, rawItem] of Object.entries((spec.paths ?? {}) as Json)) {
    const item = resolveRef(spec, rawItem);
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      if (typeof op.operationId !== 'string') throw new Error(`${method} ${path} has no operationId`);
      const responses: OperationInfo['responses'] = {};
      for (const [status, rawResponse] of Object.entries(op.responses as Json)) {
        const examples: Record<string, string | null> = {};
        for (const media of Object.values((resolveRef(spec, rawResponse).content ?? {}) as Json)) {
          for (const [name, rawExample] of Object.entries(((media as Json).examples ?? {}) as Json)) {
            const value = resolveRef(spec, rawExample).value as Json | undefined;
            examples[name] = typeof value?.error_code === 'string' ? value.error_code : null;
          }
        }
        responses[status] = { examples };
      }
      ops.push({
        operationId: op.operationId,
        method,
        path,
        summary: String(op.summary ?? ''),
        parameters: parameterRules(spec, item.parameters, op.parameters),
        responses,
      });
    }
  }
  return ops.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

/**
 * A function that fills the path template, each value percent-encoded: the typed client's
 * fast path, which skips openapi-fetch's Request building once the values are validated.
 */
function renderPathFunction(op: OperationInfo): string {
  const names = Object.entries(op.parameters).filter(([, p]) => p.in === 'path').map(([name]) => name);
  const filled = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => `\${encodeURIComponent(path[${JSON.stringify(name)}])}`);
  const param = names.length > 0 ? `path: operationTypes[${JSON.stringify(op.operationId)}]['parameters']['path']` : '';
  return `
/** The path of \`${op.operationId}\` with its path parameters filled in, percent-encoded. */
export function ${op.operationId}Path(${param}): string {
  return \`${filled}\`;
}
`;
}

export function renderClientModule(spec: Json, note: string): string {
  const ops = listOperations(spec);
  const table = ops
    .map((op) => {
      const entry = { method: op.method.toUpperCase(), path: op.path, parameters: op.parameters, responses: op.responses };
      return `  ${op.operationId}: ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ')},`;
    })
    .join('\n');
  const functions = ops
    .map(
      (op) => `
/**
 * ${op.summary}
 *
 * \`${op.method.toUpperCase()} ${op.path}\`
 */
export function ${op.operationId}(
  client: RawClient,
  init: MaybeOptionalInit<paths[${JSON.stringify(op.path)}], ${JSON.stringify(op.method)}>,
) {
  return client.${op.method.toUpperCase()}(${JSON.stringify(op.path)}, init);
}
${renderPathFunction(op)}`,
    )
    .join('');
  return `// ${note}
import createClient from 'openapi-fetch';
import type { Client, ClientOptions, MaybeOptionalInit } from 'openapi-fetch';
import type { operations as operationTypes, paths } from './types.js';

export type { paths, components, operations as operationTypes } from './types.js';

/** The raw openapi-fetch client over every path of the spec. */
export type RawClient = Client<paths>;

/** Creates the raw openapi-fetch client, for calls the typed functions below do not cover. */
export function createRawClient(options?: ClientOptions): RawClient {
  return createClient<paths>(options);
}

/**
 * Every operation of the spec: method, path template, the rules of its parameters (what the
 * client validates before sending), and for each documented status the named examples with
 * the \`error_code\` each one shows (null for a success body).
 */
export const operations = {
${table}
} as const;

export type OperationId = keyof typeof operations;
${functions}`;
}
