// The Postman collection, as a person who clicks uses it: every operation once, in Postman's
// own object model, and every request, sent by Newman (Postman's runner) with only the
// collection variables set, answered by the Prism mock with the operation's success status.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import newman from 'newman';
import { Collection } from 'postman-collection';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../scripts/paths.ts';
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
    const summary = await new Promise<newman.NewmanRunSummary>((resolve, reject) => {
      newman.run(
        {
          collection: collectionJson as never,
          // What a user sets: where to send, and a token. Everything else is the collection's.
          envVar: [
            { key: 'baseUrl', value: inject('mockUrl') },
            { key: 'iamToken', value: 'any-token' },
          ],
          reporters: [],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });
    const got = summary.run.executions.map((e) => ({
      key: requestKey(e.item.request.method, e.item.request.url.path ?? []),
      status: e.response?.code,
    }));
    const want = operations.map((o) => ({ key: o.key, status: o.success }));
    expect(summary.run.failures).toEqual([]);
    expect(got.sort((a, b) => a.key.localeCompare(b.key))).toEqual(want.sort((a, b) => a.key.localeCompare(b.key)));
  });
});
