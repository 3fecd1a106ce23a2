// The client runtime against the Prism mock: every documented response maps to the right
// error class and fields. Prism picks the response from the Prefer header, added here by
// an injected fetch, the way an application would add any header of its own.
import { describe, expect, inject, it } from 'vitest';
import {
  ClientRequestError,
  createProcessorTasksClient,
  isTaskNotFound,
  ServerResponseError,
  ServiceResponseError,
} from '../src/index.ts';
import { documentedExamples, loadBundledSpec, PROJECT_ID, TASK_ID } from './support/fixtures.ts';

const examples = documentedExamples(loadBundledSpec(), '/v2/{project_id}/processor-tasks/{task_id}', 'delete');

function clientPreferring(prefer: string | undefined, credentials: { token: string } | { accessKey: string; secretKey: string } = { token: 'tok-secret-value' }) {
  return createProcessorTasksClient({
    endpoint: inject('mockUrl'),
    projectId: PROJECT_ID,
    credentials,
    retry: false,
    env: {},
    fetch: (url, init) => fetch(url, prefer ? { ...init, headers: { ...(init?.headers as Record<string, string>), Prefer: prefer } } : init),
  });
}

describe('client runtime against the Prism mock', () => {
  it('deletes a task with a token and returns the request id', async () => {
    const result = await clientPreferring(undefined).deleteProcessorTask({ taskId: TASK_ID });
    expect(result).toEqual({
      outcome: 'deleted', projectId: PROJECT_ID, taskId: TASK_ID, status: 200,
      requestId: '0fd3c0dbe7f4c1d9a6e5e2a4c8f5b7a1', attempts: 1,
    });
  });

  it('deletes a task with AK/SK signing', async () => {
    const client = clientPreferring(undefined, { accessKey: 'AK0123456789', secretKey: 'SK-very-secret' });
    await expect(client.deleteProcessorTask({ taskId: TASK_ID })).resolves.toMatchObject({ outcome: 'deleted' });
  });

  it.each(examples.filter((e) => e.status >= 400))('maps $status $name to its typed error', async ({ status, name, value }) => {
    const err = await clientPreferring(`code=${status}, example=${name}`)
      .deleteProcessorTask({ taskId: TASK_ID })
      .then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceResponseError);
    expect(err).toBeInstanceOf(status >= 500 ? ServerResponseError : ClientRequestError);
    expect(err).toMatchObject({
      status,
      errorCode: value.error_code,
      errorMsg: value.error_msg,
      requestId: '0fd3c0dbe7f4c1d9a6e5e2a4c8f5b7a1',
      attempts: 1,
    });
    // ModelArts.4700 means a missing task only at 400: at 503 the appendix uses it for a gateway shutting down.
    expect(isTaskNotFound(err)).toBe(status === 400 && value.error_code === 'ModelArts.4700');
  });

  it('turns "task does not exist" into success with ignoreMissing', async () => {
    const result = await clientPreferring('code=400, example=TaskNotFound').deleteProcessorTask({ taskId: TASK_ID }, { ignoreMissing: true });
    expect(result).toMatchObject({ outcome: 'missing', status: 400, taskId: TASK_ID });
  });

  it('does not hide other 400s behind ignoreMissing', async () => {
    await expect(
      clientPreferring('code=400, example=InvalidProjectId').deleteProcessorTask({ taskId: TASK_ID }, { ignoreMissing: true }),
    ).rejects.toMatchObject({ errorCode: 'ModelArts.0210' });
  });
});
