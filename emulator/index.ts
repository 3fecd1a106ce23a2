// startEmulator(options): the stateful emulator in-process, on loopback, ready when it
// resolves. Tests start it on port 0; `npm run emulator` (main.ts) and `npm start` use it too.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from '../scripts/paths.ts';
import { errorCatalogue } from './error-responses.ts';
import { createFaults } from './faults.ts';
import { resolveOptions, type EmulatorOptions } from './options.ts';
import { loadSpecValidator } from './request-validation.ts';
import { seedStore } from './seed.ts';
import { createEmulatorServer, type EmulatorStats } from './server.ts';
import { Store } from './store.ts';

export type { EmulatorOptions } from './options.ts';
export type { EmulatorStats } from './server.ts';

export interface Emulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4012`. */
  url: string;
  port: number;
  /** Operation ids served (every operation of the spec). */
  operations: readonly string[];
  /** Tasks created by `seed` at this start (0 when the store already had tasks). */
  seeded: number;
  /** Counters since start; a live object. */
  stats: EmulatorStats;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const o = resolveOptions(options, join(root, 'generated/openapi.json'));
  const [spec, specJson] = await Promise.all([loadSpecValidator(o.specPath), readFile(o.specPath, 'utf8')]);
  const store = new Store(o.data);
  try {
    const seeded = o.seed > 0 && store.countTasks() === 0 ? seedStore(store, o.seedProjectId, o.seed, o.now(), o.statusIntervalMs) : 0;
    const { server, stats } = createEmulatorServer({
      spec,
      errors: errorCatalogue(JSON.parse(specJson) as Record<string, unknown>),
      faults: createFaults(o),
      auth: { token: o.token, accessKey: o.accessKey, secretKey: o.secretKey, securityToken: o.securityToken },
      context: { store, statusIntervalMs: o.statusIntervalMs },
      maxBodyBytes: o.maxBodyBytes,
      checkResponses: o.checkResponses,
      now: o.now,
      log: o.log,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : o.port;
    const host = o.host.includes(':') ? `[${o.host}]` : o.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      operations: spec.operations.map((op) => op.operationId),
      seeded,
      stats,
      close() {
        closing ??= new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }).finally(() => store.close());
        return closing;
      },
    };
  } catch (err) {
    store.close();
    throw err;
  }
}
