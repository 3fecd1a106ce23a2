// The generated openapi-fetch client against the Prism mock served from the spec.
import { describe, expect, inject, it } from 'vitest';
import { createRawClient, deleteProcessorTask, operations } from '../generated/client.ts';
import { documentedExamples, loadBundledSpec, PROJECT_ID, TASK_ID } from './support/fixtures.ts';

const spec = loadBundledSpec();
const PATH = '/v2/{project_id}/processor-tasks/{task_id}';
const examples = documentedExamples(spec, PATH, 'delete');
const client = createRawClient({ baseUrl: inject('mockUrl') });
const params = { path: { project_id: PROJECT_ID, task_id: TASK_ID } };

describe('generated client against the Prism mock', () => {
  it('documents the statuses the issue asks for, with a named example per error code', () => {
    const statuses = [...new Set(examples.map((e) => e.status))].sort();
    expect(statuses).toEqual([200, 400, 401, 403, 404, 429, 500]);
    const codes = examples.filter((e) => e.status >= 400).map((e) => `${e.status} ${e.value.error_code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '400 ModelArts.4700', '400 ModelArts.0101', '400 ModelArts.0210',
        '401 ModelArts.0201', '401 ModelArts.0202', '401 ModelArts.0203', '401 APIGW.0301',
        '403 ModelArts.0108', '403 ModelArts.0206', '403 ModelArts.0210', '403 ModelArts.4850',
        '404 APIGW.0101', '429 ModelArts.2799', '500 ModelArts.0010',
      ]),
    );
    // The generated operations table is derived from the same spec.
    const table = operations.deleteProcessorTask.responses as Record<string, { examples: Record<string, string | null> }>;
    for (const e of examples) expect(table[e.status]?.examples[e.name]).toBe(e.value.error_code ?? null);
  });

  it('deletes a task: 200 with {} and a request id, given X-Auth-Token', async () => {
    const { data, error, response } = await deleteProcessorTask(client, { params, headers: { 'X-Auth-Token': 'token' } });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual({});
    expect(response.headers.get('x-request-id')).toMatch(/\S/);
  });

  it('accepts an AK/SK-signed request (Authorization with X-Sdk-Date)', async () => {
    const headers = { Authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00', 'X-Sdk-Date': '20200608T023900Z' };
    const { response } = await deleteProcessorTask(client, { params, headers });
    expect(response.status).toBe(200);
  });

  it.each(examples.filter((e) => e.status >= 400))(
    'decodes $status $name to the typed error shape',
    async ({ status, name, value }) => {
      const { data, error, response } = await deleteProcessorTask(client, {
        params,
        headers: { 'X-Auth-Token': 'token', Prefer: `code=${status}, example=${name}` },
      });
      expect(response.status).toBe(status);
      expect(data).toBeUndefined();
      expect(error?.error_code).toBe(value.error_code);
      expect(error?.error_msg).toBe(value.error_msg);
      expect(response.headers.get('x-request-id')).toMatch(/\S/);
      if (status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    },
  );

  it('answers 401 with the gateway error when no credentials are sent', async () => {
    const { error, response } = await deleteProcessorTask(client, { params });
    expect(response.status).toBe(401);
    expect(error?.error_code).toBe('APIGW.0301');
  });

  it('answers 401 for AK/SK without X-Sdk-Date', async () => {
    const { response } = await deleteProcessorTask(client, { params, headers: { Authorization: 'SDK-HMAC-SHA256 x' } });
    expect(response.status).toBe(401);
  });

  it.each([
    ['an upper-case project id', { project_id: PROJECT_ID.toUpperCase(), task_id: TASK_ID }],
    ['a short project id', { project_id: 'abc', task_id: TASK_ID }],
    ['a task id with a dot', { project_id: PROJECT_ID, task_id: 'a.b' }],
    ['a task id longer than 64', { project_id: PROJECT_ID, task_id: 'a'.repeat(65) }],
  ])('refuses %s with the spec 400 example', async (_label, path) => {
    const { error, response } = await deleteProcessorTask(client, { params: { path }, headers: { 'X-Auth-Token': 'token' } });
    expect(response.status).toBe(400);
    expect(error?.error_code).toBe('ModelArts.0101');
  });
});
