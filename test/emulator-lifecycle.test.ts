// The emulator behaves like the service through a whole task lifecycle, driven by the
// client: client.raw for every operation, the typed deleteProcessorTask for deletes. A clock
// moved by hand decides the statuses, so nothing here depends on timing.
import { describe, expect, it } from 'vitest';
import { loadSpecValidator } from '../emulator/request-validation.ts';
import { HANDLERS } from '../emulator/operations.ts';
import { ClientRequestError, isTaskNotFound, type components } from '../src/index.ts';
import { clientFor, manualClock, send, TASKS_PATH, useEmulator, type Answer } from './support/emulator.ts';
import { documentedExamples, loadBundledSpec, PROJECT_ID } from './support/fixtures.ts';
import { join } from 'node:path';
import { root } from '../scripts/paths.ts';

const STEP = 10_000;
const clock = manualClock();
const emulator = await useEmulator({ now: clock.now, statusIntervalMs: STEP });
const client = clientFor(emulator);
const project = { project_id: PROJECT_ID };
type CreateBody = components['schemas']['CreateProcessorTaskReq'];
const DEFAULTS = { create_version: false, workspace_id: '0' };

// The generated body type lists create_version and workspace_id as required (they have
// defaults in the spec), so typed calls send the defaults.
const ANALYSIS = {
  create_version: false,
  workspace_id: '0',
  name: 'V001',
  description: '',
  data_source: { type: 'DATASET', source: 'X6c3N3eztX7cr3Arvqu' },
  template: { id: 'sys_data_analyse', operator_params: [{ id: 'sys_data_analyse', params: { op_list: [] } }] },
  version_id: 'J4Eh2FDEWH1qnDlD3hQ',
} satisfies CreateBody;

const VALIDATION = {
  name: 'PRE-e77c',
  inputs: [{ type: 'DATASET', source: 'PYc9H2HGv5BJNwBGXyK', version_id: 'yoJ5ssClpNlOrsjjFDa' }],
  work_path: { type: 'DATASET', path: 'PYc9H2HGv5BJNwBGXyK', version_name: 'V0010' },
  description: '',
  create_version: true,
  template: { id: 'sys_data_validation', operator_params: [{ name: 'MetaValidation', advanced_params_switch: false, params: { task_type: 'image_classification' } }] },
  workspace_id: '0',
} satisfies CreateBody;

async function describeTask(taskId: string) {
  return client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}', { params: { path: { ...project, task_id: taskId } } });
}

describe('emulator: a task from creation to deletion', () => {
  it('serves every operation of the bundled spec, with a handler for each', async () => {
    const spec = await loadSpecValidator(join(root, 'generated/openapi.json'));
    const ids = spec.operations.map((o) => o.operationId).sort();
    expect([...emulator.operations].sort()).toEqual(ids);
    for (const id of ids) expect(HANDLERS, id).toHaveProperty(id);
  });

  it('creates, describes, lists, updates, refuses to delete while initializing, deletes, then answers 4700', async () => {
    const created = await client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: project }, body: ANALYSIS });
    expect(created.response.status).toBe(200);
    const taskId = created.data!.task_id!;
    expect(taskId).toMatch(/^[A-Za-z0-9]{19}$/);

    const described = await describeTask(taskId);
    expect(described.response.status).toBe(200);
    expect(described.data).toMatchObject({ task_id: taskId, name: 'V001', status: 0, data_source: ANALYSIS.data_source, version_id: ANALYSIS.version_id, is_current: true, version_count: 0 });
    expect(described.data!.template).toMatchObject({ id: 'sys_data_analyse' });

    const listed = await client.raw.GET('/v2/{project_id}/processor-tasks', { params: { path: project, query: { task_name: 'V001' } } });
    expect(listed.data!.count).toBe(1);
    expect(listed.data!.tasks!.map((t) => t.task_id)).toEqual([taskId]);

    const updated = await client.raw.PUT('/v2/{project_id}/processor-tasks/{task_id}', { params: { path: { ...project, task_id: taskId } }, body: { description: 'test' } });
    expect(updated.response.status).toBe(200);
    expect(updated.data).toEqual({});
    const afterUpdate = (await describeTask(taskId)).data!;
    expect(afterUpdate.description).toBe('test');
    // Only the description changed.
    expect({ ...afterUpdate, description: '' }).toEqual({ ...described.data, description: '' });

    const refused = await client.deleteProcessorTask({ taskId }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ClientRequestError);
    expect(refused).toMatchObject({ status: 403, errorCode: 'ModelArts.4850' });

    clock.advance(STEP);
    expect((await describeTask(taskId)).data!.status).toBe(1);
    const deleted = await client.deleteProcessorTask({ taskId });
    expect(deleted).toMatchObject({ missing: false, status: 200, attempts: 1 });
    expect(deleted.requestId).toMatch(/^[0-9a-f]{32}$/);

    const again = await client.deleteProcessorTask({ taskId }).catch((e: unknown) => e);
    expect(isTaskNotFound(again)).toBe(true);
    expect(await client.deleteProcessorTask({ taskId }, { ignoreMissing: true })).toMatchObject({ missing: true, status: 400, errorCode: 'ModelArts.4700' });
    const gone = await describeTask(taskId);
    expect(gone.response.status).toBe(400);
    expect(gone.error).toMatchObject({ error_code: 'ModelArts.4700' });
    expect((await client.raw.GET('/v2/{project_id}/processor-tasks', { params: { path: project, query: { task_name: 'V001' } } })).data!.count).toBe(0);
  });

  it('updates the description only, whatever else the body carries', async () => {
    const created = await send(emulator, 'POST', TASKS_PATH, { body: JSON.stringify({ name: 'fixed-name', template: { id: 'sys_data_cleaning' } }) });
    const path = `${TASKS_PATH}/${created.body.task_id}`;
    const before = (await send(emulator, 'GET', path)).body;
    // The spec's body allows other members; the reference says only the description changes.
    const update = { description: 'new text', name: 'renamed', template: { id: 'sys_data_analyse' }, status: 2, workspace_id: 'other' };
    expect((await send(emulator, 'PUT', path, { body: JSON.stringify(update) })).status).toBe(200);
    expect((await send(emulator, 'GET', path)).body).toEqual({ ...before, description: 'new text' });
  });

  it('refuses a second task of the same name with ModelArts.4709', async () => {
    const body: CreateBody = { ...DEFAULTS, name: 'unique-name', template: { id: 'sys_data_cleaning' } };
    expect((await client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: project }, body })).response.status).toBe(200);
    const second = await client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: project }, body });
    expect(second.response.status).toBe(400);
    expect(second.error).toMatchObject({ error_code: 'ModelArts.4709' });
  });

  it('keeps tasks of one project out of another', async () => {
    const other = 'b'.repeat(32);
    const created = await client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: project }, body: { ...DEFAULTS, name: 'mine', template: { id: 'sys_data_selection' } } });
    const taskId = created.data!.task_id!;
    const elsewhere = await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}', { params: { path: { project_id: other, task_id: taskId } } });
    expect(elsewhere.error).toMatchObject({ error_code: 'ModelArts.4700' });
  });

  it('runs versions: create, list, describe, results once completed, stop, delete (204), then 4851', async () => {
    const created = await client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: project }, body: VALIDATION });
    const taskId = created.data!.task_id!;
    const path = { ...project, task_id: taskId };
    const first = await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions', { params: { path } });
    expect(first.data!.count).toBe(1);
    const v1 = first.data!.versions![0]!;
    expect(v1).toMatchObject({ task_id: taskId, version_name: 'V001', status: 0 });
    expect((await describeTask(taskId)).data!.version_count).toBe(1);

    const versionPath = { ...path, version_id: v1.task_version_id! };
    const early = await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/results', { params: { path: versionPath } });
    expect(early.data).toMatchObject({ count: 0, results: [], has_more: false });

    clock.advance(3 * STEP);
    const done = await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}', { params: { path: versionPath } });
    expect(done.data!.status).toBe(2);
    const origin = done.data!.origin_sample_count!;
    expect(origin).toBeGreaterThan(0);
    const results = await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/results', { params: { path: versionPath, query: { limit: 5, offset: 0 } } });
    expect(results.data!.count).toBe(origin + done.data!.add_sample_count!);
    expect(results.data!.results).toHaveLength(Math.min(5, results.data!.count!));
    expect(results.data!.has_more).toBe(results.data!.count! > 5);

    const made = await client.raw.POST('/v2/{project_id}/processor-tasks/{task_id}/versions', { params: { path }, body: { ...DEFAULTS, name: 'PRE-e77c', task_id: taskId, description: 'second' } });
    expect(made.response.status).toBe(200);
    const v2 = made.data!.version_id!;
    expect(v2).toMatch(/^[A-Za-z0-9]{19}$/);
    const byName = await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions', { params: { path, query: { sort_by: 'version_name', order: 'asc' } } });
    expect(byName.data!.versions!.map((v) => v.version_name)).toEqual(['V001', 'V002']);

    // v2 is new, so still going: stop it.
    const stopPath = { ...path, version_id: v2 };
    const status2 = (await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}', { params: { path: stopPath } })).data!.status;
    expect([0, 1]).toContain(status2);
    expect((await client.raw.POST('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/stop', { params: { path: stopPath } })).response.status).toBe(200);
    clock.advance(2 * STEP);
    expect((await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}', { params: { path: stopPath } })).data!.status).toBe(4);

    const removed = await client.raw.DELETE('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}', { params: { path: versionPath } });
    expect(removed.response.status).toBe(204);
    const missing = await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}', { params: { path: versionPath } });
    expect(missing.response.status).toBe(400);
    expect(missing.error).toMatchObject({ error_code: 'ModelArts.4851' });

    // Deleting the task takes its versions with it.
    expect((await client.deleteProcessorTask({ taskId })).missing).toBe(false);
    const orphan = await client.raw.GET('/v2/{project_id}/processor-tasks/{task_id}/versions', { params: { path } });
    expect(orphan.error).toMatchObject({ error_code: 'ModelArts.4700' });
  });

  it('refuses a version whose body names another task than its path', async () => {
    const created = await client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: project }, body: { ...DEFAULTS, name: 'mismatch', template: { id: 'sys_data_cleaning' } } });
    const taskId = created.data!.task_id!;
    const made = await client.raw.POST('/v2/{project_id}/processor-tasks/{task_id}/versions', { params: { path: { ...project, task_id: taskId } }, body: { ...DEFAULTS, name: 'mismatch', task_id: 'AcYfsdfhGyrWL5TtahH' } });
    expect(made.response.status).toBe(400);
    expect(made.error).toMatchObject({ error_code: 'ModelArts.0101' });
  });

  it('lists the four data-processing algorithm types, paged', async () => {
    const all = await client.raw.GET('/v2/{project_id}/processor-tasks/items', { params: { path: project } });
    expect(all.data!.total).toBe(4);
    expect(all.data!.items!.map((i) => i.template_id)).toEqual(['sys_data_cleaning', 'sys_data_validation', 'sys_data_selection', 'sys_data_augmentation']);
    const second = await client.raw.GET('/v2/{project_id}/processor-tasks/items', { params: { path: project, query: { offset: 1, limit: 3 } } });
    expect(second.data).toEqual({ total: 4, items: [all.data!.items![3]] });
  });

  it('answers 404 APIGW.0101 for a path or method the spec does not have', async () => {
    for (const [method, path] of [['GET', '/v3/nothing'], ['PATCH', `${TASKS_PATH}/SNEJua7qdZZN8GvkcEr`], ['HEAD', TASKS_PATH]] as const) {
      const answer = await send(emulator, method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      if (method !== 'HEAD') expect(answer.body).toMatchObject({ error_code: 'APIGW.0101' });
    }
  });

  it('puts a fresh X-Request-Id on every response, errors included', async () => {
    const ids = [];
    for (const [method, path] of [['GET', TASKS_PATH], ['GET', `${TASKS_PATH}/nope`], ['GET', '/v3/nothing'], ['DELETE', `${TASKS_PATH}/bad.id`]] as const) {
      for (let i = 0; i < 3; i++) ids.push((await send(emulator, method, path)).headers.get('x-request-id'));
    }
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id ?? ''))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("answers each error with the spec's documented example for that status and code", async () => {
    const spec = loadBundledSpec();
    const documented = (path: string, method: string, status: number, code: string) =>
      documentedExamples(spec, path, method).find((e) => e.status === status && e.value.error_code === code)?.value.error_msg as string | undefined;
    const created = await send(emulator, 'POST', TASKS_PATH, { body: JSON.stringify({ name: 'errors', template: { id: 'sys_data_analyse' } }) });
    const taskPath = '/v2/{project_id}/processor-tasks/{task_id}';
    const cases: [Promise<Answer>, string, string, number, string][] = [
      [send(emulator, 'DELETE', `${TASKS_PATH}/${created.body.task_id}`), taskPath, 'delete', 403, 'ModelArts.4850'],
      [send(emulator, 'DELETE', `${TASKS_PATH}/AcYfsdfhGyrWL5TtahH`), taskPath, 'delete', 400, 'ModelArts.4700'],
      [send(emulator, 'GET', `${TASKS_PATH}/AcYfsdfhGyrWL5TtahH`), taskPath, 'get', 400, 'ModelArts.4700'],
      [send(emulator, 'POST', TASKS_PATH, { body: JSON.stringify({ name: 'errors', template: { id: 'sys_data_analyse' } }) }), '/v2/{project_id}/processor-tasks', 'post', 400, 'ModelArts.4709'],
      [send(emulator, 'GET', `${TASKS_PATH}/${created.body.task_id}/versions/qSaudx2sbPvthHygckA`), '/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}', 'get', 400, 'ModelArts.4851'],
      [send(emulator, 'GET', `${TASKS_PATH}?limit=0`), '/v2/{project_id}/processor-tasks', 'get', 400, 'ModelArts.0101'],
    ];
    for (const [answer, path, method, status, code] of cases) {
      const { status: got, body } = await answer;
      const message = documented(path, method, status, code);
      expect(message, `${status} ${code} documented for ${method} ${path}`).toBeDefined();
      expect([got, body.error_code]).toEqual([status, code]);
      expect(body.error_msg === message || body.error_msg.startsWith(`${message!.replace(/\.$/, '')}: `), body.error_msg).toBe(true);
    }
  });

  it('sent only responses that the spec documents', () => {
    expect(emulator.stats.responseViolations).toEqual([]);
  });
});
