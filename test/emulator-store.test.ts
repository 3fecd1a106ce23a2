// The store: state survives a restart with --data (through the real `npm run emulator`
// entry), concurrent requests never both win, and bad bodies (malformed JSON, oversized
// uploads) get a 400 without crashing the process or touching what is stored.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../scripts/paths.ts';
import { startEmulator } from '../emulator/index.ts';
import { clientFor, emulatorForTest, rawRequest, send, TASKS_PATH } from './support/emulator.ts';
import { PROJECT_ID } from './support/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'modelarts-emulator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  url: string;
  output: string;
  stop(): Promise<number | null>;
}

/** `npm run emulator -- args` as a user runs it (node + tsx on emulator/main.ts). */
function runEmulator(args: string[]): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'emulator/main.ts'), '--port', '0', '--quiet', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start:\n${output}`));
    }, 30_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          get output() {
            return output;
          },
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}:\n${output}`));
    });
  });
}

async function listNames(url: string): Promise<{ count: number; names: string[] }> {
  const res = await fetch(`${url}${TASKS_PATH}?limit=100&sort_by=name&order=asc`, { headers: { 'X-Auth-Token': 't' } });
  const body = (await res.json()) as { count: number; tasks: { name: string }[] };
  return { count: body.count, names: body.tasks.map((t) => t.name) };
}

describe('emulator: --data keeps the tasks across a restart', () => {
  it('seeds an empty store once, and a restart finds the seeded and the created tasks', async () => {
    const data = join(dir, 'restart.db');
    const first = await runEmulator(['--data', data, '--seed', '5', '--status-interval', '0']);
    expect(first.output).toContain(`store: ${data}, seeded 5 tasks`);
    const seeded = await listNames(first.url);
    expect(seeded.count).toBe(5);
    const created = await fetch(`${first.url}${TASKS_PATH}`, {
      method: 'POST',
      headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'survivor', description: 'kept', template: { id: 'sys_data_analyse' } }),
    });
    const { task_id: taskId } = (await created.json()) as { task_id: string };
    expect(await first.stop()).toBe(0);

    const second = await runEmulator(['--data', data, '--seed', '5', '--status-interval', '0']);
    expect(second.output).not.toContain('seeded');
    const after = await listNames(second.url);
    expect(after.count).toBe(6);
    expect(after.names).toEqual([...seeded.names, 'survivor'].sort());
    const described = await fetch(`${second.url}${TASKS_PATH}/${taskId}`, { headers: { 'X-Auth-Token': 't' } });
    expect(await described.json()).toMatchObject({ task_id: taskId, name: 'survivor', description: 'kept', status: 2 });
    expect(await second.stop()).toBe(0);
  });

  it('refuses bad flags with a message and exit code 2', async () => {
    await expect(runEmulator(['--host', '0.0.0.0'])).rejects.toThrow(/exited with 2[\s\S]*loopback/);
    await expect(runEmulator(['--rate-limit', 'fast'])).rejects.toThrow(/not a rate/);
  });
});

describe('emulator: concurrent requests', () => {
  it('of 16 concurrent deletes of one task, exactly one deletes it and the rest get 4700', async () => {
    const emulator = await emulatorForTest({ statusIntervalMs: 0 });
    const { body } = await send(emulator, 'POST', TASKS_PATH, { body: JSON.stringify({ name: 'contested', template: { id: 'sys_data_analyse' } }) });
    const client = clientFor(emulator, { retry: false });
    const results = await Promise.all(Array.from({ length: 16 }, () => client.deleteProcessorTask({ taskId: body.task_id }, { ignoreMissing: true })));
    expect(results.filter((r) => !r.missing)).toHaveLength(1);
    expect(results.filter((r) => r.missing)).toHaveLength(15);
    expect(emulator.stats.byStatus[400]).toBe(15);
  });

  it('of concurrent creates with one name, exactly one succeeds and the rest get 4709', async () => {
    const emulator = await emulatorForTest({ statusIntervalMs: 0 });
    const body = JSON.stringify({ name: 'same-name', template: { id: 'sys_data_cleaning' } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(emulator, 'POST', TASKS_PATH, { body })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 400).map((a) => a.body.error_code)).toEqual(Array(7).fill('ModelArts.4709'));
  });
});

describe('emulator: bad bodies', () => {
  const LIMIT = 4096;

  async function storeWithOneTask() {
    const data = join(dir, `bodies-${Math.random().toString(36).slice(2)}.db`);
    const emulator = await emulatorForTest({ statusIntervalMs: 0, maxBodyBytes: LIMIT, data });
    const created = await send(emulator, 'POST', TASKS_PATH, { body: JSON.stringify({ name: 'kept', description: 'original', template: { id: 'sys_data_analyse' } }) });
    return { emulator, data, taskId: created.body.task_id as string };
  }

  async function unchanged(emulator: Awaited<ReturnType<typeof storeWithOneTask>>['emulator'], taskId: string) {
    const list = await send(emulator, 'GET', TASKS_PATH);
    expect(list.body.count).toBe(1);
    expect((await send(emulator, 'GET', `${TASKS_PATH}/${taskId}`)).body).toMatchObject({ name: 'kept', description: 'original' });
  }

  it('answers 400 ModelArts.0101 to malformed JSON, and the store is untouched', async () => {
    const { emulator, taskId } = await storeWithOneTask();
    const bodies = ['{bad', '{"name": "x",', '[1, 2', '"', 'null', '{"name":"x"}garbage', '\u0000\u0001\u0002', '[['.repeat(1000), Buffer.from([0xff, 0xfe, 0x7b]).toString('latin1')];
    for (const body of bodies) {
      for (const [method, path] of [['POST', TASKS_PATH], ['PUT', `${TASKS_PATH}/${taskId}`]] as const) {
        const answer = await send(emulator, method, path, { body });
        expect(answer.status, `${method} ${JSON.stringify(body.slice(0, 20))}`).toBe(400);
        expect(answer.body.error_code).toBe('ModelArts.0101');
      }
    }
    // A body the spec does not allow (wrong media type, wrong field types) is a 400 too.
    expect((await send(emulator, 'POST', TASKS_PATH, { body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
    expect((await send(emulator, 'PUT', `${TASKS_PATH}/${taskId}`, { body: JSON.stringify({ description: 42 }) })).status).toBe(400);
    expect((await send(emulator, 'PUT', `${TASKS_PATH}/${taskId}`, { body: JSON.stringify({ description: 'a<b' }) })).status).toBe(400);
    await unchanged(emulator, taskId);
  });

  it('refuses a body over the limit before reading it whole, declared or chunked', async () => {
    const { emulator, data, taskId } = await storeWithOneTask();
    // Declares 64 MiB and sends a first chunk only: the 400 comes back without the rest.
    const declared = await rawRequest(emulator.url, {
      method: 'PUT',
      path: `${TASKS_PATH}/${taskId}`,
      headers: { 'Content-Type': 'application/json', 'Content-Length': 64 * 1024 * 1024, 'X-Auth-Token': 't' },
      write: (req) => req.write('{"description": "'),
    });
    expect(declared.status).toBe(400);
    expect(JSON.parse(declared.body)).toMatchObject({ error_code: 'ModelArts.0101' });
    expect(declared.headers.connection).toBe('close');

    // Chunked, no length: refused once the limit is passed, while the client is still sending.
    let sent = 0;
    const chunked = await rawRequest(emulator.url, {
      method: 'POST',
      path: TASKS_PATH,
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'X-Auth-Token': 't' },
      write: (req) => {
        const chunk = Buffer.alloc(1024, 0x20);
        const pump = () => {
          // Bounded: at most 256 chunks, far past the limit; the response ends it sooner.
          while (sent < 256 && !req.destroyed) {
            sent++;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        req.write('{"name": "');
        pump();
      },
    });
    expect(chunked.status).toBe(400);
    expect(JSON.parse(chunked.body).error_msg).toContain(`larger than ${LIMIT} bytes`);

    // The process is fine and the store is as it was, on disk too.
    await unchanged(emulator, taskId);
    await emulator.close();
    const db = new Database(data, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT name, description FROM tasks').all()).toEqual([{ name: 'kept', description: 'original' }]);
    } finally {
      db.close();
    }
    const again = await startEmulator({ port: 0, data });
    try {
      expect((await send(again, 'GET', `${TASKS_PATH}/${taskId}`)).body).toMatchObject({ description: 'original' });
    } finally {
      await again.close();
    }
  });

  it('answers a body just under the limit normally', async () => {
    const { emulator, taskId } = await storeWithOneTask();
    const description = 'x'.repeat(200);
    const body = JSON.stringify({ description }) + ' '.repeat(LIMIT - 230);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMIT);
    expect((await send(emulator, 'PUT', `${TASKS_PATH}/${taskId}`, { body })).status).toBe(200);
    expect((await send(emulator, 'GET', `${TASKS_PATH}/${taskId}`)).body.description).toBe(description);
  });
});

describe('emulator: the project in the path scopes every call', () => {
  it('uses the seed project by default', async () => {
    const emulator = await emulatorForTest({ seed: 3, statusIntervalMs: 0 });
    expect((await send(emulator, 'GET', `/v2/${PROJECT_ID}/processor-tasks`)).body.count).toBe(3);
    expect((await send(emulator, 'GET', `/v2/${'0'.repeat(32)}/processor-tasks`)).body.count).toBe(0);
  });
});
