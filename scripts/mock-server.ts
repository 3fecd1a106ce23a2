// Prism, loaded in-process from the bundled spec: the mock behind `npm run mock`,
// `npm start` and the test suite. In-process start costs ~4.5 s here against ~12 s for
// Prism's CLI, and lets callers listen on port 0 and read back the port they got.
import { join } from 'node:path';
import { createLogger } from '@stoplight/prism-core';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';
import { root } from './paths.ts';

/** Headers that carry a credential, as Prism's request log names them (lower case). */
const CREDENTIAL_HEADERS = ['x-auth-token', 'authorization', 'x-security-token'];

export interface MockServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  close(): Promise<void>;
}

export interface MockOptions {
  port?: number;
  host?: string;
  specPath?: string;
  /** Prism's log level; `silent` for tests. */
  logLevel?: 'silent' | 'error' | 'warn' | 'info';
}

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', logLevel = 'warn' } = options;
  const specPath = options.specPath ?? join(root, 'generated/openapi.json');
  const operations = await getHttpOperationsFromSpec(specPath);
  if (operations.length === 0) throw new Error(`Prism found no operations in ${specPath}`);
  // Prism logs each request with its headers: credentials are censored before they are written.
  const logger = createLogger('MOCK', { level: logLevel, redact: { paths: CREDENTIAL_HEADERS.map((h) => `input.headers["${h}"]`), censor: '[redacted]' } });
  const server = createServer(operations, {
    cors: false,
    components: { logger },
    config: {
      // Same behaviour as `prism mock`: validate requests and security, serve examples.
      isProxy: false,
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      mock: { dynamic: false, ignoreExamples: false },
    },
  });
  let address: string;
  try {
    address = await server.listen(port, host);
  } catch (err) {
    // Prism rejects with the message as a bare string: give callers an error with its errno code.
    const text = err instanceof Error ? err.message : String(err);
    const code = /\b(E[A-Z]+)\b/.exec(text)?.[1];
    throw Object.assign(new Error(text), code ? { code } : {});
  }
  return { url: address.replace(/\/$/, ''), close: () => server.close() };
}
