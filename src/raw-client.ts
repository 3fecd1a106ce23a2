// `client.raw`: the generated openapi-fetch client over every path of the spec, held to the
// same guarantees as the typed methods. Each call is checked before openapi-fetch sees it
// (its parameters and body read once, validated by the spec's rules under the names the
// caller wrote, `path.task_id`), and per-call options that would change where the request
// goes or what sends it are refused: `baseUrl` (other than the client's), `fetch`, `Request`,
// `middleware` and `pathSerializer`. Middleware registered with `raw.use()` still runs; the
// transport beneath then checks that the request it is handed is the one that was checked
// (same method, origin and path), so nothing can steer a signed request elsewhere.
import { randomUUID } from 'node:crypto';
import type { Client } from 'openapi-fetch';
import { createRawClient, type OperationId, type RawClient } from '../generated/client.ts';
import { projectOf } from './call.ts';
import { ValidationError } from './errors.ts';
import { CallSecrets } from './redaction.ts';
import { fillPath } from './serialize.ts';
import type { Send } from './transport.ts';
import { checkInput, OPERATIONS, type OperationRule } from './validate.ts';

/** Carries the id of a checked call from the wrapper to the transport; never sent. */
const CALL_HEADER = 'x-modelarts-processor-tasks-call';
const REFUSED_OPTIONS = ['fetch', 'Request', 'middleware', 'pathSerializer'] as const;
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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(what, 'must be an object');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = (value as Record<string, unknown>)[key];
  return out;
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
        throw new ValidationError('raw', `a middleware changed the request to ${request.method} ${url.origin}${url.pathname}; refused, nothing was sent`);
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

  function guard(method: string, schemaPath: unknown, init: unknown): Promise<unknown> {
    const route = typeof schemaPath === 'string' ? byRoute.get(`${method.toUpperCase()} ${schemaPath}`) : undefined;
    if (route === undefined) {
      throw new ValidationError('path', `${method} ${String(schemaPath)} is not an operation of the spec`);
    }
    const [, op] = route;
    const options = readOnce(init, 'init');
    for (const name of REFUSED_OPTIONS) {
      if (options[name] !== undefined) throw new ValidationError(`init.${name}`, 'is refused: it could send the request elsewhere or unsigned; configure the client instead');
    }
    if (options.baseUrl !== undefined && String(options.baseUrl).replace(/\/+$/, '') !== config.endpoint) {
      throw new ValidationError('init.baseUrl', 'must be the client\'s endpoint (or left out): set `endpoint` on the client to call another host');
    }
    const params = readOnce(options.params, 'params');
    const path = readOnce(params.path, 'params.path');
    const query = readOnce(params.query, 'params.query');
    const checked = checkInput(
      op,
      (p) => (p.in === 'path' ? (p.name === 'project_id' ? projectOf(path[p.name], config.projectId) : path[p.name]) : query[p.name]),
      { given: 'body' in options, value: options.body },
      'raw',
      { secrets: config.secrets },
    );
    const id = randomUUID();
    pending.set(id, { method: op.method, url: config.endpoint + fillPath(op.path, checked.path), projectId: checked.path.project_id });
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set(CALL_HEADER, id);
    const call = (inner as unknown as Record<string, (p: string, i: unknown) => Promise<unknown>>)[op.method]!;
    const sent = call(op.path, {
      ...options,
      baseUrl: undefined,
      headers,
      params: { ...params, path: checked.path, query: checked.query },
      ...(checked.body === undefined ? {} : { body: checked.body }),
    });
    return sent.finally(() => pending.delete(id));
  }

  const raw = { ...inner } as Record<string, unknown>;
  for (const method of METHOD_NAMES) {
    raw[method] = (schemaPath: unknown, init?: unknown) => {
      try {
        return guard(method, schemaPath, init);
      } catch (err) {
        return Promise.reject(err);
      }
    };
  }
  raw.request = (method: unknown, schemaPath: unknown, init?: unknown) => {
    try {
      return guard(String(method).toUpperCase(), schemaPath, init);
    } catch (err) {
      return Promise.reject(err);
    }
  };
  return raw as unknown as Client<never> as RawClient;
}
