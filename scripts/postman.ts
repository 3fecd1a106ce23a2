// The Postman collection (generated/postman-collection.json), for people who click rather than
// code: converted from the 3.1 bundle by openapi-to-postmanv2, then made reproducible and ready
// to use. Covered by the drift check like everything in generated/.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Converter from 'openapi-to-postmanv2';
import { root } from './paths.ts';

type Json = Record<string, any>;

const OPTIONS = {
  folderStrategy: 'Tags',
  // The documented examples, not values faked from the schemas: the same on every run.
  parametersResolution: 'Example',
  // Optional query parameters are listed but off: a first click lists every task, unfiltered.
  enableOptionalParameters: false,
  // No values faked from the schemas where an example is missing: faked values change every run.
  schemaFaker: false,
  includeAuthInfoInExample: false,
  alwaysInheritAuthentication: true,
} as const;

/** A version-4-shaped UUID from a fixed name: the converter's random ids would differ on every run. */
function stableId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function replaceIds(node: unknown, at: string): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child, i) => replaceIds(child, `${at}/${i}`));
  const obj = node as Json;
  for (const key of ['id', '_postman_id']) if (typeof obj[key] === 'string') obj[key] = stableId(`${at}/${key}`);
  for (const [key, value] of Object.entries(obj)) replaceIds(value, `${at}/${key}`);
}

function requests(items: Json[]): Json[] {
  return items.flatMap((item) => (Array.isArray(item.item) ? requests(item.item) : [item]));
}

function convert(spec: Json): Promise<Json> {
  return new Promise((resolve, reject) => {
    Converter.convertV2({ type: 'json', data: spec }, OPTIONS, (err, result) => {
      if (err) return reject(new Error(err.message));
      if (!result?.result) return reject(new Error(`openapi-to-postmanv2 refused the bundle: ${result?.reason}`));
      resolve(result.output?.[0]?.data as Json);
    });
  });
}

export async function buildPostmanCollection(spec: Json, note: string): Promise<string> {
  const collection = await convert(structuredClone(spec));
  const projectId = new Set<string>();
  for (const request of requests(collection.item)) {
    const url = request.request.url as Json;
    // The region is a collection variable already; the converter repeats it on every request.
    url.variable = (url.variable as Json[]).filter((v) => v.key !== 'region');
    for (const v of url.variable as Json[]) {
      if (v.key !== 'project_id') continue;
      projectId.add(v.value);
      // One project for the whole collection, set once, as the token is.
      v.value = '{{project_id}}';
    }
  }
  if (projectId.size !== 1) throw new Error(`expected one example project id, found ${[...projectId].join(', ')}`);
  collection.auth = {
    type: 'apikey',
    apikey: [
      { key: 'key', value: 'X-Auth-Token' },
      { key: 'value', value: '{{iamToken}}' },
      { key: 'in', value: 'header' },
    ],
  };
  collection.variable = [
    ...(collection.variable as Json[]),
    { key: 'project_id', value: [...projectId][0], type: 'string', description: 'Your project id (IAM console, My Credentials): every request uses it.' },
    { key: 'iamToken', value: '', type: 'secret', description: 'An IAM token for the project (X-Auth-Token). Or leave it empty and set accessKey and secretKey.' },
    { key: 'accessKey', value: '', type: 'string', description: 'An access key (AK): with secretKey, every request is signed (SDK-HMAC-SHA256) by the collection\'s pre-request script instead of carrying a token.' },
    { key: 'secretKey', value: '', type: 'secret', description: 'The secret key (SK) of accessKey. Set it in an environment or as a current value, so that it is never shared with the collection.' },
    { key: 'securityToken', value: '', type: 'secret', description: 'With temporary AK/SK only: the security token, sent as X-Security-Token and signed.' },
  ];
  // AK/SK signing runs before every request; it does nothing while only iamToken is set.
  collection.event = [{ listen: 'prerequest', script: { type: 'text/javascript', exec: readFileSync(join(root, 'scripts/postman-auth.js'), 'utf8').trimEnd().split('\n') } }];
  collection.info.description.content = `${collection.info.description.content.trimEnd()}\n\n${note}\n`;
  replaceIds(collection, '');
  return `${JSON.stringify(collection, null, 2)}\n`;
}
