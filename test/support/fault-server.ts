// A loopback HTTP server that misbehaves on request, for the retry, timeout and cancellation
// tests. The task id in the path picks the scenario, so one server serves every case of a file
// and each case reads only its own counters. Every request is recorded with its headers (to
// check that each attempt is signed afresh) and with when its socket closed (to check that a
// cancelled call lets go of its connection). close() ends every socket and timer it made, so
// a test can count the process's active handles around a case.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';

export type Step =
  /** A TCP RST before any byte of the response (ECONNRESET on the client). */
  | { kind: 'reset' }
  /** A plain close before any byte of the response ("other side closed"). */
  | { kind: 'close' }
  /** Reads the request and never answers. */
  | { kind: 'hang' }
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: string | Buffer }
  /** Headers at once, then `chunk` every `everyMs` for `chunks` times. */
  | { kind: 'trickle'; status: number; chunk: string; everyMs: number; chunks: number }
  /** A body of `bytes` bytes, with or without a Content-Length. */
  | { kind: 'huge'; status: number; bytes: number; contentLength: boolean; headers?: Record<string, string> };

/** The step for the n-th (1-based) request of a scenario. */
export type Scenario = (n: number, req: IncomingMessage) => Step;

export interface RecordedRequest {
  taskId: string;
  /** 1-based index of this request within its scenario. */
  n: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
  /** performance.now() when the request (head and body) arrived. */
  at: number;
  /** Date.now() at the same moment, to compare with HTTP dates. */
  wallAt: number;
  /** performance.now() when the response was written, if it was. */
  answeredAt: number | undefined;
  /** Resolves when the request's socket closes. */
  closed: Promise<void>;
  isClosed(): boolean;
}

export const REQUEST_ID = 'fault-server-request-id';

// ---- steps and scenario builders -------------------------------------------------------

export const reset: Step = { kind: 'reset' };
export const closeSocket: Step = { kind: 'close' };
export const hang: Step = { kind: 'hang' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Step {
  return { kind: 'respond', status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function text(status: number, body: string, contentType = 'text/plain', headers: Record<string, string> = {}): Step {
  return { kind: 'respond', status, headers: { 'content-type': contentType, ...headers }, body };
}

export const ok: Step = json(200, {});

export function apiError(status: number, code: string, msg: string, headers: Record<string, string> = {}): Step {
  return json(status, { error_code: code, error_msg: msg }, headers);
}

/** The same step for every request. */
export function always(step: Step): Scenario {
  return () => step;
}

/** The steps in order; the last one repeats. */
export function sequence(...steps: Step[]): Scenario {
  return (n) => steps[Math.min(n, steps.length) - 1]!;
}

/** `count` times `step`, then `then` for ever. */
export function burst(count: number, step: Step, then: Step = ok): Scenario {
  return (n) => (n <= count ? step : then);
}

/** An HTTP date at least `minAheadMs` ahead, on a whole second (HTTP dates have no finer unit). */
export function httpDateAhead(minAheadMs: number): { header: string; epochMs: number } {
  const epochMs = Math.ceil((Date.now() + minAheadMs) / 1000) * 1000;
  return { header: new Date(epochMs).toUTCString(), epochMs };
}

const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n<script>var x = "<not a message>";</script>\r\n</body>\r\n</html>\r\n';

const MB = 1024 * 1024;

/**
 * The named scenarios: a request for task id `name` gets scenario `name`. Besides these,
 * `status-NNN` answers NNN with a ModelArts-style error body, and program() adds more.
 */
export const SCENARIOS: Record<string, Scenario> = {
  ok: always(ok),
  reset: always(reset),
  'reset-then-ok': sequence(reset, ok),
  'close-then-ok': sequence(closeSocket, ok),
  hang: always(hang),
  'burst503-2': burst(2, apiError(503, 'ModelArts.0010', 'service busy')),
  '503-forever': always(apiError(503, 'ModelArts.0010', 'service busy')),
  '429-seconds': burst(1, apiError(429, 'ModelArts.2799', 'too many requests', { 'retry-after': '1' })),
  '429-long': always(apiError(429, 'ModelArts.2799', 'too many requests', { 'retry-after': '10' })),
  // Computed per request: the date must be ahead of the moment the 429 is sent.
  '429-date': (n) => (n === 1 ? apiError(429, 'ModelArts.2799', 'too many requests', { 'retry-after': httpDateAhead(500).header }) : ok),
  'malformed-400': always(text(400, '{"error_code":"ModelArts.0101","error_msg":"bad argu', 'application/json')),
  'malformed-500': always(text(500, '{"error_code": "ModelArts.0010", "error_msg": "inter', 'application/json')),
  'malformed-200': always(text(200, '{"oops', 'application/json')),
  'empty-503': always({ kind: 'respond', status: 503, body: '' }),
  'empty-400': always({ kind: 'respond', status: 400, body: '' }),
  'html-502': always(text(502, HTML_502, 'text/html')),
  'huge-503': always({ kind: 'huge', status: 503, bytes: 5 * MB, contentLength: true, headers: { 'content-type': 'application/json' } }),
  'huge-503-chunked': always({ kind: 'huge', status: 503, bytes: 5 * MB, contentLength: false, headers: { 'content-type': 'application/json' } }),
  'huge-200': always({ kind: 'huge', status: 200, bytes: 5 * MB, contentLength: true, headers: { 'content-type': 'application/json' } }),
  'huge-200-chunked': always({ kind: 'huge', status: 200, bytes: 5 * MB, contentLength: false, headers: { 'content-type': 'application/json' } }),
  'slow-body': always({ kind: 'trickle', status: 200, chunk: ' ', everyMs: 50, chunks: 100 }),
  'slow-error-body': always({ kind: 'trickle', status: 503, chunk: ' ', everyMs: 50, chunks: 100 }),
  'camel-fields': always(json(403, { errorCode: 'IAM.0002', errorMsg: 'camelCase message' })),
  'code-message': always(json(500, { code: 'APIG.0201', message: 'plain code and message' })),
  'nested-error': always(json(404, { error: { code: 'APIG.0101', message: 'nested under error' } })),
};

// ---- the server -----------------------------------------------------------------------

export interface FaultServer {
  readonly url: string;
  /** The loopback server a `redirect` scenario points to. It must never be contacted. */
  readonly sink: { readonly url: string; hits(): number };
  /** Requests seen for `taskId` (every task id when omitted), in arrival order. */
  requests(taskId?: string): RecordedRequest[];
  count(taskId: string): number;
  /** Adds or replaces the scenario for `taskId`. */
  program(taskId: string, scenario: Scenario): void;
  /** Forgets recorded requests, counters and programmed scenarios. */
  clear(): void;
  /** Server-side sockets still open, of both servers: the part of the process's handles that is ours. */
  openSockets(): number;
  /** Path of the delete call for `taskId`. */
  path(taskId: string, projectId?: string): string;
  close(): Promise<void>;
}

const DEFAULT_PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';

function track(server: Server, sockets: Set<Socket>): void {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function shut(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export async function startFaultServer(): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const records: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  const programmed = new Map<string, Scenario>();
  let sinkHits = 0;

  const sink = createServer((req, res) => {
    sinkHits++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  track(sink, sockets);
  const sinkUrl = await listen(sink);

  function scenarioFor(taskId: string): Scenario {
    const found = programmed.get(taskId) ?? SCENARIOS[taskId];
    if (found) return found;
    if (taskId === 'redirect') {
      return always({ kind: 'respond', status: 302, headers: { location: `${sinkUrl}${serverPath('redirected')}` }, body: 'Found' });
    }
    const status = /^status-(\d{3})$/.exec(taskId);
    if (status) return always(apiError(Number(status[1]), `Test.${status[1]}`, `scripted ${status[1]}`));
    return always(apiError(404, 'APIGW.0101', `no scenario named ${taskId}`));
  }

  function serverPath(taskId: string, projectId = DEFAULT_PROJECT): string {
    return `/v2/${projectId}/processor-tasks/${taskId}`;
  }

  function perform(step: Step, req: IncomingMessage, res: ServerResponse, record: RecordedRequest): void {
    const answered = () => {
      record.answeredAt = performance.now();
    };
    // A client that gives up mid-body makes our writes fail; that is the point of the test.
    res.on('error', () => {});
    switch (step.kind) {
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'close':
        req.socket.destroy();
        return;
      case 'hang':
        return;
      case 'respond': {
        const body = step.body ?? '';
        res.writeHead(step.status, { 'x-request-id': REQUEST_ID, 'content-length': String(Buffer.byteLength(body)), ...step.headers });
        answered();
        res.end(body);
        return;
      }
      case 'trickle': {
        res.writeHead(step.status, { 'x-request-id': REQUEST_ID, 'content-type': 'application/json' });
        res.flushHeaders();
        answered();
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || sent >= step.chunks) {
            clearInterval(timer);
            timers.delete(timer);
            if (!res.destroyed) res.end('{}');
            return;
          }
          sent++;
          res.write(step.chunk);
        }, step.everyMs);
        timers.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return;
      }
      case 'huge': {
        const head = step.status >= 400 ? '{"error_code":"ModelArts.0010","error_msg":"' : '{"padding":"';
        const tail = '"}';
        const body = Buffer.alloc(step.bytes, 'x');
        body.write(head, 0);
        body.write(tail, step.bytes - tail.length);
        res.writeHead(step.status, {
          'x-request-id': REQUEST_ID,
          ...(step.contentLength ? { 'content-length': String(step.bytes) } : {}),
          ...step.headers,
        });
        answered();
        res.end(body);
        return;
      }
    }
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const taskId = /\/processor-tasks\/([^/?#]+)/.exec(url)?.[1] ?? '';
    const n = (counts.get(taskId) ?? 0) + 1;
    counts.set(taskId, n);
    let closed = false;
    const closedPromise = new Promise<void>((resolve) => {
      if (req.socket.destroyed) {
        closed = true;
        resolve();
      } else {
        req.socket.once('close', () => {
          closed = true;
          resolve();
        });
      }
    });
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
    });
    req.on('end', () => {
      const record: RecordedRequest = {
        taskId,
        n,
        method: req.method ?? '',
        url,
        headers: req.headers,
        bodyBytes,
        at: performance.now(),
        wallAt: Date.now(),
        answeredAt: undefined,
        closed: closedPromise,
        isClosed: () => closed,
      };
      records.push(record);
      perform(scenarioFor(taskId)(n, req), req, res, record);
    });
  });
  // Keep-alive sockets outliving a test would be counted as leaks by the handle checks.
  server.keepAliveTimeout = 1000;
  track(server, sockets);
  const url = await listen(server);

  return {
    url,
    sink: { url: sinkUrl, hits: () => sinkHits },
    requests: (taskId) => (taskId === undefined ? [...records] : records.filter((r) => r.taskId === taskId)),
    count: (taskId) => counts.get(taskId) ?? 0,
    program: (taskId, scenario) => {
      programmed.set(taskId, scenario);
    },
    clear: () => {
      records.length = 0;
      counts.clear();
      programmed.clear();
      sinkHits = 0;
    },
    path: serverPath,
    openSockets: () => sockets.size,
    async close() {
      for (const t of timers) clearInterval(t);
      timers.clear();
      await Promise.all([shut(server, sockets), shut(sink, sockets)]);
    },
  };
}

// ---- helpers for the tests ------------------------------------------------------------

export type Settled<T> = { ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number };

/** Waits for `promise` and says how it ended and how long it took (performance.now, ms). */
export async function settle<T>(promise: Promise<T> | (() => Promise<T>)): Promise<Settled<T>> {
  const started = performance.now();
  try {
    const value = await (typeof promise === 'function' ? promise() : promise);
    return { ok: true, value, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - started };
  }
}

/** The error of a call that must fail; throws when it succeeded. */
export async function failure(promise: Promise<unknown>): Promise<{ error: any; ms: number }> {
  const s = await settle(promise);
  if (s.ok) throw new Error(`expected a failure, got ${JSON.stringify(s.value)}`);
  return { error: s.error, ms: s.ms };
}

/** Counts of the process's active resources (those that keep the event loop alive), by type. */
export function activeResources(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) out[type] = (out[type] ?? 0) + 1;
  return out;
}

/**
 * Gives a test file its fault server (fresh counters for each test) and asserts, once the
 * server is closed, that no promise rejection went unhandled; `afterClose` runs after that.
 */
export function useFaultServer(assign: (server: FaultServer) => void, afterClose?: () => Promise<void>): void {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let server: FaultServer | undefined;
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startFaultServer();
    assign(server);
  });
  beforeEach(() => server?.clear());
  afterAll(async () => {
    await server?.close();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    await afterClose?.();
  });
}
