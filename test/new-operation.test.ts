// Adding an operation to the spec costs no hand-written line: a throw-away operation is added
// to a temporary copy of the spec, the client is generated from that copy, and the new typed
// method is type-checked and called against Prism served from the same copy, with src/
// copied unchanged beside it.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generate } from '../scripts/generate.ts';
import { startMock, type MockServer } from '../scripts/mock-server.ts';
import { root } from '../scripts/paths.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';

const run = promisify(execFile);

// A made-up read of a task's log lines, with a query rule and a typed success body: nothing
// of it exists in src/ or in the committed generated/ client.
const THROWAWAY = {
  parameters: [{ $ref: '../components/parameters/project_id.yaml' }, { $ref: '../components/parameters/task_id.yaml' }],
  get: {
    operationId: 'getProcessorTaskThrowawayLines',
    summary: 'Throw-away operation of a test',
    description: 'Exists only in a temporary copy of the spec (test/new-operation.test.ts).',
    tags: ['Processor Tasks'],
    parameters: [{ name: 'tail', in: 'query', required: false, description: 'Lines from the end.', schema: { type: 'integer', minimum: 1, maximum: 50 } }],
    responses: {
      '200': {
        description: 'OK.',
        headers: { 'X-Request-Id': { $ref: '../components/headers/X-Request-Id.yaml' } },
        content: {
          'application/json': {
            schema: { type: 'object', properties: { task_id: { type: 'string' }, lines: { type: 'array', items: { type: 'string' } } } },
            examples: { Lines: { summary: 'Two lines', value: { task_id: 'SNEJua7qdZZN8GvkcEr', lines: ['started', 'done'] } } },
          },
        },
      },
      '400': { $ref: '../components/responses/BadRequest.yaml' },
    },
  },
};

let dir: string;
let mock: MockServer;

beforeAll(async () => {
  // Inside the repository so that the copy resolves the same node_modules.
  await mkdir(join(root, '.tmp'), { recursive: true });
  dir = await mkdtemp(join(root, '.tmp', 'new-operation-'));
  await cp(join(root, 'openapi'), join(dir, 'openapi'), { recursive: true });
  await cp(join(root, 'src'), join(dir, 'src'), { recursive: true });
  await cp(join(root, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  await writeFile(join(dir, 'openapi/paths/throwaway.yaml'), stringify(THROWAWAY));
  const rootDoc = join(dir, 'openapi/openapi.yaml');
  const text = await readFile(rootDoc, 'utf8');
  await writeFile(rootDoc, text.replace(/^paths:\n/m, 'paths:\n  /v2/{project_id}/processor-tasks/{task_id}/throwaway-lines:\n    $ref: paths/throwaway.yaml\n'));
  await mkdir(join(dir, 'generated'), { recursive: true });
  await generate(join(dir, 'generated'), { specRoot: dir, docs: false });
  mock = await startMock({ specPath: join(dir, 'generated/openapi.json'), logLevel: 'silent' });
}, 120_000);

afterAll(async () => {
  await mock?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an operation added to the spec', () => {
  it('gets a typed method, checked by tsc with src/ unchanged', async () => {
    await writeFile(
      join(dir, 'typed.ts'),
      `import { createProcessorTasksClient } from './src/index.ts';
const client = createProcessorTasksClient({ endpoint: 'http://127.0.0.1:1', credentials: { token: 't' } });
export async function lines(): Promise<string[] | undefined> {
  const { data } = await client.getProcessorTaskThrowawayLines({ taskId: 'x', tail: 2 });
  return data.lines;
}
// @ts-expect-error: tail is an integer
export const wrong = client.getProcessorTaskThrowawayLines({ taskId: 'x', tail: 'two' });
`,
    );
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { paths: {} }, include: ['src', 'generated', 'typed.ts'] }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: dir }).then(
      () => '',
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(result).toBe('');
  }, 60_000);

  it('calls Prism served from the same copy, validates its query rule, and refuses a bad value before sending', async () => {
    await writeFile(
      join(dir, 'call.ts'),
      `import { createProcessorTasksClient } from './src/index.ts';
const client = createProcessorTasksClient({ endpoint: process.env.MOCK_URL, projectId: '${PROJECT_ID}', credentials: { token: 't' }, env: {} });
const ok = await client.getProcessorTaskThrowawayLines({ taskId: '${TASK_ID}', tail: 2 });
const bad = await client.getProcessorTaskThrowawayLines({ taskId: '${TASK_ID}', tail: 99 }).catch((e) => ({ name: e.name, field: e.field }));
const pages = typeof client.getProcessorTaskThrowawayLinesAll;
console.log(JSON.stringify({ ok, bad, pages }));
`,
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, 'call.ts')], { cwd: root, env: { ...process.env, MOCK_URL: mock.url } });
    const out = JSON.parse(stdout) as Record<string, any>;
    expect(out.ok).toMatchObject({ status: 200, missing: false, data: { task_id: 'SNEJua7qdZZN8GvkcEr', lines: ['started', 'done'] } });
    expect(out.bad).toEqual({ name: 'ValidationError', field: 'tail' });
    // No offset/limit: no paginator is generated for it.
    expect(out.pages).toBe('undefined');
  }, 60_000);
});
