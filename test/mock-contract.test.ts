// Every operation of the bundled spec against the Prism mock served from it, through the raw
// openapi-fetch client of generated/client.ts: each documented example is served as documented,
// each published request example is accepted, and requests that break a rule are refused.
import { describe, expect, inject, it } from 'vitest';
import { createRawClient, operations as generatedOperations } from '../generated/client.ts';
import { deref, documentedExamples, loadBundledSpec, PROJECT_ID, TASK_ID, VERSION_ID, type Json } from './support/fixtures.ts';

const spec = loadBundledSpec();
const raw = createRawClient({ baseUrl: inject('mockUrl') });
const AUTH = { 'X-Auth-Token': 'token' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PATH_VALUES: Record<string, string> = { project_id: PROJECT_ID, task_id: TASK_ID, version_id: VERSION_ID };

type Result = { data?: unknown; error?: Json; response: Response };
type Init = { params?: { path?: Record<string, unknown>; query?: Record<string, unknown> }; body?: unknown; headers?: Record<string, string>; querySerializer?: unknown };
// The loop below calls operations by method and path template held in variables, which the
// typed signature of `request` cannot follow.
const request = raw.request as unknown as (method: string, path: string, init: Init) => Promise<Result>;

interface Operation {
  operationId: string;
  method: string;
  path: string;
  pathParams: Record<string, string>;
  requestExamples: { name: string; value: Json }[];
  responseStatuses: number[];
  examples: ReturnType<typeof documentedExamples>;
}

const OPERATIONS: Operation[] = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  METHODS.filter((method) => (item as Json)[method]).map((method) => {
    const op = (item as Json)[method] as Json;
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const media = op.requestBody ? deref(spec, op.requestBody).content['application/json'] : undefined;
    return {
      operationId: op.operationId as string,
      method,
      path,
      pathParams: Object.fromEntries(names.map((n) => [n, PATH_VALUES[n]!])),
      requestExamples: Object.entries((media?.examples ?? {}) as Json).map(([name, ex]) => ({ name, value: deref(spec, ex).value })),
      responseStatuses: Object.keys(op.responses).map(Number).sort(),
      examples: documentedExamples(spec, path, method),
    };
  }),
);
const byId = (id: string) => OPERATIONS.find((o) => o.operationId === id)!;

/** Sends `op` as a client would: its path ids, its first published body, a token. */
function send(op: Operation, init: Init = {}): Promise<Result> {
  return request(op.method, op.path, {
    body: op.requestExamples[0]?.value,
    headers: AUTH,
    ...init,
    params: { path: op.pathParams, ...init.params },
  });
}

describe('the bundled spec', () => {
  it('has the twelve operations of the contract, each on its method and path', () => {
    expect(OPERATIONS.map((o) => `${o.operationId} ${o.method.toUpperCase()} ${o.path}`).sort()).toEqual([
      'createProcessorTask POST /v2/{project_id}/processor-tasks',
      'createProcessorTaskVersion POST /v2/{project_id}/processor-tasks/{task_id}/versions',
      'deleteProcessorTask DELETE /v2/{project_id}/processor-tasks/{task_id}',
      'deleteProcessorTaskVersion DELETE /v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}',
      'descProcessorTaskVersion GET /v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}',
      'describeProcessorTask GET /v2/{project_id}/processor-tasks/{task_id}',
      'getProcessorTaskItems GET /v2/{project_id}/processor-tasks/items',
      'listProcessorTaskVersionResults GET /v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/results',
      'listProcessorTaskVersions GET /v2/{project_id}/processor-tasks/{task_id}/versions',
      'listProcessorTasks GET /v2/{project_id}/processor-tasks',
      'stopProcessorTaskVersion POST /v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/stop',
      'updateProcessorTask PUT /v2/{project_id}/processor-tasks/{task_id}',
    ]);
  });

  it.each(OPERATIONS)('$operationId documents its success and every error status', ({ operationId, responseStatuses }) => {
    const success = operationId === 'deleteProcessorTaskVersion' ? 204 : 200;
    expect(responseStatuses).toEqual([success, 400, 401, 403, 404, 429, 500, 503]);
  });

  it.each(OPERATIONS)('$operationId lists exactly the error codes that can apply to it', ({ operationId, path, examples }) => {
    const codes = (status: number) => examples.filter((e) => e.status === status).map((e) => e.value.error_code as string);
    const expected400 = ['ModelArts.0101', 'ModelArts.0210'];
    if (path.includes('{task_id}')) expected400.push('ModelArts.4700');
    if (path.includes('{version_id}')) expected400.push('ModelArts.4851');
    if (operationId === 'createProcessorTask') {
      expected400.push('ModelArts.4709', 'ModelArts.4701', 'ModelArts.4702', 'ModelArts.4703', 'ModelArts.4704', 'ModelArts.4706', 'ModelArts.4853', 'ModelArts.4854');
    }
    if (operationId === 'createProcessorTaskVersion') expected400.push('ModelArts.4854');
    expect(codes(400)).toEqual(expected400);
    expect(codes(401)).toEqual(['APIGW.0301', 'ModelArts.0201', 'ModelArts.0202', 'ModelArts.0203']);
    const expected403 = ['ModelArts.0108', 'ModelArts.0206', 'ModelArts.0210'];
    if (operationId === 'deleteProcessorTask') expected403.push('ModelArts.4850');
    expect(codes(403)).toEqual(expected403);
    expect(codes(404)).toEqual(['APIGW.0101']);
    expect(codes(429)).toEqual(['ModelArts.2799']);
    expect(codes(500)).toEqual(['ModelArts.0010']);
    expect(codes(503)).toEqual(['ModelArts.4700']);
  });

  it('names an example ...NotFound exactly when it means a missing task or version (the client derives ignoreMissing from it)', () => {
    const errors = OPERATIONS.flatMap((o) => o.examples.filter((e) => e.status >= 400));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      const missing = e.status === 400 && ['ModelArts.4700', 'ModelArts.4851'].includes(e.value.error_code);
      expect(e.name.endsWith('NotFound'), `${e.status} ${e.name}`).toBe(missing);
    }
  });

  it('keeps the generated operations table in step with the examples (DeleteProcessorTask)', () => {
    const table = generatedOperations.deleteProcessorTask.responses as Record<string, { examples: Record<string, string | null> }>;
    for (const e of byId('deleteProcessorTask').examples) expect(table[e.status]?.examples[e.name]).toBe(e.value.error_code ?? null);
  });
});

describe('generated client against the Prism mock', () => {
  const served = OPERATIONS.flatMap((op) => op.examples.map((e) => ({ ...e, op, operationId: op.operationId })));

  it.each(served)('$operationId serves $status $name as documented', async ({ op, status, name, value }) => {
    const { data, error, response } = await send(op, { headers: { ...AUTH, Prefer: `code=${status}, example=${name}` } });
    expect(response.status).toBe(status);
    expect(status < 400 ? data : error).toEqual(value);
    expect(status < 400 ? error : data).toBeUndefined();
    expect(response.headers.get('x-request-id')).toMatch(/\S/);
    if (status === 429 || status === 503) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  const bodies = OPERATIONS.flatMap((op) => op.requestExamples.map((ex) => ({ ...ex, op, operationId: op.operationId })));

  it('has a published request example for every operation with a body', () => {
    expect([...new Set(bodies.map((b) => b.operationId))].sort()).toEqual(['createProcessorTask', 'createProcessorTaskVersion', 'updateProcessorTask']);
  });

  it.each(bodies)('$operationId accepts the published request $name', async ({ op, value }) => {
    const { data, response } = await send(op, { body: value });
    expect(response.status).toBe(200);
    expect(data).toEqual(op.examples.find((e) => e.status === 200)!.value);
  });

  it.each(OPERATIONS)('$operationId answers its success status by default, with a request id', async (op) => {
    const { data, error, response } = await send(op);
    expect(error).toBeUndefined();
    expect(response.headers.get('x-request-id')).toMatch(/\S/);
    if (op.operationId === 'deleteProcessorTaskVersion') {
      expect(response.status).toBe(204);
      expect(data).toBeUndefined();
      expect(await response.text()).toBe('');
    } else {
      expect(response.status).toBe(200);
      expect(data).toEqual(op.examples.find((e) => e.status === 200)!.value);
    }
  });

  it.each(OPERATIONS)('$operationId answers 401 with the gateway error when no credentials are sent', async (op) => {
    const { error, response } = await send(op, { headers: {} });
    expect(response.status).toBe(401);
    expect(error?.error_code).toBe('APIGW.0301');
  });

  it.each(OPERATIONS)('$operationId accepts an AK/SK-signed request (Authorization with X-Sdk-Date)', async (op) => {
    const headers = { Authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00', 'X-Sdk-Date': '20200608T023900Z' };
    const { response } = await send(op, { headers });
    expect(response.status).toBeLessThan(300);
  });

  it('answers 401 for AK/SK without X-Sdk-Date', async () => {
    const { response } = await send(byId('deleteProcessorTask'), { headers: { Authorization: 'SDK-HMAC-SHA256 x' } });
    expect(response.status).toBe(401);
  });
});

describe('routing', () => {
  it('sends /processor-tasks/items to GetProcessorTaskItems, not to DescribeProcessorTask', async () => {
    const items = byId('getProcessorTaskItems').examples.find((e) => e.status === 200)!.value;
    const task = byId('describeProcessorTask').examples.find((e) => e.status === 200)!.value;
    const { data, response } = await send(byId('getProcessorTaskItems'));
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toBe(`/v2/${PROJECT_ID}/processor-tasks/items`);
    expect(data).toEqual(items);
    expect(data).not.toEqual(task);
    // A task id spelled `items` gives the very same URL: the spec refuses it as a task id.
    const schema = deref(spec, spec.components.parameters.task_id).schema;
    expect(schema.not).toEqual({ enum: ['items'] });
    const describe = await send(byId('describeProcessorTask'));
    expect(describe.data).toEqual(task);
  });

  it('refuses the task id `items` where no other route takes it', async () => {
    const { error, response } = await send(byId('listProcessorTaskVersions'), { params: { path: { project_id: PROJECT_ID, task_id: 'items' } } });
    expect(response.status).toBe(400);
    expect(error?.error_code).toBe('ModelArts.0101');
  });
});

describe('requests that break the spec are refused with the 400 example', () => {
  /** Prism answers a request that breaks the spec with 400 (our 400's first example) or 422. */
  async function refused(op: Operation, init: Init) {
    const { error, response } = await send(op, init);
    expect([400, 422]).toContain(response.status);
    if (response.status === 400) expect(error?.error_code).toBe('ModelArts.0101');
  }

  it.each([
    ['listProcessorTasks', { limit: 0 }],
    ['listProcessorTasks', { limit: 101 }],
    ['listProcessorTasks', { offset: -1 }],
    ['listProcessorTasks', { sort_by: 'version_name' }],
    ['listProcessorTasks', { order: 'up' }],
    ['listProcessorTasks', { status: 5 }],
    ['listProcessorTasks', { status: 'done' }],
    ['listProcessorTasks', { task_type: 'sys_data_other' }],
    ['listProcessorTasks', { source_type: 'S3' }],
    ['listProcessorTasks', { return_result: 'yes' }],
    ['getProcessorTaskItems', { limit: 1001 }],
    ['listProcessorTaskVersions', { limit: 101 }],
    ['listProcessorTaskVersions', { sort_by: 'name' }],
    ['listProcessorTaskVersionResults', { limit: 0 }],
    ['listProcessorTaskVersionResults', { result_property: '4' }],
  ])('%s with %j', async (id, query) => {
    await refused(byId(id), { params: { query } });
  });

  it('accepts every query parameter of ListProcessorTasks within its rules, version_id comma-joined', async () => {
    const query = {
      limit: 100, offset: 0, order: 'asc', query_current: true, return_result: false, sort_by: 'duration_seconds',
      source: 'X6c3N3eztX7cr3Arvqu', source_type: 'DATASET', status: 4, task_name: 'V00', task_type: 'sys_data_analyse',
      version_id: ['XwTuRqI9En7xuZskW70', 'J4Eh2FDEWH1qnDlD3hQ'], workspace_id: '0',
    };
    const { response } = await send(byId('listProcessorTasks'), { params: { query }, querySerializer: { array: { style: 'form', explode: false } } });
    expect(new URL(response.url).searchParams.get('version_id')).toBe('XwTuRqI9En7xuZskW70,J4Eh2FDEWH1qnDlD3hQ');
    expect(response.status).toBe(200);
  });

  it.each([
    ['createProcessorTask', 'without name', (b: Json) => ({ ...b, name: undefined })],
    ['createProcessorTask', 'with a description holding <', (b: Json) => ({ ...b, description: 'a <b>' })],
    ['createProcessorTask', 'with a 257-character description', (b: Json) => ({ ...b, description: 'a'.repeat(257) })],
    ['createProcessorTask', 'with an unknown template id', (b: Json) => ({ ...b, template: { id: 'sys_data_other' } })],
    ['createProcessorTask', 'with an unknown data source type', (b: Json) => ({ ...b, data_source: { type: 'S3', source: 'x' } })],
    ['createProcessorTaskVersion', 'without task_id (mandatory per Huawei)', (b: Json) => ({ ...b, task_id: undefined })],
    ['createProcessorTaskVersion', 'with a work_path.version_name holding a dot', (b: Json) => ({ ...b, work_path: { ...b.work_path, version_name: 'V0.1' } })],
    ['createProcessorTaskVersion', 'with a 33-character work_path.version_name', (b: Json) => ({ ...b, work_path: { ...b.work_path, version_name: 'V'.repeat(33) } })],
    ['updateProcessorTask', "with a description holding '", () => ({ description: "it's" })],
  ])('%s %s', async (id, _label, edit) => {
    const op = byId(id);
    await refused(op, { body: JSON.parse(JSON.stringify(edit(op.requestExamples[0]!.value))) });
  });

  it.each([
    ['an upper-case project id', { project_id: PROJECT_ID.toUpperCase(), task_id: TASK_ID }],
    ['a short project id', { project_id: 'abc', task_id: TASK_ID }],
    ['a task id with a dot', { project_id: PROJECT_ID, task_id: 'a.b' }],
    ['a task id longer than 64', { project_id: PROJECT_ID, task_id: 'a'.repeat(65) }],
  ])('DeleteProcessorTask refuses %s with the spec 400 example', async (_label, path) => {
    const { error, response } = await send(byId('deleteProcessorTask'), { params: { path } });
    expect(response.status).toBe(400);
    expect(error?.error_code).toBe('ModelArts.0101');
  });

  it.each([
    ['a version id with a dot', 'a.b'],
    ['a version id longer than 64', 'a'.repeat(65)],
  ])('DescProcessorTaskVersion refuses %s with the spec 400 example', async (_label, versionId) => {
    const { error, response } = await send(byId('descProcessorTaskVersion'), { params: { path: { project_id: PROJECT_ID, task_id: TASK_ID, version_id: versionId } } });
    expect(response.status).toBe(400);
    expect(error?.error_code).toBe('ModelArts.0101');
  });
});
