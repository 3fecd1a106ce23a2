// The HTTP side: one request in, one response out, through the same steps every time.
//   read the body (bounded) → route (404 APIGW.0101) → flow control (429) → authenticate
//   (401 APIGW.0301) → decode and validate against the spec (400 ModelArts.0101) → injected
//   failure (500) → the operation's handler → response, with a fresh X-Request-Id.
// Nothing a request carries can crash the process: every failure becomes an error response.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { authenticate, type AuthConfig } from './auth.ts';
import { decodeBody, readBody, BodyTooLarge } from './body.ts';
import { ServiceError, type ErrorCatalogue } from './error-responses.ts';
import type { Faults } from './faults.ts';
import { newRequestId } from './ids.ts';
import { HANDLERS, type OperationContext } from './operations.ts';
import { Query } from './paging.ts';
import type { SpecValidator } from './request-validation.ts';

export interface EmulatorStats {
  /** Requests received, whatever became of them. */
  requests: number;
  /** Requests per operationId, counted once routed. */
  byOperation: Record<string, number>;
  /** Responses per HTTP status. */
  byStatus: Record<number, number>;
  /** Responses that broke the spec (only with checkResponses). */
  responseViolations: string[];
}

export interface ServerParts {
  spec: SpecValidator;
  errors: ErrorCatalogue;
  faults: Faults;
  auth: AuthConfig;
  context: OperationContext;
  maxBodyBytes: number;
  checkResponses: boolean;
  now: () => number;
  log?: ((line: string) => void) | undefined;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

// After refusing an oversized body, what is still arriving is discarded (never kept) for a
// moment so the client can read the 400 instead of a reset, then the connection is closed.
const DRAIN_MS = 1_000;

export function createEmulatorServer(parts: ServerParts): { server: Server; stats: EmulatorStats } {
  const { spec, errors, faults, context } = parts;
  const stats: EmulatorStats = { requests: 0, byOperation: {}, byStatus: {}, responseViolations: [] };
  const missing = spec.operations.filter((o) => HANDLERS[o.operationId] === undefined);
  if (missing.length > 0) throw new Error(`the spec has operations the emulator does not serve: ${missing.map((o) => o.operationId).join(', ')}`);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = newRequestId();
    const started = performance.now();
    stats.requests++;
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    let operationId: string | undefined;
    let status = 500;
    let body: unknown;
    let extraHeaders: Record<string, string> = {};
    let closeAfter = false;
    try {
      await faults.delay();
      const raw = await readBody(req, parts.maxBodyBytes);
      const routed = spec.route(method, rawPath);
      if (!routed.ok) throw new ServiceError(404, 'APIGW.0101');
      const operation = routed.operation;
      operationId = operation.operationId;
      stats.byOperation[operationId] = (stats.byOperation[operationId] ?? 0) + 1;
      faults.throttle();
      const verdict = authenticate({ method, rawPath, rawQuery, headers: req.headers, body: raw }, parts.auth, parts.now());
      if (!verdict.ok) throw new ServiceError(401, 'APIGW.0301', verdict.reason);
      const decoded = decodeBody(raw, req.headers['content-type']);
      const query = new URLSearchParams(rawQuery);
      const problems = spec.validate(operation, { method, rawPath, query, headers: flatHeaders(req), body: decoded });
      if (problems.length > 0) throw new ServiceError(400, 'ModelArts.0101', problems.join('; '));
      faults.maybeFail();
      const params = Object.fromEntries(Object.entries(routed.params).map(([k, v]) => [k, decodeURIComponent(v)]));
      const reply = HANDLERS[operation.operationId]!({ params, query: new Query(query, operation), body: decoded, now: parts.now() }, context);
      status = reply.status;
      body = reply.body;
      if (parts.checkResponses) {
        const violations = spec.validateResponse(operation, status, { 'content-type': 'application/json', 'x-request-id': requestId }, body);
        for (const v of violations) stats.responseViolations.push(`${operationId} ${status}: ${v}`);
      }
    } catch (err) {
      const error = err instanceof ServiceError ? err : new ServiceError(500, 'ModelArts.0010');
      if (!(err instanceof ServiceError)) parts.log?.(`internal error on ${method} ${rawPath}: ${(err as Error)?.stack ?? String(err)}`);
      status = error.status;
      body = errors.body(error, requestId);
      extraHeaders = error.headers;
      closeAfter = err instanceof BodyTooLarge || !req.complete;
    }
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    const headers: Record<string, string> = { 'X-Request-Id': requestId, ...extraHeaders };
    if (closeAfter) headers.Connection = 'close';
    if (body === undefined) {
      res.writeHead(status, headers).end();
    } else {
      const text = JSON.stringify(body);
      res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
    }
    if (closeAfter) {
      req.resume();
      setTimeout(() => req.socket.destroy(), DRAIN_MS).unref();
    }
    parts.log?.(`${method} ${rawPath}${rawQuery ? `?${rawQuery}` : ''} → ${status}${operationId ? ` ${operationId}` : ''} ${(performance.now() - started).toFixed(1)} ms ${requestId}`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Only a failure to write the response gets here; the connection is beyond saving.
      parts.log?.(`could not answer: ${String(err)}`);
      res.destroy();
    });
  });
  // A malformed request line or headers: answer 400 and close, as Node would, without throwing.
  server.on('clientError', (_err, socket) => {
    stats.requests++;
    stats.byStatus[400] = (stats.byStatus[400] ?? 0) + 1;
    if (socket.writable) socket.end(`HTTP/1.1 400 Bad Request\r\nX-Request-Id: ${newRequestId()}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  return { server, stats };
}
