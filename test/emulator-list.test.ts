// ListProcessorTasks against a seeded store: offset is a 0-based page index, count is the
// total that matched, sort_by/order order the whole result, every filter keeps exactly the
// tasks it names. The clock is held still, so statuses and durations do not move meanwhile.
// Then real time at a fast speed: a task observed through Describe moves 0 → 1 → 2.
import { describe, expect, it } from 'vitest';
import { clientFor, emulatorForTest, manualClock, useEmulator, waitFor } from './support/emulator.ts';
import { PROJECT_ID } from './support/fixtures.ts';

type Task = Record<string, any>;
const SEEDED = 60;
const clock = manualClock();
const emulator = await useEmulator({ seed: SEEDED, now: clock.now });
const client = clientFor(emulator);
const project = { project_id: PROJECT_ID };

async function list(query: Record<string, unknown>) {
  const { data, response } = await client.raw.GET('/v2/{project_id}/processor-tasks', { params: { path: project, query: query as never } });
  expect(response.status, JSON.stringify(query)).toBe(200);
  return data as { count: number; tasks: Task[] };
}

// Without workspace_id a List shows workspace "0" (the spec's default); the seed puts some
// tasks in a second workspace.
const all = (await list({ limit: 100 })).tasks;
const elsewhere = (await list({ limit: 100, workspace_id: 'ws-emulator' })).tasks;
const SHOWN = SEEDED - elsewhere.length;

function ordered(tasks: Task[], key: string, order: 'asc' | 'desc'): boolean {
  return tasks.every((t, i) => i === 0 || (order === 'asc' ? tasks[i - 1]![key] <= t[key] : tasks[i - 1]![key] >= t[key]));
}

describe('emulator: ListProcessorTasks on a seeded store', () => {
  it('holds the seeded tasks, of mixed type, status, age and workspace', () => {
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(all.every((t) => t.workspace_id === '0')).toBe(true);
    expect(elsewhere.every((t) => t.workspace_id === 'ws-emulator')).toBe(true);
    expect(all).toHaveLength(SHOWN);
    expect(new Set(all.map((t) => t.template.id)).size).toBe(5);
    expect(new Set(all.map((t) => t.status))).toEqual(new Set([0, 1, 2, 3, 4]));
    const ages = all.map((t) => clock.now() - t.create_time);
    expect(Math.max(...ages)).toBeGreaterThan(30 * 86_400_000);
    expect(all.filter((t) => t.status === 3).every((t) => typeof t.error_msg === 'string')).toBe(true);
  });

  it('seeds the same tasks for the same N', async () => {
    const again = await emulatorForTest({ seed: SEEDED, now: clock.now });
    const res = await fetch(`${again.url}/v2/${PROJECT_ID}/processor-tasks?limit=100`, { headers: { 'X-Auth-Token': 't' } });
    const tasks = ((await res.json()) as { tasks: Task[] }).tasks;
    expect(tasks.map((t) => [t.task_id, t.name, t.template.id, t.status])).toEqual(all.map((t) => [t.task_id, t.name, t.template.id, t.status]));
  });

  it('pages by page index: page n holds records n*limit .. n*limit+limit-1, count is the total', async () => {
    for (const limit of [1, 7, 10, 25]) {
      const pages: Task[] = [];
      for (let offset = 0; offset * limit < SHOWN; offset++) {
        const page = await list({ limit, offset });
        expect(page.count).toBe(SHOWN);
        expect(page.tasks.map((t) => t.task_id)).toEqual(all.slice(offset * limit, offset * limit + limit).map((t) => t.task_id));
        pages.push(...page.tasks);
      }
      expect(pages.map((t) => t.task_id)).toEqual(all.map((t) => t.task_id));
      expect((await list({ limit, offset: Math.ceil(SHOWN / limit) })).tasks).toEqual([]);
    }
    // The default page is the first ten, newest first.
    const first = await list({});
    expect(first.tasks.map((t) => t.task_id)).toEqual(all.slice(0, 10).map((t) => t.task_id));
    expect(ordered(all, 'create_time', 'desc')).toBe(true);
  });

  it('sorts by create_time, name and duration_seconds, both ways', async () => {
    for (const sort_by of ['create_time', 'name', 'duration_seconds']) {
      for (const order of ['asc', 'desc'] as const) {
        const { tasks } = await list({ limit: 100, sort_by, order });
        expect(tasks, `${sort_by} ${order}`).toHaveLength(SHOWN);
        expect(ordered(tasks, sort_by, order), `${sort_by} ${order}`).toBe(true);
      }
    }
    const byName = (await list({ limit: 100, sort_by: 'name', order: 'asc' })).tasks.map((t) => t.name);
    expect(byName).toEqual([...byName].sort());
  });

  it('filters by task_type, status, task_name, source_type, source, version_id, workspace_id, query_current', async () => {
    const sources = (t: Task) => [t.data_source, ...(t.inputs ?? [])].filter(Boolean);
    const sample = all[5]!;
    const cases: [Record<string, unknown>, (t: Task) => boolean][] = [
      [{ task_type: 'sys_data_analyse' }, (t) => t.template.id === 'sys_data_analyse'],
      [{ task_type: 'sys_data_augmentation' }, (t) => t.template.id === 'sys_data_augmentation'],
      [{ status: 3 }, (t) => t.status === 3],
      [{ status: 0 }, (t) => t.status === 0],
      [{ task_name: 'pre-00' }, (t) => t.name.toLowerCase().includes('pre-00')],
      [{ task_name: 'V00' }, (t) => t.name.includes('V00')],
      [{ source_type: 'DATASET' }, (t) => sources(t).some((s) => s.type === 'DATASET')],
      [{ source_type: 'OBS' }, () => false],
      [{ source: sources(sample)[0].source }, (t) => sources(t).some((s) => s.source === sources(sample)[0].source)],
      [{ version_id: [sample.version_id, all[9]!.version_id] }, (t) => [sample.version_id, all[9]!.version_id].includes(t.version_id)],
      [{ query_current: true }, (t) => t.is_current === true],
      [{ task_type: 'sys_data_cleaning', status: 2, sort_by: 'name', order: 'asc' }, (t) => t.template.id === 'sys_data_cleaning' && t.status === 2],
    ];
    for (const [query, keep] of cases) {
      const expected = all.filter(keep).map((t) => t.task_id).sort();
      const got = await list({ limit: 100, ...query });
      expect(got.count, JSON.stringify(query)).toBe(expected.length);
      expect(got.tasks.map((t) => t.task_id).sort(), JSON.stringify(query)).toEqual(expected);
    }
    expect((await list({ limit: 100, workspace_id: 'ws-emulator', status: 2 })).count).toBe(elsewhere.filter((t) => t.status === 2).length);
    // A filter and paging together: count stays the filtered total.
    const failed = all.filter((t) => t.status === 3);
    const second = await list({ status: 3, limit: 2, offset: 1 });
    expect(second.count).toBe(failed.length);
    expect(second.tasks.map((t) => t.task_id)).toEqual(failed.slice(2, 4).map((t) => t.task_id));
  });

  it('shows a completed feature analysis its result, unless return_result=false', async () => {
    const withResult = (await list({ limit: 100, task_type: 'sys_data_analyse', status: 2 })).tasks;
    expect(withResult.length).toBeGreaterThan(0);
    expect(withResult.every((t) => t.result !== undefined)).toBe(true);
    const without = (await list({ limit: 100, task_type: 'sys_data_analyse', status: 2, return_result: false })).tasks;
    expect(without.every((t) => t.result === undefined)).toBe(true);
  });

  it('refuses what the spec does not allow with 400 ModelArts.0101', async () => {
    for (const query of ['limit=0', 'limit=101', 'offset=-1', 'sort_by=size', 'order=up', 'status=9', 'task_type=sys_data_nothing', 'limit=ten']) {
      const res = await fetch(`${emulator.url}/v2/${PROJECT_ID}/processor-tasks?${query}`, { headers: { 'X-Auth-Token': 't' } });
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as Task).error_code, query).toBe('ModelArts.0101');
    }
  });

  it('sent only responses that the spec documents', () => {
    expect(emulator.stats.responseViolations).toEqual([]);
  });
});

describe('emulator: statuses move with time', () => {
  it('a new task goes 0 → 1 → 2 as observed through Describe (fast speed, real clock)', async () => {
    const fast = await emulatorForTest({ statusIntervalMs: 40 });
    const fastClient = clientFor(fast);
    const created = await fastClient.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: project }, body: { create_version: false, workspace_id: '0', name: 'moving', template: { id: 'sys_data_analyse' } } });
    const taskId = created.data!.task_id!;
    const seen: number[] = [];
    await waitFor('status 2', async () => {
      const { data } = await fastClient.raw.GET('/v2/{project_id}/processor-tasks/{task_id}', { params: { path: { ...project, task_id: taskId } } });
      if (seen.at(-1) !== data!.status) seen.push(data!.status!);
      return data!.status === 2 ? data : undefined;
    });
    // Whatever the machine's pauses let us see, it only ever moved forward, and ended completed.
    expect(seen.at(-1)).toBe(2);
    expect(seen.every((s, i) => i === 0 || s > seen[i - 1]!)).toBe(true);
    expect(seen.every((s) => [0, 1, 2].includes(s))).toBe(true);
    // Once it left initializing it can be deleted.
    expect((await fastClient.deleteProcessorTask({ taskId })).missing).toBe(false);
  });

  it('status filters follow the clock: a task initializing now is completed later', async () => {
    const held = manualClock();
    const emu = await emulatorForTest({ statusIntervalMs: 1_000, now: held.now });
    const c = clientFor(emu);
    await c.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: project }, body: { create_version: false, workspace_id: '0', name: 'later', template: { id: 'sys_data_analyse' } } });
    const count = async (status: number) => (await c.raw.GET('/v2/{project_id}/processor-tasks', { params: { path: project, query: { status: status as 0 | 1 | 2 | 3 | 4 } } })).data!.count;
    expect([await count(0), await count(1), await count(2)]).toEqual([1, 0, 0]);
    held.advance(1_000);
    expect([await count(0), await count(1), await count(2)]).toEqual([0, 1, 0]);
    held.advance(2_000);
    expect([await count(0), await count(1), await count(2)]).toEqual([0, 0, 1]);
  });
});
