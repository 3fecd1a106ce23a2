// `npm start`: regenerate everything from the spec and build the package from it (in that
// order, so dist/ never holds a stale client), then serve the Prism mock, the stateful
// emulator and the docs page on loopback, print how to call them, and stop cleanly on Ctrl-C.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { startEmulator } from '../emulator/index.ts';
import { startDocsServer } from './docs-server.ts';
import { generate } from './generate.ts';
import { startMock } from './mock-server.ts';
import { root } from './paths.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.MOCK_PORT ?? '4010' },
    'docs-port': { type: 'string', default: process.env.DOCS_PORT ?? '4011' },
    'emulator-port': { type: 'string', default: process.env.EMULATOR_PORT ?? '4012' },
  },
});

/** Listens on the asked port, or on a free one when it is taken (a second `npm start`). */
async function onPortOrFree<T>(port: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    console.warn(`port ${port} is in use; taking a free port instead (choose one with --port / --docs-port)`);
    return start(0);
  }
}


const written = await generate(join(root, 'generated'));
console.log(`built generated/ (${written.join(', ')})`);
try {
  await promisify(execFile)(join(root, 'node_modules/.bin/tsup'), { cwd: root });
} catch (err) {
  const e = err as { stdout?: string; stderr?: string };
  console.error(`npm run build failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  process.exit(1);
}
console.log('built dist/ (the package and the modelarts-tasks CLI)');
const mock = await onPortOrFree(Number(values.port), (port) => startMock({ port }));
const docs = await onPortOrFree(Number(values['docs-port']), (port) => startDocsServer(port));
const emulator = await onPortOrFree(Number(values['emulator-port']), (port) => startEmulator({ port }));

const projectId = 'a4a5d4098fb4474fa22cd05f897d6b99';
const taskId = 'SNEJua7qdZZN8GvkcEr';
const cli = `HUAWEICLOUD_SDK_TOKEN=any npx modelarts-tasks delete --endpoint ${mock.url} --project-id ${projectId}`;
console.log(`
ready in ${process.uptime().toFixed(1)} s since start

  mock      ${mock.url}   (Prism, validates requests against the spec, keeps no state)
  emulator  ${emulator.url}   (stateful: tasks live until deleted; npm run emulator -- --help)
  docs      ${docs.url}/   (spec: ${docs.url}/openapi.yaml)

Delete a task on the mock:

  curl -i -X DELETE ${mock.url}/v2/${projectId}/processor-tasks/${taskId} -H 'X-Auth-Token: any-token'

Or with the CLI (the token is read from the environment, never from the command line):

  ${cli} ${taskId}

Delete several, ids from stdin (one per line; blank lines and # comments skipped):

  printf '%s\\n' ${taskId} AcYfsdfhGyrWL5TtahH | ${cli} --from-file -

Ask for a documented error with Prism's Prefer header:

  curl -i -X DELETE ${mock.url}/v2/${projectId}/processor-tasks/${taskId} -H 'X-Auth-Token: any-token' -H 'Prefer: code=400, example=TaskNotFound'

On the emulator, a task exists once created and is gone once deleted (a new task is
initializing for 2 s, and deleting it meanwhile answers 403 ModelArts.4850):

  curl -s -X POST ${emulator.url}/v2/${projectId}/processor-tasks -H 'X-Auth-Token: any-token' -H 'Content-Type: application/json' -d '{"name": "demo", "template": {"id": "sys_data_analyse"}}'
  curl -s '${emulator.url}/v2/${projectId}/processor-tasks?limit=5' -H 'X-Auth-Token: any-token'
  curl -s -X DELETE ${emulator.url}/v2/${projectId}/processor-tasks/<task_id> -H 'X-Auth-Token: any-token'

Ctrl-C to stop.`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([mock.close(), docs.close(), emulator.close()]);
  console.log('stopped');
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
