// Every operation of the spec through its generated typed method, against the Prism mock:
// each named example of each documented status (picked with Prism's Prefer header, added by an
// injected fetch as an application would add a header of its own), each published request
// body, and `ignoreMissing` wherever the spec documents a "...NotFound" answer. Nothing here is
// written per operation: the cases come from the generated tables, as the methods do.
import { describe, expect, inject, it } from 'vitest';
import { operations, type OperationId } from '../generated/client.ts';
import { operationDocs } from '../generated/operation-docs.ts';
import {
  ClientRequestError,
  createProcessorTasksClient,
  ServerResponseError,
  type ApiResult,
  type MissingResult,
  type ProcessorTasksClient,
} from '../src/index.ts';
import { documentedExamples, loadBundledSpec, PROJECT_ID, TASK_ID, VERSION_ID } from './support/fixtures.ts';

const spec = loadBundledSpec();
const ids = Object.keys(operations) as OperationId[];

function client(prefer?: string): ProcessorTasksClient {
  return createProcessorTasksClient({
    endpoint: inject('mockUrl'),
    projectId: PROJECT_ID,
    credentials: { token: 'tok-operations-test' },
    retry: false,
    env: {},
    fetch: (url, init) => fetch(url, prefer ? { ...init, headers: { ...(init?.headers as Record<string, string>), Prefer: prefer } } : init),
  });
}

/** A valid input for an operation: the ids of the published examples, and its first request example as the body. */
function inputOf(id: OperationId): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const op = operations[id] as { path: string };
  if (op.path.includes('{task_id}')) input.taskId = TASK_ID;
  if (op.path.includes('{version_id}')) input.versionId = VERSION_ID;
  const body = (operationDocs[id] as { body?: { examples: Record<string, unknown> } }).body;
  if (body) input.body = Object.values(body.examples)[0];
  return input;
}

type Method = (input: unknown, options?: unknown) => Promise<ApiResult<unknown> | MissingResult>;
const method = (c: ProcessorTasksClient, id: OperationId) => (c[id] as unknown as Method).bind(c);

const cases = ids.flatMap((id) => {
  const op = operations[id] as { path: string; method: string };
  return documentedExamples(spec, op.path, op.method.toLowerCase()).map((e) => ({ id, ...e }));
});

describe('every operation through its typed method, against Prism', () => {
  it('covers every operation of the spec and every named example', () => {
    expect(ids).toHaveLength(12);
    expect(new Set(cases.map((c) => c.id))).toEqual(new Set(ids));
    // Each operation documents a success and the shared error statuses.
    for (const id of ids) {
      const statuses = new Set(cases.filter((c) => c.id === id).map((c) => c.status));
      for (const s of [400, 401, 403, 404, 429, 500]) expect(statuses.has(s), `${id} ${s}`).toBe(true);
    }
  });

  it.each(cases.filter((c) => c.status < 300))('$id answers $status $name: data is the example, typed', async ({ id, status, name, value }) => {
    const r = await method(client(`code=${status}, example=${name}`), id)(inputOf(id));
    expect(r).toMatchObject({ status, missing: false, attempts: 1 });
    expect(r.requestId).toMatch(/\S/);
    expect(r.data).toEqual(value);
  });

  it.each(cases.filter((c) => c.status >= 400))('$id answers $status $name: a typed error with its code', async ({ id, status, name, value }) => {
    const err = await method(client(`code=${status}, example=${name}`), id)(inputOf(id)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(status >= 500 ? ServerResponseError : ClientRequestError);
    expect(err).toMatchObject({ status, errorCode: value.error_code, errorMsg: value.error_msg });
    expect((err as ClientRequestError).requestId).toMatch(/\S/);
  });

  it.each(cases.filter((c) => c.status === 400 && c.name.endsWith('NotFound')))(
    '$id with ignoreMissing: $name resolves as missing',
    async ({ id, name, value }) => {
      const r = await method(client(`code=400, example=${name}`), id)(inputOf(id), { ignoreMissing: true });
      expect(r).toMatchObject({ missing: true, data: undefined, status: 400, errorCode: value.error_code });
    },
  );

  it.each(ids.filter((id) => (operations[id] as { missing: readonly string[] }).missing.length === 0))(
    '%s documents no missing answer, so ignoreMissing is refused before sending',
    async (id) => {
      await expect(method(client(), id)(inputOf(id), { ignoreMissing: true })).rejects.toMatchObject({ name: 'ValidationError', field: 'options.ignoreMissing' });
    },
  );

  const bodies = ids.flatMap((id) =>
    Object.entries((operationDocs[id] as { body?: { examples: Record<string, unknown> } }).body?.examples ?? {}).map(([name, body]) => ({ id, name, body })),
  );

  it.each(bodies)('$id accepts its published request body $name (Prism validates it)', async ({ id, body }) => {
    const r = await method(client(), id)({ ...inputOf(id), body });
    expect(r.status).toBeLessThan(300);
  });

  it('the one operation without a success body (DeleteProcessorTaskVersion, 204) resolves with data undefined', async () => {
    const r = await client().deleteProcessorTaskVersion({ taskId: TASK_ID, versionId: VERSION_ID });
    expect(r).toEqual({ data: undefined, status: 204, missing: false, requestId: expect.any(String), attempts: 1 });
  });

  it('query parameters reach the service as the spec serialises them (Prism validates them)', async () => {
    const r = await client().listProcessorTasks({
      limit: 100, offset: 0, sortBy: 'name', order: 'asc', sourceType: 'DATASET', source: 'X6c3N3eztX7cr3Arvqu',
      taskType: 'sys_data_analyse', returnResult: false, queryCurrent: true, status: 2,
      versionId: ['XwTuRqI9En7xuZskW70', 'J4Eh2FDEWH1qnDlD3hQ'], workspaceId: '0', taskName: 'V00',
    });
    expect(r.data.count).toBe(1);
    const results = await client().listProcessorTaskVersionResults({ taskId: TASK_ID, versionId: VERSION_ID, resultProperty: '-1', limit: 14 });
    expect(results.data.results).toHaveLength(3);
  });

  it('describe resolves with the typed task; list pages through listProcessorTasksAll', async () => {
    const { data: task } = await client().describeProcessorTask({ taskId: 'AcYfsdfhGyrWL5TtahH' });
    expect(task.status).toBe(2);
    const all: string[] = [];
    for await (const t of client().listProcessorTasksAll()) all.push(t.task_id!);
    expect(all).toEqual(['ddwRJeTnjpiq4dNUZOq']);
    const items: string[] = [];
    for await (const item of client().getProcessorTaskItemsAll()) items.push(item.template_id!);
    expect(items).toEqual(['sys_data_cleaning', 'sys_data_validation', 'sys_data_selection', 'sys_data_augmentation']);
  });
});
