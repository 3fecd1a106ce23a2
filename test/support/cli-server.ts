// A loopback ModelArts stand-in for the CLI and bulk tests: counts requests and how many are
// in flight at once (each answer waits `delayMs`, so overlapping requests really overlap),
// and answers by task-id prefix. Unlike Prism it can refuse every request (401), fail or
// miss single tasks, and echo the token back in an error (to test redaction).
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CliServerOptions {
  /** Wait before each answer, ms. */
  delayMs?: number;
  /** 401 APIGW.0301 for every request. */
  refuseAll?: boolean;
}

export interface CliServer {
  readonly url: string;
  /** Requests received. */
  readonly requests: number;
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Task ids requested, in arrival order. */
  readonly taskIds: readonly string[];
  /** X-Auth-Token values received. */
  readonly tokens: ReadonlySet<string>;
  /** Requests that carried an AK/SK signature. */
  readonly signed: number;
  close(): Promise<void>;
}

function error(status: number, code: string, msg: string) {
  return { status, body: { error_code: code, error_msg: msg } };
}

/**
 * Answers by task id: `miss*` 400 ModelArts.4700 (no such task), `fail*` 500, `init*` 403
 * ModelArts.4850 (about that task only), `echo*` 400 with the received token in the message,
 * anything else 200 `{}`.
 */
function answer(taskId: string, token: string | undefined, refuseAll: boolean) {
  if (refuseAll) return error(401, 'APIGW.0301', 'Incorrect IAM authentication information: verify token failed');
  if (taskId.startsWith('miss')) return error(400, 'ModelArts.4700', `Task ${taskId} does not exist.`);
  if (taskId.startsWith('fail')) return error(500, 'ModelArts.0010', 'Internal error.');
  if (taskId.startsWith('init')) return error(403, 'ModelArts.4850', 'The task is initializing. The operation is forbidden.');
  if (taskId.startsWith('echo')) return error(400, 'ModelArts.0101', `token ${token ?? '(none)'} is not valid here`);
  return { status: 200, body: {} };
}

export async function startCliServer(options: CliServerOptions = {}): Promise<CliServer> {
  const { delayMs = 0, refuseAll = false } = options;
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let signed = 0;
  const taskIds: string[] = [];
  const tokens = new Set<string>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const n = ++requests;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const taskId = decodeURIComponent(/\/processor-tasks\/([^/?#]*)/.exec(req.url ?? '')?.[1] ?? '');
    taskIds.push(taskId);
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string') tokens.add(token);
    if (typeof req.headers.authorization === 'string' && req.headers['x-sdk-date']) signed++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight--;
    };
    // An aborted request leaves the in-flight count too.
    res.on('close', finish);
    req.resume();
    const respond = () => {
      const { status, body } = answer(taskId, typeof token === 'string' ? token : undefined, refuseAll);
      const text = JSON.stringify(body);
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), 'x-request-id': `req-${n}` });
      res.end(text, finish);
    };
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond();
      }, delayMs);
      timers.add(timer);
    } else {
      respond();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    get requests() {
      return requests;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get signed() {
      return signed;
    },
    taskIds,
    tokens,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
