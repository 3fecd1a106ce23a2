// Serves the rendered docs page and the bundled spec on loopback, for `npm start` and
// the browser test. Only these three files: no directory listing, no path from the URL
// ever reaches the file system.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './paths.ts';

const FILES: Record<string, [file: string, type: string]> = {
  '/': ['generated/docs/index.html', 'text/html; charset=utf-8'],
  '/openapi.yaml': ['generated/openapi.yaml', 'application/yaml; charset=utf-8'],
  '/openapi.json': ['generated/openapi.json', 'application/json; charset=utf-8'],
};

export interface DocsServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startDocsServer(port = 0, host = '127.0.0.1'): Promise<DocsServer> {
  const server = createServer(async (req, res) => {
    const entry = FILES[new URL(req.url ?? '/', 'http://x').pathname];
    if (!entry || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    try {
      const body = await readFile(join(root, entry[0]));
      res.writeHead(200, { 'content-type': entry[1], 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`cannot read ${entry[0]}: run npm run generate\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
