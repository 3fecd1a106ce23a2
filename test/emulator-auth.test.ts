// Authentication as the gateway does it. With --ak/--sk the emulator rebuilds the canonical
// request from the bytes it received, so the client's own calls pass, and a wrong key, a
// request changed after signing, or a stale date are refused with 401 APIGW.0301.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js';
import { describe, expect, it } from 'vitest';
import { ClientRequestError, isAuthError, signRequest } from '../src/index.ts';
import { clientFor, send, TASKS_PATH, useEmulator } from './support/emulator.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';
import type { Emulator } from '../emulator/index.ts';

const AK = 'EMULATORTESTACCESSKEY';
const SK = 'emulator-test-secret-key-0123456789';
const SECURITY_TOKEN = 'emulator-temporary-security-token';

const plain = await useEmulator({ accessKey: AK, secretKey: SK, statusIntervalMs: 0 });
const temporary = await useEmulator({ accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN, statusIntervalMs: 0 });
const tokenOnly = await useEmulator({ token: 'the-one-token', statusIntervalMs: 0 });
const open = await useEmulator({ statusIntervalMs: 0 });

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClientRequestError);
  expect(isAuthError(err)).toBe(true);
  return err as ClientRequestError;
}

/** A request signed by us for `signed`, then sent as `sent` (same method and headers). */
async function signedThenSent(emulator: Emulator, o: { method: string; signedPath: string; sentPath?: string; body?: string; sentBody?: string; date?: Date; sk?: string; headers?: Record<string, string> }) {
  const headers = { ...o.headers, ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) };
  const auth = signRequest({ method: o.method, url: emulator.url + o.signedPath, headers, body: o.body, accessKey: AK, secretKey: o.sk ?? SK, projectId: PROJECT_ID, date: o.date ?? new Date() });
  const res = await fetch(emulator.url + (o.sentPath ?? o.signedPath), { method: o.method, headers: { ...headers, ...auth }, body: o.sentBody ?? o.body });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('emulator: AK/SK signatures (--ak/--sk)', () => {
  it("accepts the client's signed calls: create with a body, list with a query, delete", async () => {
    const client = clientFor(plain, { credentials: { accessKey: AK, secretKey: SK } });
    const created = await client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: { project_id: PROJECT_ID } }, body: { create_version: false, workspace_id: '0', name: 'signed', template: { id: 'sys_data_analyse' } } });
    expect(created.response.status).toBe(200);
    const listed = await client.raw.GET('/v2/{project_id}/processor-tasks', { params: { path: { project_id: PROJECT_ID }, query: { task_name: 'sig ned', limit: 5, order: 'asc' } } });
    expect(listed.response.status).toBe(200);
    expect((await client.deleteProcessorTask({ taskId: created.data!.task_id! })).missing).toBe(false);
  });

  it('accepts the calls of temporary credentials, which carry a signed X-Security-Token', async () => {
    for (const emulator of [plain, temporary]) {
      const client = clientFor(emulator, { credentials: { accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN } });
      expect((await client.deleteProcessorTask({ taskId: TASK_ID }, { ignoreMissing: true })).missing).toBe(true);
    }
  });

  it("accepts a request signed by Huawei's own Node signer", async () => {
    const signed = AKSKSigner.sign(
      { endpoint: `${plain.url}${TASKS_PATH}`, method: 'GET', headers: { 'Content-Type': 'application/json' }, queryParams: { limit: '2', sort_by: 'name' } },
      new BasicCredentials().withAk(AK).withSk(SK),
    ) as Record<string, string>;
    const res = await fetch(`${plain.url}${TASKS_PATH}?limit=2&sort_by=name`, { headers: { 'Content-Type': 'application/json', ...signed } });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('refuses a wrong secret key, a missing or wrong security token, an IAM token', async () => {
    const wrong = await refusal(clientFor(plain, { credentials: { accessKey: AK, secretKey: `${SK}x` }, retry: false }).deleteProcessorTask({ taskId: TASK_ID }));
    expect(wrong).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
    expect(wrong.errorMsg).toContain('signature does not match');
    await refusal(clientFor(plain, { credentials: { accessKey: 'OTHERKEY', secretKey: SK } }).deleteProcessorTask({ taskId: TASK_ID }));
    await refusal(clientFor(temporary, { credentials: { accessKey: AK, secretKey: SK } }).deleteProcessorTask({ taskId: TASK_ID }));
    await refusal(clientFor(temporary, { credentials: { accessKey: AK, secretKey: SK, securityToken: 'another-token' } }).deleteProcessorTask({ taskId: TASK_ID }));
    await refusal(clientFor(plain).deleteProcessorTask({ taskId: TASK_ID }));
  });

  it('refuses a request whose path, query or body changed after signing', async () => {
    const path = `${TASKS_PATH}/${TASK_ID}`;
    expect((await signedThenSent(plain, { method: 'DELETE', signedPath: path })).status).toBe(400); // signature fine; task missing
    const changedPath = await signedThenSent(plain, { method: 'DELETE', signedPath: path, sentPath: `${TASKS_PATH}/AcYfsdfhGyrWL5TtahH` });
    expect(changedPath).toMatchObject({ status: 401, body: { error_code: 'APIGW.0301' } });
    expect(changedPath.body.request_id).toMatch(/^[0-9a-f]{32}$/);
    const changedQuery = await signedThenSent(plain, { method: 'GET', signedPath: `${TASKS_PATH}?limit=1`, sentPath: `${TASKS_PATH}?limit=100` });
    expect(changedQuery.status).toBe(401);
    const body = JSON.stringify({ name: 'a', template: { id: 'sys_data_analyse' } });
    const changedBody = await signedThenSent(plain, { method: 'POST', signedPath: TASKS_PATH, body, sentBody: body.replace('"a"', '"b"') });
    expect(changedBody.status).toBe(401);
    expect((await signedThenSent(plain, { method: 'POST', signedPath: TASKS_PATH, body })).status).toBe(200);
  });

  it('refuses an X-Sdk-Date more than 15 minutes off, and accepts one within', async () => {
    const path = `${TASKS_PATH}/${TASK_ID}`;
    const stale = await signedThenSent(plain, { method: 'DELETE', signedPath: path, date: new Date(Date.now() - 16 * 60_000) });
    expect(stale.status).toBe(401);
    expect(stale.body.error_msg).toContain('15 minutes');
    expect((await signedThenSent(plain, { method: 'DELETE', signedPath: path, date: new Date(Date.now() + 16 * 60_000) })).status).toBe(401);
    expect((await signedThenSent(plain, { method: 'DELETE', signedPath: path, date: new Date(Date.now() - 10 * 60_000) })).status).toBe(400);
  });

  it('refuses a security token that is sent but not signed', async () => {
    const path = `${TASKS_PATH}/${TASK_ID}`;
    const auth = signRequest({ method: 'DELETE', url: plain.url + path, accessKey: AK, secretKey: SK, date: new Date() });
    const res = await fetch(plain.url + path, { method: 'DELETE', headers: { ...auth, 'X-Security-Token': 'slipped-in' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_msg: string }).error_msg).toContain('not signed');
  });

  it('refuses an Authorization that is not an SDK-HMAC-SHA256 signature', async () => {
    for (const authorization of ['Bearer abc', `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=x-sdk-date, Signature=${'0'.repeat(64)}`]) {
      const answer = await send(plain, 'GET', TASKS_PATH, { headers: { Authorization: authorization, 'X-Sdk-Date': '20200608T023900Z', 'X-Auth-Token': '' } });
      expect(answer.status, authorization).toBe(401);
    }
  });
});

describe('emulator: IAM tokens (--token), and no flag at all', () => {
  it('with --token accepts that token only', async () => {
    expect((await clientFor(tokenOnly, { credentials: { token: 'the-one-token' } }).deleteProcessorTask({ taskId: TASK_ID }, { ignoreMissing: true })).missing).toBe(true);
    const wrong = await refusal(clientFor(tokenOnly, { credentials: { token: 'another-token' } }).deleteProcessorTask({ taskId: TASK_ID }));
    expect(wrong).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
    await refusal(clientFor(tokenOnly, { credentials: { accessKey: AK, secretKey: SK } }).deleteProcessorTask({ taskId: TASK_ID }));
  });

  it('without flags accepts any non-empty credential, and refuses none at all', async () => {
    expect((await clientFor(open, { credentials: { token: 'anything' } }).deleteProcessorTask({ taskId: TASK_ID }, { ignoreMissing: true })).missing).toBe(true);
    expect((await clientFor(open, { credentials: { accessKey: 'any', secretKey: 'thing' } }).deleteProcessorTask({ taskId: TASK_ID }, { ignoreMissing: true })).missing).toBe(true);
    const res = await fetch(`${open.url}${TASKS_PATH}/${TASK_ID}`, { method: 'DELETE' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error_code: 'APIGW.0301' });
    const empty = await fetch(`${open.url}${TASKS_PATH}/${TASK_ID}`, { method: 'DELETE', headers: { 'X-Auth-Token': '' } });
    expect(empty.status).toBe(401);
  });
});
