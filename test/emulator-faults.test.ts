// Faults on demand drive the client's retry policy for real: flow control answers 429 with
// Retry-After, --fail-rate answers 500, and the server's own counters show every attempt.
// Injected faults are decided before the store, so a retried delete still finds its task.
import { describe, expect, it } from 'vitest';
import { deleteProcessorTasks, ServerResponseError, type BulkOutcome } from '../src/index.ts';
import { seededRandom } from '../emulator/seed.ts';
import type { Emulator } from '../emulator/index.ts';
import { clientFor, emulatorForTest, send, TASKS_PATH } from './support/emulator.ts';
import { PROJECT_ID } from './support/fixtures.ts';

async function createTasks(emulator: Emulator, n: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    // Straight through fetch: the faults apply to these too, so try until one lands.
    for (;;) {
      const answer = await send(emulator, 'POST', TASKS_PATH, { body: JSON.stringify({ name: `${prefix}-${i}`, template: { id: 'sys_data_analyse' } }) });
      if (answer.status === 200) {
        ids.push(answer.body.task_id);
        break;
      }
      // A 400 means an earlier try landed after all; never expected here.
      expect([429, 500]).toContain(answer.status);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return ids;
}

async function collect(outcomes: AsyncIterable<BulkOutcome>): Promise<BulkOutcome[]> {
  const all: BulkOutcome[] = [];
  for await (const o of outcomes) all.push(o);
  return all;
}

describe('emulator: --rate-limit', () => {
  it('answers 429 ModelArts.2799 with Retry-After once the bucket is empty', async () => {
    const emulator = await emulatorForTest({ rateLimit: 1, statusIntervalMs: 0 });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await send(emulator, 'GET', TASKS_PATH));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body).toMatchObject({ error_code: 'ModelArts.2799' });
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited[0]!.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it("is ridden out by the client's retries, every attempt counted by the server", async () => {
    const emulator = await emulatorForTest({ statusIntervalMs: 0, rateLimit: 4 });
    const ids = await createTasks(emulator, 8, 'throttled');
    const before = { deletes: emulator.stats.byOperation.deleteProcessorTask ?? 0, limited: emulator.stats.byStatus[429] ?? 0 };
    const client = clientFor(emulator, { retry: { limit: 10 } });
    const outcomes = await collect(deleteProcessorTasks(client, ids, { concurrency: 8 }));
    expect(outcomes.map((o) => o.outcome)).toEqual(ids.map(() => 'deleted'));
    const attempts = outcomes.reduce((sum, o) => sum + ('attempts' in o ? o.attempts : 0), 0);
    const served = (emulator.stats.byOperation.deleteProcessorTask ?? 0) - before.deletes;
    const limited = (emulator.stats.byStatus[429] ?? 0) - before.limited;
    expect(served).toBe(attempts);
    expect(limited).toBe(attempts - ids.length);
    expect(limited).toBeGreaterThan(0);
    expect(outcomes.some((o) => 'attempts' in o && o.attempts > 1)).toBe(true);
  });
});

describe('emulator: --fail-rate', () => {
  it('answers 500 ModelArts.0010 for every request at rate 1, and the client does not retry a create', async () => {
    const emulator = await emulatorForTest({ failRate: 1 });
    const client = clientFor(emulator);
    const created = await client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: { project_id: PROJECT_ID } }, body: { create_version: false, workspace_id: '0', name: 'never', template: { id: 'sys_data_analyse' } } });
    expect(created.response.status).toBe(500);
    expect(created.error).toMatchObject({ error_code: 'ModelArts.0010' });
    // POST is not safe to retry: one attempt reached the server.
    expect(emulator.stats.byOperation.createProcessorTask).toBe(1);
    const deleted = await client.deleteProcessorTask({ taskId: 'SNEJua7qdZZN8GvkcEr' }).catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(ServerResponseError);
    expect(deleted).toMatchObject({ status: 500, errorCode: 'ModelArts.0010', attempts: 3 });
    expect(emulator.stats.byOperation.deleteProcessorTask).toBe(3);
  });

  it('is retried by the client until deletes land, and an injected failure changes nothing', async () => {
    const emulator = await emulatorForTest({ statusIntervalMs: 0, failRate: 0.4, random: seededRandom(7) });
    const ids = await createTasks(emulator, 12, 'flaky');
    const before = { deletes: emulator.stats.byOperation.deleteProcessorTask ?? 0, failed: emulator.stats.byStatus[500] ?? 0 };
    const client = clientFor(emulator, { retry: { limit: 10, backoffBase: 1, backoffLimit: 20 } });
    const outcomes = await collect(deleteProcessorTasks(client, ids, { concurrency: 4 }));
    // 'deleted', never 'missing': a failed attempt did not delete the task behind the 500.
    expect(outcomes.map((o) => o.outcome)).toEqual(ids.map(() => 'deleted'));
    const attempts = outcomes.reduce((sum, o) => sum + ('attempts' in o ? o.attempts : 0), 0);
    expect((emulator.stats.byOperation.deleteProcessorTask ?? 0) - before.deletes).toBe(attempts);
    const failed = (emulator.stats.byStatus[500] ?? 0) - before.failed;
    expect(failed).toBe(attempts - ids.length);
    expect(failed).toBeGreaterThan(0);
  });
});

describe('emulator: --latency', () => {
  it('still answers every request, in order, with the delay applied', async () => {
    const emulator = await emulatorForTest({ latencyMs: 30, statusIntervalMs: 0 });
    const answers = await Promise.all([0, 1, 2, 3].map(() => send(emulator, 'GET', `${TASKS_PATH}?limit=1`)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  });
});
