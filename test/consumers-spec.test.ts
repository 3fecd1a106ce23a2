// The published bundles as other teams' tools read them: text those tools show users (response
// and example descriptions become error messages and doc prose, server descriptions become menu
// entries and identifiers) is written for users; where each fact comes from stays in `x-source`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../scripts/paths.ts';
import { deref, type Json } from './support/fixtures.ts';

const BUNDLES = ['openapi.json', 'openapi-3.0.json'].map((file) => ({
  file,
  spec: JSON.parse(readFileSync(join(root, 'generated', file), 'utf8')) as Json,
}));

/** Words that only make sense to the people who wrote the document. */
const MAINTAINER_TEXT = /\b(seed|OTC|huaweicloudDocs|appendix|verbatim|mock|status tables?|inferred)\b|\*/i;

function responses(spec: Json): [string, Json][] {
  const out: [string, Json][] = Object.entries((spec.components?.responses ?? {}) as Json).map(([n, r]) => [`components/responses/${n}`, r as Json]);
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      for (const [status, r] of Object.entries(((op as Json).responses ?? {}) as Json)) {
        if (!(r as Json).$ref) out.push([`${method.toUpperCase()} ${path} ${status}`, r as Json]);
      }
    }
  }
  return out;
}

describe.each(BUNDLES)('$file as consumers read it', ({ spec }) => {
  it('every response says what happened, for users; its source is in x-source', () => {
    const found = responses(spec);
    expect(found.length).toBeGreaterThan(20);
    for (const [at, r] of found) {
      expect(r.description, at).not.toMatch(MAINTAINER_TEXT);
      expect(r.description.length, at).toBeLessThanOrEqual(300);
      expect(r['x-source'], at).toEqual(expect.any(String));
    }
  });

  it('every shared example has a user-facing summary and description; its source is in x-source', () => {
    const examples = Object.entries(spec.components.examples as Json);
    expect(examples.length).toBe(42);
    for (const [name, ex] of examples) {
      expect(ex.summary, name).not.toMatch(MAINTAINER_TEXT);
      if (ex.description !== undefined) expect(ex.description, name).not.toMatch(MAINTAINER_TEXT);
      expect(ex['x-source'], name).toEqual(expect.any(String));
    }
  });

  it('every other description reads without asides on its sources: they are in a trailing Source paragraph', () => {
    const asides: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${at}/${i}`));
      for (const [key, value] of Object.entries(node as Json)) {
        // Example values are data; info.description is the document's own page on its sources.
        if (key === 'value' || key === 'examples' || key === 'example' || at === '/info') continue;
        if (key === 'description' && typeof value === 'string') {
          const text = value.split(/\n\nSource: /)[0]!;
          if (/\((seed\b|OTC\b|Huawei \(huaweicloudDocs\))/.test(text)) asides.push(`${at}: ${text.slice(0, 80)}`);
        } else walk(value, `${at}/${key}`);
      }
    };
    walk(spec, '');
    expect(asides).toEqual([]);
  });

  it('publishes only the service endpoints, each named by its environment in a short plain line', () => {
    for (const server of spec.servers as Json[]) {
      expect(server.url).toMatch(/^https:\/\//);
      expect(server.description).toMatch(/^Production, /);
      expect(server.description).not.toMatch(/[`*\n]/);
      expect(server.description.length).toBeLessThanOrEqual(80);
      expect(server['x-source']).toEqual(expect.any(String));
    }
  });

  it("links no one else's page as the maintainers' contact", () => {
    expect(spec.info.contact.name).toMatch(/maintainers/);
    expect(spec.info.contact.url).toBeUndefined();
  });

  it("the Error schema's example values are those of the TaskNotFound example", () => {
    const error = spec.components.schemas.Error.properties;
    const shown = (p: Json) => p.examples?.[0] ?? p.example;
    const taskNotFound = deref(spec, { $ref: '#/components/examples/TaskNotFound' }).value;
    expect({ error_code: shown(error.error_code), error_msg: shown(error.error_msg) }).toEqual(taskNotFound);
  });
});
