// The typed client against the stateful emulator: a whole workflow through the generated
// methods only (no raw calls, no Prefer headers), the waiters on the emulator's real clock,
// and the paginator over a seeded store.
import { describe, expect, it } from 'vitest';
import { ClientRequestError, isTaskNotFound } from '../src/index.ts';
import { clientFor, useEmulator } from './support/emulator.ts';

// Statuses move every 150 ms: initialized, running, then completed (the emulator's timeline).
const emulator = await useEmulator({ statusIntervalMs: 150, seed: 0 });
const client = clientFor(emulator, { retry: false });
const fast = { minDelay: 20, maxDelay: 100, timeout: 20_000 };

describe('the typed client against the emulator', () => {
  it('create, describe, wait, update, versions, list, delete, wait until gone, delete again', async () => {
    const { data: created } = await client.createProcessorTask({
      body: { name: 'typed-lifecycle', description: 'first', template: { id: 'sys_data_validation' }, data_source: { type: 'DATASET', source: 'PYc9H2HGv5BJNwBGXyK' } },
    });
    const taskId = created.task_id!;
    expect(taskId).toMatch(/^[A-Za-z0-9]{19}$/);

    const { data: fresh } = await client.describeProcessorTask({ taskId });
    expect(fresh).toMatchObject({ task_id: taskId, name: 'typed-lifecycle', description: 'first', status: 0 });

    // Initializing: a delete is refused with 403 ModelArts.4850, which concerns this task only.
    const early = await client.deleteProcessorTask({ taskId }).catch((e: unknown) => e);
    if (early instanceof ClientRequestError) expect(early).toMatchObject({ status: 403, errorCode: 'ModelArts.4850' });

    const { data: finished } = await client.waitUntilProcessorTaskFinished({ taskId }, fast);
    expect([2, 3, 4]).toContain(finished.status);

    await client.updateProcessorTask({ taskId, body: { description: 'second' } });
    expect((await client.describeProcessorTask({ taskId })).data.description).toBe('second');

    const { data: version } = await client.createProcessorTaskVersion({ taskId, body: { name: 'typed-lifecycle', task_id: taskId } });
    const versionId = version.version_id!;
    const versions: string[] = [];
    for await (const v of client.listProcessorTaskVersionsAll({ taskId })) versions.push(v.task_version_id!);
    expect(versions).toContain(versionId);
    expect((await client.descProcessorTaskVersion({ taskId, versionId })).data.task_version_id).toBe(versionId);
    await client.stopProcessorTaskVersion({ taskId, versionId }).catch((e: unknown) => {
      // A version that already ended cannot be stopped; anything else is a failure.
      if (!(e instanceof ClientRequestError)) throw e;
    });
    const results = await client.listProcessorTaskVersionResults({ taskId, versionId });
    expect(results.status).toBe(200);
    expect((await client.deleteProcessorTaskVersion({ taskId, versionId })).status).toBe(204);
    expect(await client.descProcessorTaskVersion({ taskId, versionId }, { ignoreMissing: true })).toMatchObject({ missing: true, errorCode: 'ModelArts.4851' });

    const listed: string[] = [];
    for await (const t of client.listProcessorTasksAll({ taskName: 'typed-life' })) listed.push(t.task_id!);
    expect(listed).toContain(taskId);

    expect(await client.deleteProcessorTask({ taskId })).toMatchObject({ status: 200, missing: false, data: {} });
    expect(await client.waitUntilProcessorTaskDeleted({ taskId }, fast)).toMatchObject({ missing: true, errorCode: 'ModelArts.4700' });
    const again = await client.deleteProcessorTask({ taskId }).catch((e: unknown) => e);
    expect(isTaskNotFound(again)).toBe(true);
    expect(await client.deleteProcessorTask({ taskId }, { ignoreMissing: true })).toMatchObject({ missing: true, status: 400 });
  });

  it('getProcessorTaskItems answers the algorithm types, through its paginator too', async () => {
    const { data } = await client.getProcessorTaskItems();
    const viaAll: string[] = [];
    for await (const item of client.getProcessorTaskItemsAll()) viaAll.push(item.template_id!);
    expect(viaAll).toEqual(data.items!.map((i) => i.template_id));
    expect(viaAll.length).toBe(data.total);
  });
});

describe('the paginator over a seeded emulator', async () => {
  const seeded = await useEmulator({ seed: 230 });
  const c = clientFor(seeded, { retry: false });

  it('lists every seeded task of a workspace exactly once, page after page, in the order asked', async () => {
    for (const workspaceId of ['0', 'ws-emulator']) {
      const { data: first } = await c.listProcessorTasks({ workspaceId, limit: 1 });
      const names: string[] = [];
      for await (const t of c.listProcessorTasksAll({ workspaceId, sortBy: 'name', order: 'asc', limit: 7 })) names.push(t.name!);
      expect(names).toHaveLength(first.count!);
      expect(new Set(names).size).toBe(names.length);
      expect([...names].sort()).toEqual(names);
    }
  });
});
