// The paginator and the waiters against a small stateful server (test/support/tasks-server.ts):
// pages fetched only when the previous one is consumed, the reported count honoured, a
// server that does not advance refused; waiters that end when the condition holds, time
// out when it never does, and stop on the caller's signal.
import { afterEach, describe, expect, it } from 'vitest';
import { createProcessorTasksClient, InvalidResponseError, ValidationError, WaitTimeoutError, type ProcessorTasksClient } from '../src/index.ts';
import { PROJECT_ID } from './support/fixtures.ts';
import { makeTasks, startTasksServer, type TasksServer, type TasksServerOptions } from './support/tasks-server.ts';

const servers: TasksServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(options: TasksServerOptions): Promise<{ server: TasksServer; client: ProcessorTasksClient }> {
  const server = await startTasksServer(options);
  servers.push(server);
  const client = createProcessorTasksClient({ endpoint: server.url, projectId: PROJECT_ID, credentials: { token: 'tok-paging' }, retry: false, env: {} });
  return { server, client };
}

const lists = (s: TasksServer) => s.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/processor-tasks'));

describe('listProcessorTasksAll', () => {
  it('walks every page by page index, fetching the next only when the previous is consumed', async () => {
    const { server, client } = await setup({ tasks: makeTasks(25) });
    const it = client.listProcessorTasksAll({ limit: 10 });
    const first = await it.next();
    expect(first.value?.task_id).toBe('Tsk0000000000000000');
    expect(lists(server)).toHaveLength(1);
    for (let i = 1; i < 10; i++) await it.next();
    // Ten consumed: the second page is not asked for until the eleventh is wanted.
    expect(lists(server)).toHaveLength(1);
    await it.next();
    expect(lists(server)).toHaveLength(2);
    const rest: string[] = [];
    for await (const t of it) rest.push(t.task_id!);
    expect(rest).toHaveLength(14);
    // Stops at the reported count: no fourth request for an empty page.
    expect(lists(server).map((r) => [r.query.get('offset'), r.query.get('limit')])).toEqual([['0', '10'], ['1', '10'], ['2', '10']]);
  });

  it('uses the largest page the spec allows when no limit is given, and passes the filters on every page', async () => {
    const { server, client } = await setup({ tasks: makeTasks(250) });
    const seen = new Set<string>();
    for await (const t of client.listProcessorTasksAll({ status: 2, taskType: 'sys_data_augmentation' })) seen.add(t.task_id!);
    expect(seen.size).toBe(50);
    expect(lists(server).map((r) => r.query.get('limit'))).toEqual(['100']);
    const all = new Set<string>();
    for await (const t of client.listProcessorTasksAll()) all.add(t.task_id!);
    expect(all.size).toBe(250);
    expect(lists(server).slice(1).map((r) => [r.query.get('offset'), r.query.get('status')])).toEqual([['0', null], ['1', null], ['2', null]]);
  });

  it('refuses a page that does not advance (a server that ignores offset) instead of looping', async () => {
    const { server, client } = await setup({ tasks: makeTasks(30), paging: 'repeat' });
    const got: string[] = [];
    const err = await (async () => {
      for await (const t of client.listProcessorTasksAll({ limit: 10 })) got.push(t.task_id!);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as Error).message).toMatch(/page 1 repeats page 0/);
    expect(got).toHaveLength(10);
    expect(lists(server)).toHaveLength(2);
  });

  it('ends at an empty page when the count promised more than there is', async () => {
    const { server, client } = await setup({ tasks: makeTasks(15), paging: 'overcount' });
    const got: string[] = [];
    for await (const t of client.listProcessorTasksAll({ limit: 10 })) got.push(t.task_id!);
    expect(got).toHaveLength(15);
    expect(lists(server)).toHaveLength(3);
  });

  it('refuses offset (the iterator owns it) and bad page sizes, before sending', async () => {
    const { server, client } = await setup({ tasks: makeTasks(3) });
    const first = (input: object) => (client.listProcessorTasksAll(input as never) as AsyncIterator<unknown>).next().catch((e: unknown) => e);
    expect(await first({ offset: 2 })).toMatchObject({ name: 'ValidationError', field: 'offset' });
    expect(await first({ limit: 101 })).toMatchObject({ name: 'ValidationError', field: 'limit' });
    expect(await first({ limit: 0 })).toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it('leaving the loop early stops fetching', async () => {
    const { server, client } = await setup({ tasks: makeTasks(300) });
    let n = 0;
    for await (const _ of client.listProcessorTasksAll()) if (++n === 5) break;
    expect(lists(server)).toHaveLength(1);
  });
});

describe('waiters', () => {
  const fast = { minDelay: 5, maxDelay: 20 };
  const running = (id: string) => ({ status: 200, body: { task_id: id, status: 1 } });

  it('waitUntilProcessorTaskDeleted resolves once Describe answers 400 ModelArts.4700', async () => {
    const { server, client } = await setup({ describe: (id, n) => (n <= 3 ? running(id) : undefined) });
    const r = await client.waitUntilProcessorTaskDeleted({ taskId: 'gone-after-3' }, { ...fast, timeout: 10_000 });
    expect(r).toMatchObject({ missing: true, status: 400, errorCode: 'ModelArts.4700' });
    expect(server.requests.filter((q) => q.method === 'GET')).toHaveLength(4);
  });

  it('a task that never goes away ends with WaitTimeoutError after the timeout, with the last state', async () => {
    const { server, client } = await setup({ describe: (id) => running(id) });
    const err = await client.waitUntilProcessorTaskDeleted({ taskId: 'forever' }, { ...fast, timeout: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(err).toMatchObject({ waiter: 'waitUntilProcessorTaskDeleted', timeoutMs: 300, lastState: { status: 1 } });
    const polls = (err as WaitTimeoutError).polls;
    expect(polls).toBeGreaterThan(1);
    // The last poll may have been cut by the deadline before or after the server saw it.
    expect(server.requests.length).toBeGreaterThanOrEqual(polls - 1);
    expect(server.requests.length).toBeLessThanOrEqual(polls);
  });

  it('waitUntilProcessorTaskFinished resolves with the Describe result once status is 2, 3 or 4', async () => {
    const statuses = [0, 1, 1, 3];
    const { client } = await setup({
      describe: (id, n) => ({ status: 200, body: { task_id: id, status: statuses[Math.min(n, statuses.length) - 1], error_msg: 'broken input' } }),
    });
    const r = await client.waitUntilProcessorTaskFinished({ taskId: 'ends-failed' }, fast);
    expect(r.data).toMatchObject({ status: 3, error_msg: 'broken input' });
  });

  it('waitUntilProcessorTaskFinished rejects with the Describe error when the task disappears', async () => {
    const { client } = await setup({ describe: (id, n) => (n === 1 ? running(id) : undefined) });
    await expect(client.waitUntilProcessorTaskFinished({ taskId: 'vanishes' }, fast)).rejects.toMatchObject({ name: 'ClientRequestError', errorCode: 'ModelArts.4700' });
  });

  it("the caller's signal stops a wait at once, with the signal's reason", async () => {
    const { client } = await setup({ describe: (id) => running(id) });
    const controller = new AbortController();
    const reason = new Error('shutting down');
    setTimeout(() => controller.abort(reason), 50);
    await expect(client.waitUntilProcessorTaskDeleted({ taskId: 'x' }, { ...fast, timeout: 60_000, signal: controller.signal })).rejects.toBe(reason);
  });

  it('bad waiter options are ValidationErrors before any poll', async () => {
    const { server, client } = await setup({});
    await expect(client.waitUntilProcessorTaskDeleted({ taskId: 'x' }, { timeout: -1 })).rejects.toMatchObject({ field: 'options.timeout' });
    await expect(client.waitUntilProcessorTaskDeleted({ taskId: 'x' }, { minDelay: 100, maxDelay: 10 })).rejects.toMatchObject({ field: 'options.maxDelay' });
    await expect(client.waitUntilProcessorTaskDeleted({ taskId: '../x' })).rejects.toMatchObject({ field: 'taskId' });
    expect(server.requests).toHaveLength(0);
  });
});
