// The loopback server every benchmark talks to: answers any request with 200 `{}` and an
// X-Request-Id, optionally after holding it `holdMs`. Used in-process (B1) or as a child
// process (B3, so the client's event loop is the only thing measured in the bench process):
//   node --import tsx bench/server.ts --hold 5 [--lifeline]  → prints {"port":N} on stdout, then serves
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface BenchServer {
  readonly port: number;
  readonly origin: string;
  /** Headers of the most recent request (to replay the client's exact request elsewhere). */
  lastHeaders(): IncomingHttpHeaders | undefined;
  requests(): number;
  close(): Promise<void>;
}

const BODY = Buffer.from('{}');

export async function startServer(options: { holdMs?: number } = {}): Promise<BenchServer> {
  const holdMs = options.holdMs ?? 0;
  let last: IncomingHttpHeaders | undefined;
  let count = 0;
  const server: Server = createServer((req, res) => {
    last = req.headers;
    const id = ++count;
    const answer = () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': BODY.length,
        'x-request-id': `bench-${id}`,
      });
      res.end(BODY);
    };
    // Drain whatever body there is (none for DELETE) before answering.
    req.resume();
    if (holdMs > 0) setTimeout(answer, holdMs);
    else answer();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    lastHeaders: () => last,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--hold');
  const holdMs = i >= 0 ? Number(process.argv[i + 1]) : 0;
  const server = await startServer({ holdMs });
  process.stdout.write(JSON.stringify({ port: server.port }) + '\n');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // --lifeline: the parent holds our stdin open, so we exit with it even if it dies.
  if (process.argv.includes('--lifeline')) {
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
}
