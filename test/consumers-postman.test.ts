// The Postman collection, as a person who clicks uses it: every operation once, in Postman's
// own object model, and every request, sent by Newman (Postman's runner) with only the
// collection variables set, answered by the Prism mock with the operation's success status.
// With AK/SK set instead of a token, the collection's pre-request script signs every request,
// and the emulator, which rebuilds the canonical request from the bytes it receives, checks
// each signature.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import newman from 'newman';
import { Collection } from 'postman-collection';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../scripts/paths.ts';
import { useEmulator } from './support/emulator.ts';
import { loadBundledSpec, type Json } from './support/fixtures.ts';

const collectionJson = JSON.parse(readFileSync(join(root, 'generated/postman-collection.json'), 'utf8')) as Json;
const spec = loadBundledSpec();

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

/** Every operation as `METHOD /path/{param}`, with the status its success answer has. */
const operations = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json).filter(([method]) => METHODS.has(method)).map(([method, op]) => ({
    key: `${method.toUpperCase()} ${path}`,
    success: Number(Object.keys((op as Json).responses).find((s) => s.startsWith('2'))),
  })),
);

function requestKey(method: string, path: string[]): string {
  return `${method} /${path.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/')}`;
}

interface Run {
  answers: { key: string; status: number | undefined; body: Json | undefined }[];
  /** The messages of failed scripts (and assertions), one per failure. */
  failures: string[];
}

/** Runs a collection with Newman, given only what a user sets: variables of an environment. */
async function runNewman(collection: Json, variables: Record<string, string>): Promise<Run> {
  const summary = await new Promise<newman.NewmanRunSummary>((resolve, reject) => {
    newman.run(
      { collection: collection as never, envVar: Object.entries(variables).map(([key, value]) => ({ key, value })), reporters: [] },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  return {
    answers: summary.run.executions.map((e) => {
      const text = e.response?.stream?.toString('utf8') ?? '';
      return { key: requestKey(e.item.request.method, e.item.request.url.path ?? []), status: e.response?.code, body: text === '' ? undefined : (JSON.parse(text) as Json) };
    }),
    failures: summary.run.failures.map((f) => f.error.message),
  };
}

/** What the gateway (here the emulator) said of a request's credentials: undefined when it accepted them. */
const refusal = (a: Run['answers'][number]) => (a.status === 401 || a.status === 403 ? `${a.status} ${a.body?.error_msg}` : undefined);

const AK = 'EMULATORACCESSKEY001';
const SK = 'emulator-secret-key-never-committed-0001';

describe('generated/postman-collection.json', () => {
  const collection = new Collection(collectionJson);
  const requests: { key: string; name: string }[] = [];
  collection.forEachItem((item) => requests.push({ key: requestKey(item.request.method, item.request.url.path ?? []), name: item.name }));

  it('holds every operation of the spec exactly once, and nothing else', () => {
    expect(requests.map((r) => r.key).sort()).toEqual(operations.map((o) => o.key).sort());
  });

  it('asks for the token and the project once, for the whole collection', () => {
    const variables = Object.fromEntries(collection.variables.all().map((v) => [v.key, v.value]));
    expect(variables).toMatchObject({ baseUrl: 'https://modelarts.{{region}}.myhuaweicloud.com', region: 'cn-north-4', iamToken: '' });
    expect(collection.auth?.parameters().toObject()).toEqual({ key: 'X-Auth-Token', value: '{{iamToken}}', in: 'header' });
    collection.forEachItem((item) => {
      expect(item.request.url.variables.get('project_id'), item.name).toBe('{{project_id}}');
    });
  });

  it('every request, sent by Newman as generated, gets its success status from the mock', async () => {
    // What a user sets: where to send, and a token. Everything else is the collection's.
    const run = await runNewman(collectionJson, { baseUrl: inject('mockUrl'), iamToken: 'any-token' });
    expect(run.failures).toEqual([]);
    const got = run.answers.map(({ key, status }) => ({ key, status }));
    const want = operations.map((o) => ({ key: o.key, status: o.success }));
    expect(got.sort((a, b) => a.key.localeCompare(b.key))).toEqual(want.sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('ships the AK/SK variables empty, the secret ones marked secret, and the signing script as written', () => {
    const variables = Object.fromEntries((collectionJson.variable as Json[]).map((v) => [v.key, v]));
    for (const key of ['accessKey', 'secretKey', 'securityToken', 'iamToken']) expect(variables[key]?.value, key).toBe('');
    for (const key of ['secretKey', 'securityToken', 'iamToken']) expect(variables[key]?.type, key).toBe('secret');
    const script = readFileSync(join(root, 'scripts/postman-auth.js'), 'utf8').trimEnd();
    expect(collectionJson.event).toEqual([{ listen: 'prerequest', script: { type: 'text/javascript', exec: script.split('\n') } }]);
  });
});

describe('the collection signed with AK/SK, checked by the emulator', async () => {
  const emulator = await useEmulator({ accessKey: AK, secretKey: SK });
  const temporary = await useEmulator({ accessKey: AK, secretKey: SK, securityToken: 'temporary-security-token' });

  it('every request carries a signature the emulator verifies (answers past authentication)', async () => {
    const run = await runNewman(collectionJson, { baseUrl: emulator.url, accessKey: AK, secretKey: SK });
    expect(run.failures).toEqual([]);
    expect(run.answers).toHaveLength(operations.length);
    expect(run.answers.map(refusal).filter(Boolean)).toEqual([]);
    // The create call succeeds outright: nothing about the signature is left to interpretation.
    expect(run.answers.find((a) => a.key === 'POST /v2/{project_id}/processor-tasks')?.status).toBe(200);
  });

  it('a wrong secret key is refused on every request: the check is real', async () => {
    const run = await runNewman(collectionJson, { baseUrl: emulator.url, accessKey: AK, secretKey: `${SK}x` });
    expect(run.answers.map(refusal)).toEqual(operations.map(() => '401 Incorrect IAM authentication information: signature does not match the request received'));
  });

  it('temporary credentials: the security token is sent and signed; without it they are refused', async () => {
    const signed = await runNewman(collectionJson, { baseUrl: temporary.url, accessKey: AK, secretKey: SK, securityToken: 'temporary-security-token' });
    expect(signed.answers.map(refusal).filter(Boolean)).toEqual([]);
    const without = await runNewman(collectionJson, { baseUrl: temporary.url, accessKey: AK, secretKey: SK });
    expect(new Set(without.answers.map(refusal))).toEqual(new Set(['401 Incorrect IAM authentication information: these credentials are temporary: the security token is missing or wrong']));
  });

  it.each(["a b+c", "ü/é~*'()!", '%41-already-escaped', '名前', 'x,y', 'a&b=c#d;e'])('query values that need encoding are signed as the emulator receives them: %s', async (value) => {
    // Every optional query parameter switched on, the free-text ones holding characters that
    // Postman and the gateway encode and decode differently: spaces, '+', reserved and
    // non-ASCII characters, an escape already made.
    const tricky = structuredClone(collectionJson);
    const items = (tricky.item as Json[]).flatMap((i) => (i.item ? i.item : [i])).filter((i) => (i.request.url.query ?? []).length > 0);
    tricky.item = items;
    let set = 0;
    for (const item of items) {
      for (const q of item.request.url.query as Json[]) {
        q.disabled = false;
        if (/^(task_name|source|process_parameter|workspace_id)$/.test(q.key)) (q.value = value), set++;
      }
    }
    expect(set).toBeGreaterThanOrEqual(4);
    const run = await runNewman(tricky, { baseUrl: emulator.url, accessKey: AK, secretKey: SK });
    expect(run.failures).toEqual([]);
    expect(run.answers).toHaveLength(items.length);
    expect(run.answers.map(refusal).filter(Boolean)).toEqual([]);
  });

  it('half a key pair, or a key pair beside a token, is refused by the script and nothing is sent with a credential', async () => {
    for (const [variables, message] of [
      [{ accessKey: AK }, 'Set both accessKey and secretKey to sign with AK/SK, or neither to use iamToken.'],
      [{ secretKey: SK }, 'Set both accessKey and secretKey to sign with AK/SK, or neither to use iamToken.'],
      [{ accessKey: AK, secretKey: SK, iamToken: 'a-token' }, 'Set either iamToken or accessKey and secretKey, not both: which one a request uses would be a guess.'],
    ] as const) {
      const run = await runNewman(collectionJson, { baseUrl: emulator.url, ...variables });
      expect(new Set(run.failures)).toEqual(new Set([message]));
      expect(run.failures).toHaveLength(operations.length);
      // Newman sends a request whose script failed; it goes out with no credential at all.
      expect(new Set(run.answers.map(refusal))).toEqual(new Set(['401 Incorrect IAM authentication information: no X-Auth-Token and no AK/SK signature']));
    }
  });
});
