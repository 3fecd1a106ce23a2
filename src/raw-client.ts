// `client.raw`: the generated openapi-fetch client over every path of the spec, held to the
// same guarantees as the typed methods. Each call is checked before openapi-fetch sees it
// (its parameters and body read once, validated by the spec's rules under the names the
// caller wrote, `path.task_id`), and per-call options that would change where the request
// goes, what sends it or what it carries after the check are refused: `baseUrl` (other than
// the client's), `fetch`, `Request`, `middleware`, `pathSerializer`, `querySerializer` and
// `bodySerializer`; the checked body is sent as JSON whatever Content-Type the caller sets
// (openapi-fetch would form-encode it for one). Arguments of the wrong type (a method or path
// that is not a string, headers Headers would refuse) are ValidationErrors too. Middleware
// registered with `raw.use()` still runs; the transport beneath then checks that the request
// it is handed is the one that was checked (same method, origin and path), so nothing can
// steer a signed request elsewhere. No message quotes a credential.
import { randomUUID } from 'node:crypto';
import type { Client } from 'openapi-fetch';
import { createRawClient, type OperationId, type RawClient } from '../generated/client.ts';
import { projectOf } from './call.ts';
import { ValidationError } from './errors.ts';
import { CallSecrets, redact } from './redaction.ts';
import { fillPath } from './serialize.ts';
import type { Send } from './transport.ts';
import { checkInput, OPERATIONS, ownFields, PARAMETERS, type OperationRule } from './validate.ts';

/** Carries the id of a checked call from the wrapper to the transport; never sent. */
const CALL_HEADER = 'x-modelarts-processor-tasks-call';
const REFUSED_OPTIONS = ['fetch', 'Request', 'middleware', 'pathSerializer', 'querySerializer', 'bodySerializer'] as const;
const METHOD_NAMES = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
// Null-body statuses: a Response cannot be built with a body for them.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

interface Expected {
  method: string;
  url: string;
  projectId: string | undefined;
}

const byRoute = new Map<string, [OperationId, OperationRule]>(
  Object.entries(OPERATIONS).map(([id, op]) => [`${op.method} ${op.path}`, [id as OperationId, op]]),
);

export interface RawConfig {
  endpoint: string;
  projectId: string | undefined;
  send: Send;
  secrets: readonly string[];
}

function readOnce(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined) return {};
  const proto = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
  // A boxed string or a Map has keys too, which would be read as options named "0" or none at all.
  if (proto !== Object.prototype && proto !== null) throw new ValidationError(what, 'must be a plain object');
  return ownFields(value as object);
}

/** Headers from what the caller gave, or a ValidationError naming where (the value is not shown: it may be a credential). */
function headersOf(value: unknown, what: string): Headers {
  if (value === undefined) return new Headers();
  try {
    return new Headers(value as HeadersInit);
  } catch {
    throw new ValidationError(what, 'must be header names and values of visible Latin-1 text without line breaks (the value is not shown)');
  }
}

/** Each operation's path and query parameter names, by wire name. */
const NAMES = new Map<OperationRule, Record<'path' | 'query', readonly string[]>>(
  Object.values(OPERATIONS).map((op) => {
    const of = (where: 'path' | 'query') => op.params.map((key) => PARAMETERS[key]!).filter((p) => p.in === where).map((p) => p.name);
    return [op, { path: of('path'), query: of('query') }];
  }),
);

/**
 * A name the operation has no parameter for is refused, as the typed door refuses an unknown
 * field: a typo (`sortby`) must be an error, not a value silently left out of the request.
 */
function refuseUnknown(op: OperationRule, where: 'path' | 'query', given: Record<string, unknown>, secrets: readonly string[]): void {
  const known = NAMES.get(op)![where];
  for (const name of Object.keys(given)) {
    if (given[name] === undefined || known.includes(name)) continue;
    // The name is the caller's, which must not be quoted if it is a credential.
    throw new ValidationError(`${where}.${redact(name, secrets)}`, `is not a ${where} parameter of ${op.method} ${op.path}${known.length > 0 ? ` (its ${where} parameters: ${known.join(', ')})` : ''}`);
  }
}

export function createGuardedRawClient(config: RawConfig): RawClient {
  const pending = new Map<string, Expected>();
  const clientSecrets = new CallSecrets(config.secrets);

  const inner = createRawClient({
    baseUrl: config.endpoint,
    fetch: async (request: Request) => {
      const id = request.headers.get(CALL_HEADER);
      const expected = id === null ? undefined : pending.get(id);
      if (expected === undefined) {
        throw new ValidationError('raw', 'request was not built by client.raw from a checked call (a middleware replaced it); nothing was sent');
      }
      const url = new URL(request.url);
      if (request.method !== expected.method || `${url.origin}${url.pathname}` !== expected.url) {
        const to = redact(`${request.method} ${url.origin}${url.pathname}`, config.secrets);
        throw new ValidationError('raw', `a middleware changed the request to ${to}; refused, nothing was sent`);
      }
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        if (name !== CALL_HEADER) headers[name] = value;
      });
      const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
      const ctx = { signal: request.signal, projectId: expected.projectId, attempts: 0, secrets: new CallSecrets(clientSecrets) };
      const received = await config.send({ method: request.method, url: request.url, headers, body }, ctx);
      return new Response(NULL_BODY.has(received.status) ? null : (received.body as BodyInit), {
        status: received.status,
        statusText: received.statusText,
        headers: received.headers,
      });
    },
  });

  function guard(method: unknown, schemaPath: unknown, init: unknown): Promise<unknown> {
    if (typeof method !== 'string') throw new ValidationError('method', `must be an HTTP method name, got ${typeof method}`);
    if (typeof schemaPath !== 'string') throw new ValidationError('path', `must be a path template of the spec, got ${typeof schemaPath}`);
    const route = byRoute.get(`${method.toUpperCase()} ${schemaPath}`);
    if (route === undefined) {
      throw new ValidationError('path', `${redact(`${method} ${schemaPath}`, config.secrets)} is not an operation of the spec`);
    }
    const [, op] = route;
    const options = readOnce(init, 'init');
    for (const name of REFUSED_OPTIONS) {
      if (options[name] !== undefined) throw new ValidationError(`init.${name}`, 'is refused: it could send the request elsewhere or unsigned; configure the client instead');
    }
    const baseUrl = options.baseUrl instanceof URL ? options.baseUrl.href : options.baseUrl;
    if (baseUrl !== undefined && (typeof baseUrl !== 'string' || baseUrl.replace(/\/+$/, '') !== config.endpoint)) {
      throw new ValidationError('init.baseUrl', 'must be the client\'s endpoint (or left out): set `endpoint` on the client to call another host');
    }
    const params = readOnce(options.params, 'params');
    const path = readOnce(params.path, 'params.path');
    const query = readOnce(params.query, 'params.query');
    refuseUnknown(op, 'path', path, config.secrets);
    refuseUnknown(op, 'query', query, config.secrets);
    const headers = headersOf(options.headers, 'init.headers');
    // Header parameters go with the headers, checked the same way (the spec defines none).
    headersOf(params.header, 'params.header').forEach((value, name) => headers.set(name, value));
    const checked = checkInput(
      op,
      (p) => (p.in === 'path' ? (p.name === 'project_id' ? projectOf(path[p.name], config.projectId) : path[p.name]) : query[p.name]),
      { given: 'body' in options, value: options.body },
      'raw',
      { secrets: config.secrets },
    );
    const id = randomUUID();
    pending.set(id, { method: op.method, url: config.endpoint + fillPath(op.path, checked.path), projectId: checked.path.project_id });
    headers.set(CALL_HEADER, id);
    const call = (inner as unknown as Record<string, (p: string, i: unknown) => Promise<unknown>>)[op.method]!;
    const sent = call(op.path, {
      ...options,
      baseUrl: undefined,
      headers,
      params: { path: checked.path, query: checked.query },
      bodySerializer: (body: unknown) => JSON.stringify(body),
      ...(checked.body === undefined ? {} : { body: checked.body }),
    });
    return sent.finally(() => pending.delete(id));
  }

  // Every method answers with a promise, a refusal included, as openapi-fetch's do.
  const guarded = (method: unknown, schemaPath: unknown, init: unknown): Promise<unknown> => {
    try {
      return guard(method, schemaPath, init);
    } catch (err) {
      return Promise.reject(err);
    }
  };
  const raw = { ...inner } as Record<string, unknown>;
  for (const method of METHOD_NAMES) raw[method] = (schemaPath: unknown, init?: unknown) => guarded(method, schemaPath, init);
  raw.request = guarded;
  return raw as unknown as Client<never> as RawClient;
}
