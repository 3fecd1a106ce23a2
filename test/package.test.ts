// The package as users get it: build dist/, `npm pack`, install the tarball into a throw-away
// consumer project, then use it from ESM, from CommonJS, from TypeScript (tsc, nodenext,
// strict) and from its bin, and call the Prism mock through it. Also runs publint and attw
// on the tarball, so `npm test` covers `npm run check:package`.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { build, lintTarball, pack, type Packed } from '../scripts/check-package.ts';
import { root } from '../scripts/paths.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';

const run = promisify(execFile);
const NAME = 'modelarts-processor-tasks';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let consumer: string;
let packed: Packed;

/** The environment without the npm_* variables of an enclosing `npm test`, which npm would read as config. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', ...extra };
}

async function node(file: string, args: string[] = [], extraEnv: Record<string, string> = {}) {
  return run(process.execPath, [file, ...args], { cwd: consumer, env: cleanEnv(extraEnv), timeout: 20_000 });
}

async function write(file: string, text: string): Promise<void> {
  await writeFile(join(consumer, file), `${text.trim()}\n`);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'package-test-'));
  consumer = join(work, 'consumer');
  await mkdir(consumer);
  await build();
  packed = await pack(work);
  await write('package.json', JSON.stringify({ name: 'consumer', version: '0.0.0', private: true, type: 'module' }));
  // The dependencies come from npm's cache (filled by the repository's own install); the
  // registry is asked only for what the cache lacks.
  await run(
    npm,
    ['install', packed.tarball, '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--loglevel=error'],
    { cwd: consumer, env: cleanEnv(), timeout: 90_000 },
  );
}, 150_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

// The checks are independent once the package is installed: run them side by side.
describe.concurrent('the packed package', () => {
  it('passes publint (strict) and attw', async ({ expect }) => {
    const results = await lintTarball(packed.tarball);
    for (const r of results) expect(r.ok, `${r.tool}:\n${r.output}`).toBe(true);
    expect(results.find((r) => r.tool === 'attw')?.output).toContain('No problems found');
  }, 60_000);

  it('ships dist, the spec files and the docs, nothing else', ({ expect }) => {
    const paths = packed.files.map((f) => f.path).sort();
    const expected = [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'dist/cli.js',
      'dist/index.cjs', 'dist/index.d.cts', 'dist/index.d.ts', 'dist/index.js',
      'generated/openapi-3.0.json', 'generated/openapi-3.0.yaml', 'generated/openapi.json', 'generated/openapi.yaml',
    ];
    expect(paths).toEqual(expected.sort());
  });

  it('imports from ESM, resolves the spec files and deletes a task on the mock', async ({ expect }) => {
    await write('esm.mjs', `
      import * as pkg from '${NAME}';
      import spec from '${NAME}/openapi.json' with { type: 'json' };
      import spec30 from '${NAME}/openapi-3.0.json' with { type: 'json' };
      import { readFileSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const yaml = readFileSync(fileURLToPath(import.meta.resolve('${NAME}/openapi.yaml')), 'utf8');
      const yaml30 = readFileSync(fileURLToPath(import.meta.resolve('${NAME}/openapi-3.0.yaml')), 'utf8');
      const { version } = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('${NAME}/package.json')), 'utf8'));
      const client = pkg.createProcessorTasksClient({ endpoint: process.env.MOCK_URL, projectId: '${PROJECT_ID}', credentials: { token: 'tok' }, retry: false, env: {} });
      const result = await client.deleteProcessorTask({ taskId: '${TASK_ID}' });
      console.log(JSON.stringify({
        exports: Object.keys(pkg).sort(), VERSION: pkg.VERSION, version, result,
        spec: spec.openapi, spec30: spec30.openapi,
        yaml: /^openapi: 3\\.1\\./m.test(yaml), yaml30: /^openapi: 3\\.0\\./m.test(yaml30),
      }));
    `);
    const { stdout } = await node('esm.mjs', [], { MOCK_URL: inject('mockUrl') });
    const out = JSON.parse(stdout);
    expect(out.exports).toEqual(expect.arrayContaining(['createProcessorTasksClient', 'ProcessorTasksClient', 'ModelArtsError', 'VERSION']));
    expect(out.VERSION).toBe(out.version);
    expect(out.result).toMatchObject({ outcome: 'deleted', status: 200, projectId: PROJECT_ID, taskId: TASK_ID });
    expect(out.result.requestId).toMatch(/\S/);
    expect(out.spec).toMatch(/^3\.1\./);
    expect(out.spec30).toMatch(/^3\.0\./);
    expect(out.yaml).toBe(true);
    expect(out.yaml30).toBe(true);
  }, 30_000);

  it('requires from CommonJS (openapi-fetch included) and deletes a task on the mock', async ({ expect }) => {
    await write('cjs.cjs', `
      const pkg = require('${NAME}');
      const spec = require('${NAME}/openapi.json');
      const { readFileSync } = require('node:fs');
      const yamlPath = require.resolve('${NAME}/openapi.yaml');
      const client = pkg.createProcessorTasksClient({ endpoint: process.env.MOCK_URL, projectId: '${PROJECT_ID}', credentials: { token: 'tok' }, retry: false, env: {} });
      client.deleteProcessorTask({ taskId: '${TASK_ID}' }).then((result) => {
        console.log(JSON.stringify({
          file: require.resolve('${NAME}'), result, isError: new pkg.ValidationError('x', 'y') instanceof pkg.ModelArtsError,
          spec: spec.openapi, yaml: /^openapi: 3\\.1\\./m.test(readFileSync(yamlPath, 'utf8')),
          version: require('${NAME}/package.json').version, VERSION: pkg.VERSION,
        }));
      }, (err) => { console.error(err); process.exitCode = 1; });
    `);
    const { stdout } = await node('cjs.cjs', [], { MOCK_URL: inject('mockUrl') });
    const out = JSON.parse(stdout);
    expect(out.file).toMatch(/[/\\]dist[/\\]index\.cjs$/);
    expect(out.result).toMatchObject({ outcome: 'deleted', status: 200 });
    expect(out.isError).toBe(true);
    expect(out.spec).toMatch(/^3\.1\./);
    expect(out.yaml).toBe(true);
    expect(out.VERSION).toBe(out.version);
  }, 30_000);

  it('type-checks a TypeScript consumer (nodenext, strict) and rejects a type error', async ({ expect }) => {
    await write('tsconfig.json', JSON.stringify({
      compilerOptions: {
        target: 'ES2022', lib: ['ES2023', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext',
        strict: true, noEmit: true, resolveJsonModule: true, types: [],
        // The package's .d.ts files (and openapi-fetch's) are checked; TypeScript's own lib files are not.
        skipLibCheck: false, skipDefaultLibCheck: true,
      },
      files: ['good.ts', 'good-cjs.cts', 'bad.ts'],
    }));
    await write('good.ts', `
      import { createProcessorTasksClient, ModelArtsError, isTaskNotFound, type DeleteProcessorTaskResult, type paths, type components } from '${NAME}';
      import spec from '${NAME}/openapi.json' with { type: 'json' };
      type Delete = paths['/v2/{project_id}/processor-tasks/{task_id}']['delete'];
      type PathParams = Delete['parameters']['path'];
      const params: PathParams = { project_id: '${PROJECT_ID}', task_id: '${TASK_ID}' };
      type ErrorBody = components['schemas']['Error'];
      export const errorCode = (body: ErrorBody): string => body.error_code;
      const client = createProcessorTasksClient({ endpoint: 'http://127.0.0.1:4010', credentials: { token: 't' } });
      export async function remove(): Promise<DeleteProcessorTaskResult['outcome'] | undefined> {
        try {
          const r = await client.deleteProcessorTask({ projectId: params.project_id, taskId: params.task_id }, { ignoreMissing: true });
          return r.outcome;
        } catch (err) {
          if (isTaskNotFound(err)) return err.status === 400 ? 'missing' : undefined;
          if (err instanceof ModelArtsError) return undefined;
          throw err;
        }
      }
      export const raw = client.raw.DELETE('/v2/{project_id}/processor-tasks/{task_id}', { params: { path: params } });
      export const version: string = spec.openapi;
      export type { ErrorBody };
    `);
    await write('good-cjs.cts', `
      import pkg = require('${NAME}');
      export const client: pkg.ProcessorTasksClient = pkg.createProcessorTasksClient({ region: 'cn-north-4' });
      export const outcome: Promise<'deleted' | 'missing'> = client.deleteProcessorTask({ taskId: 't' }).then((r) => r.outcome);
    `);
    await write('bad.ts', `
      import { createProcessorTasksClient, type paths } from '${NAME}';
      const client = createProcessorTasksClient({ region: 'cn-north-4' });
      export const wrong = client.deleteProcessorTask({ taskId: 42 });
      export const noSuchPath: paths['/v2/{project_id}/processor-tasks/{task_id}/logs'] = {};
    `);
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: consumer, timeout: 40_000 })
      .then(({ stdout }) => ({ code: 0, stdout }), (err: { code?: number; stdout?: string }) => ({ code: err.code, stdout: err.stdout ?? '' }));
    const errors = result.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(result.code, result.stdout).not.toBe(0);
    // Every error is one of the two deliberate ones in bad.ts: good.ts and good-cjs.cts compile.
    expect(errors.every((l) => l.startsWith('bad.ts(')), result.stdout).toBe(true);
    expect(errors.some((l) => l.startsWith('bad.ts(3,') && l.includes('TS2322')), result.stdout).toBe(true);
    expect(errors.some((l) => l.startsWith('bad.ts(4,') && l.includes('TS2339')), result.stdout).toBe(true);
    expect(errors).toHaveLength(2);
  }, 45_000);

  it('runs the modelarts-tasks bin: --help, --version, and a deletion on the mock', async ({ expect }) => {
    const binPath = join(consumer, 'node_modules', '.bin', process.platform === 'win32' ? 'modelarts-tasks.cmd' : 'modelarts-tasks');
    const bin = (args: string[], env: Record<string, string> = {}) =>
      run(binPath, args, { cwd: consumer, env: cleanEnv(env), timeout: 20_000 });
    const help = await bin(['--help']);
    expect(help.stdout).toMatch(/^Usage: modelarts-tasks /m);
    expect((await bin(['--version'])).stdout.trim()).toBe(packed.version);
    const { stdout } = await bin(['delete', '--endpoint', inject('mockUrl'), '--project-id', PROJECT_ID, TASK_ID], {
      HUAWEICLOUD_SDK_TOKEN: 'any',
    });
    expect(stdout).toMatch(/\bdeleted 1\b/);
  }, 45_000);
});
