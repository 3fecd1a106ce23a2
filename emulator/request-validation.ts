// Routing and request validation against the bundled spec, with Prism's own router and
// validator (the engine behind the contract mock): the emulator and the mock agree on which
// operation a request names and on what is bad input, and neither hand-writes a schema check.
// Prism exports these two only from its dist folders; its version is pinned by `overrides`.
import { createRequire } from 'node:module';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';

const require = createRequire(import.meta.url);

interface Diagnostic {
  message: string;
  path?: (string | number)[];
  code?: string | number;
}
type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };
interface PrismRequest {
  method: string;
  url: { path: string; query: Record<string, string | string[]> };
  headers: Record<string, string>;
  body?: unknown;
}

const route = (require('@stoplight/prism-http/dist/router/index.js') as {
  default: (input: { resources: IHttpOperation[]; input: PrismRequest }) => Either<Error, IHttpOperation>;
}).default;
const { validateInput } = require('@stoplight/prism-http/dist/validator/index.js') as {
  validateInput: (input: { resource: IHttpOperation; element: PrismRequest }) => Either<Diagnostic[], PrismRequest>;
};
const { validateOutput } = require('@stoplight/prism-http/dist/validator/index.js') as {
  validateOutput: (input: {
    resource: IHttpOperation;
    element: { statusCode: number; headers: Record<string, string>; body?: unknown };
  }) => Either<Diagnostic[], unknown>;
};

export interface Operation {
  operationId: string;
  method: string;
  /** The spec's path template, e.g. `/v2/{project_id}/processor-tasks/{task_id}`. */
  path: string;
  resource: IHttpOperation;
}

export interface ReceivedForValidation {
  method: string;
  /** Raw path, as received (still percent-encoded). */
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** Decoded JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
}

export type RouteResult = { ok: true; operation: Operation; params: Record<string, string> } | { ok: false; reason: string };

export interface SpecValidator {
  operations: readonly Operation[];
  route(method: string, rawPath: string): RouteResult;
  /** Human-readable problems, empty when the request is valid. */
  validate(operation: Operation, request: ReceivedForValidation): string[];
  validateResponse(operation: Operation, status: number, headers: Record<string, string>, body: unknown): string[];
}

function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

function describe(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => d.message);
}

/** Path parameters of a matched template, still percent-encoded as received. */
function pathParams(template: string, rawPath: string): Record<string, string> {
  const names = template.split('/');
  const values = rawPath.split('/');
  const out: Record<string, string> = {};
  names.forEach((segment, i) => {
    const m = /^\{(.+)\}$/.exec(segment);
    if (m) out[m[1]!] = values[i] ?? '';
  });
  return out;
}

export async function loadSpecValidator(specPath: string): Promise<SpecValidator> {
  const resources = await getHttpOperationsFromSpec(specPath);
  if (resources.length === 0) throw new Error(`no operations in ${specPath}`);
  const operations = resources.map((resource) => {
    if (!resource.iid) throw new Error(`${resource.method.toUpperCase()} ${resource.path} has no operationId`);
    return { operationId: resource.iid, method: resource.method.toUpperCase(), path: resource.path, resource };
  });
  const byResource = new Map(operations.map((o) => [o.resource, o]));

  return {
    operations,
    route(method, rawPath) {
      const result = route({ resources, input: { method: method.toLowerCase(), url: { path: rawPath, query: {} }, headers: {} } });
      if (result._tag === 'Left') return { ok: false, reason: result.left.message };
      const operation = byResource.get(result.right)!;
      return { ok: true, operation, params: pathParams(operation.path, rawPath) };
    },
    validate(operation, request) {
      const element: PrismRequest = {
        method: request.method.toLowerCase(),
        url: { path: request.rawPath, query: queryRecord(request.query) },
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      };
      const result = validateInput({ resource: operation.resource, element });
      return result._tag === 'Left' ? describe(result.left) : [];
    },
    validateResponse(operation, status, headers, body) {
      const result = validateOutput({ resource: operation.resource, element: { statusCode: status, headers, ...(body === undefined ? {} : { body }) } });
      return result._tag === 'Left' ? describe(result.left) : [];
    },
  };
}
