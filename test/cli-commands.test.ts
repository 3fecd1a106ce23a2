// The CLI commands that map one operation each (list, describe, create, update), as
// subprocesses against a stateful test server and the Prism mock, and the pipe a person
// cleaning up writes: `list --older-than ... --output ids | delete --from-file -`.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { root } from '../scripts/paths.ts';
import { CLI_MAIN, jsonLines, lines, runCli, type CliResult } from './support/cli-run.ts';
import { PROJECT_ID } from './support/fixtures.ts';
import { makeTasks, startTasksServer, type TasksServer } from './support/tasks-server.ts';

const TOKEN = 'tok-SECRET-cli-commands-77a1';
const env = { HUAWEICLOUD_SDK_TOKEN: TOKEN };
const servers: TasksServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

// 40 tasks one day apart, statuses 0..4 and the five types in turn; "now" for --older-than is
// the real clock, so the fixture is placed relative to it.
const NOW = Date.now();
async function server(n = 40): Promise<TasksServer> {
  const s = await startTasksServer({ tasks: makeTasks(n, NOW) });
  servers.push(s);
  return s;
}

async function cli(args: string[], input?: string): Promise<CliResult> {
  const r = await runCli(args, { env, ...(input !== undefined ? { input } : {}) });
  expect(r.stdout + r.stderr, 'token leaked').not.toContain(TOKEN);
  return r;
}

const at = (url: string) => ['--endpoint', url, '--project-id', PROJECT_ID];

describe.concurrent('list', { timeout: 90_000 }, () => {
  it('lists every page as JSON lines when stdout is not a terminal (the default)', async () => {
    const s = await server(130);
    const r = await cli(['list', ...at(s.url)]);
    expect(r.code, r.stderr).toBe(0);
    const tasks = jsonLines(r.stdout);
    expect(tasks).toHaveLength(130);
    expect(tasks[0]).toMatchObject({ task_id: 'Tsk0000000000000000', status: 0, template: { id: 'sys_data_analyse' } });
    // Two pages of the largest size the spec allows.
    expect(s.requests.map((q) => q.query.get('offset'))).toEqual(['0', '1']);
  });

  it('--output ids prints one id per line; --output table a header and aligned rows', async () => {
    const s = await server(12);
    const [ids, table] = await Promise.all([cli(['list', ...at(s.url), '--output', 'ids']), cli(['list', ...at(s.url), '--output', 'table'])]);
    expect(lines(ids.stdout)).toEqual(makeTasks(12).map((t) => t.task_id));
    const rows = lines(table.stdout);
    expect(rows[0]).toMatch(/^TASK ID\s+STATUS\s+TYPE\s+CREATED \(UTC\)\s+NAME$/);
    expect(rows).toHaveLength(13);
    expect(rows[1]).toMatch(/^Tsk0000000000000000 {2}initialized {2}sys_data_analyse {7}\d{4}-\d\d-\d\d \d\d:\d\d {2}task-0$/);
    expect(rows[3]).toMatch(/ completed {4}sys_data_augmentation /);
    expect(table.stderr).toBe('12 of 12 tasks listed\n');
  });

  it('--older-than, --status (names or numbers, several) and --type filter; one value is also sent to the service', async () => {
    const s = await server(40);
    const [old, failedOrStopped, oneStatus, type] = await Promise.all([
      cli(['list', ...at(s.url), '--older-than', '30d', '--output', 'ids']),
      cli(['list', ...at(s.url), '--status', 'failed,4', '--output', 'ids']),
      cli(['list', ...at(s.url), '--status', 'completed', '--output', 'ids']),
      cli(['list', ...at(s.url), '--type', 'sys_data_cleaning,sys_data_selection', '--older-than', '7d', '--output', 'json']),
    ]);
    // Tasks i = 0..39 were created i days before NOW, a moment before the CLI reads its clock:
    // older than 30 days are i = 30..39.
    expect(lines(old.stdout)).toEqual(makeTasks(40).slice(30).map((t) => t.task_id));
    expect(lines(failedOrStopped.stdout)).toEqual(makeTasks(40).filter((t) => t.status === 3 || t.status === 4).map((t) => t.task_id));
    expect(lines(oneStatus.stdout)).toHaveLength(8);
    const typed = jsonLines(type.stdout);
    expect(typed.map((t) => t.template.id).every((id) => id === 'sys_data_cleaning' || id === 'sys_data_selection')).toBe(true);
    expect(typed.every((t) => t.create_time < NOW - 7 * 86_400_000)).toBe(true);
    expect(typed).toHaveLength(13);
    const sent = s.requests.map((q) => [q.query.get('status'), q.query.get('task_type')]);
    expect(sent).toContainEqual(['2', null]);
    expect(sent.filter(([st]) => st !== null)).toHaveLength(1);
  });

  it('--offset or --limit fetch exactly one page, as the API does', async () => {
    const s = await server(40);
    const r = await cli(['list', ...at(s.url), '--limit', '5', '--offset', '2', '--output', 'ids']);
    expect(lines(r.stdout)).toEqual(makeTasks(40).slice(10, 15).map((t) => t.task_id));
    expect(s.requests).toHaveLength(1);
  });

  it('refuses what the spec refuses, naming the flag, before sending', async () => {
    const s = await server(1);
    const runs = await Promise.all([
      cli(['list', ...at(s.url), '--limit', '0']),
      cli(['list', ...at(s.url), '--sort-by', 'size']),
      cli(['list', ...at(s.url), '--return-result', 'yes']),
      cli(['list', ...at(s.url), '--older-than', 'a week']),
      cli(['list', ...at(s.url), '--status', 'done']),
    ]);
    for (const r of runs) expect(r.code).toBe(2);
    expect(runs.map((r) => lines(r.stderr)[0])).toEqual([
      'modelarts-tasks: --limit: must be from 1 to 100; got 0',
      expect.stringMatching(/^modelarts-tasks: option '--sort-by <value>' argument 'size' is invalid\. Allowed choices are create_time, name, duration_seconds\.$/),
      expect.stringMatching(/--return-result.*must be true or false/),
      expect.stringMatching(/--older-than.*a number and a unit/),
      expect.stringMatching(/--status.*status numbers 0-4 or names/),
    ]);
    expect(s.requests).toHaveLength(0);
  });

  it('its help shows the flags derived from the spec, with the service defaults', async () => {
    const r = await cli(['list', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--limit <n>', '--offset <n>', '--sort-by <value>', '--order <value>', '--task-name <value>', '--source-type <value>', '--version-id <a,b,...>', '--return-result <true|false>', '--query-current <true|false>', '--workspace-id <value>', '--older-than <age>']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toMatch(/--limit <n>\s+Maximum number of records returned on each page\.[\s\S]*\(service default: 10\)/);
    expect(r.stdout).toMatch(/choices: "create_time",\s+"name", "duration_seconds"/);
    // The spec's source notes stay in the spec, not in a help line.
    expect(r.stdout).not.toMatch(/huaweicloudDocs|OTC /);
  });
});

describe.concurrent('describe, create, update', { timeout: 90_000 }, () => {
  const mock = () => inject('mockUrl');

  it('describe prints the task as JSON, or a summary with --output text', async () => {
    const [json, text, missing] = await Promise.all([
      cli(['describe', ...at(mock()), 'AcYfsdfhGyrWL5TtahH']),
      cli(['describe', ...at(mock()), 'AcYfsdfhGyrWL5TtahH', '--output', 'text']),
      cli(['describe', ...at((await server(1)).url), 'NoSuchTask']),
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ task_id: 'AcYfsdfhGyrWL5TtahH', status: 2 });
    expect(lines(text.stdout)).toContain('status:          completed (2)');
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual(['modelarts-tasks: HTTP 400 ModelArts.4700: Task does not exist (request id tasks-1)']);
  });

  it('create reads the body from a file or stdin, flags win over its fields, --dry-run sends nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelarts-create-'));
    const file = join(dir, 'task.json');
    writeFileSync(file, JSON.stringify({ name: 'V001', template: { id: 'sys_data_analyse' }, data_source: { type: 'DATASET', source: 'X6c3N3eztX7cr3Arvqu' } }));
    const [fromFile, fromStdin, json, dry, bad] = await Promise.all([
      cli(['create', ...at(mock()), '--from-file', file]),
      cli(['create', ...at(mock()), '--from-file', '-', '--description', 'from stdin'], '{"name":"PRE-e77c"}'),
      cli(['create', ...at(mock()), '--from-file', file, '--output', 'json']),
      cli(['create', '--project-id', PROJECT_ID, '--endpoint', 'http://127.0.0.1:9', '--from-file', file, '--name', 'other', '--dry-run']),
      cli(['create', ...at(mock()), '--from-file', file, '--description', 'a<b']),
    ]);
    expect(fromFile.stdout).toBe('created SNEJua7qdZZN8GvkcEr\n');
    expect(fromStdin.stdout).toBe('created SNEJua7qdZZN8GvkcEr\n');
    expect(JSON.parse(json.stdout)).toEqual({ task_id: 'SNEJua7qdZZN8GvkcEr' });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^valid: would create task "other" in project a4a5.* nothing was sent\n$/);
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)[0]).toMatch(/^modelarts-tasks: --description: must be 0 to 256 characters matching/);
  });

  it('update takes the fields the reference allows (description), derived from its body', async () => {
    const [ok, none] = await Promise.all([
      cli(['update', ...at(mock()), 'AcYfsdfhGyrWL5TtahH', '--description', 'test']),
      cli(['update', ...at(mock()), 'AcYfsdfhGyrWL5TtahH']),
    ]);
    expect(ok.stdout).toBe('updated AcYfsdfhGyrWL5TtahH\n');
    expect(none.code).toBe(2);
    expect(lines(none.stderr)).toEqual(['modelarts-tasks: nothing to update: give --description']);
  });
});

/** Runs `left | right` with both CLIs as subprocesses, as a shell pipeline would. */
function pipeline(left: string[], right: string[]): Promise<{ left: number | null; right: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const opts = { cwd: root, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } };
    const a = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, ...left], { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    const b = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, ...right], { ...opts, stdio: ['pipe', 'pipe', 'pipe'] });
    a.stdout.pipe(b.stdin);
    let stdout = '';
    let stderr = '';
    b.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    a.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    b.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let codeA: number | null | undefined;
    a.on('close', (c) => (codeA = c));
    b.on('error', reject);
    b.on('close', (c) => resolve({ left: codeA ?? null, right: c, stdout, stderr }));
  });
}

describe('list | delete', { timeout: 90_000 }, () => {
  it('deletes exactly what list found (dry run first, then for real), and list is then empty of them', async () => {
    const s = await server(60);
    const find = ['list', ...at(s.url), '--older-than', '45d', '--output', 'ids'];
    const dry = await pipeline(find, ['delete', ...at(s.url), '--from-file', '-', '--dry-run']);
    expect(dry.right).toBe(0);
    expect(lines(dry.stdout).filter((l) => l.startsWith('would delete'))).toHaveLength(15);
    expect(s.ids()).toHaveLength(60);

    const real = await pipeline(find, ['delete', ...at(s.url), '--from-file', '-', '--json']);
    expect(real.right, real.stderr).toBe(0);
    expect(jsonLines(real.stdout).at(-1)).toMatchObject({ summary: { deleted: 15, failed: 0, invalid: 0 } });
    expect(s.ids()).toEqual(makeTasks(60).slice(0, 45).map((t) => t.task_id));
    const again = await cli(find);
    expect(again.stdout).toBe('');
  });
});
