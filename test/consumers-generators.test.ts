// Issue 14, generators: each independent TypeScript client generator, fed each published
// bundle as another team would, writes a client into a fresh temporary folder; the client and
// a call site that calls every operation once compile under strict settings; each call,
// through the generated function, sends the query as the spec serialises it and gets the
// documented success from the Prism mock.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { root } from '../scripts/paths.ts';
import { compileTypeScript } from './support/compile-typescript.ts';
import { CALL_PLANS, queryOf, type CallOutcome } from './support/consumer-calls.ts';
import { callSiteModule, GENERATORS } from './support/consumer-generators.ts';

const BUNDLES = ['generated/openapi.json', 'generated/openapi-3.0.json'];
// Prism accepts a query whatever the array style (`version_id=a&version_id=b` as well as
// `version_id=a,b`), so the URLs the clients hand to fetch are read here.
const sentUrls: string[] = [];
beforeAll(() => {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    sentUrls.push(input instanceof Request ? input.url : String(input));
    return realFetch(input, init);
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const MATRIX = GENERATORS.flatMap((generator) => BUNDLES.map((bundle) => ({ generator, bundle, name: `${generator.tool} ${generator.version} from ${bundle}` })));

describe.each(MATRIX)('$name', ({ generator, bundle }) => {
  const baseUrl = inject('mockUrl');
  let dir: string;
  let diagnostics: string[];
  let calls: Record<string, () => Promise<CallOutcome>> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'modelarts-consumer-'));
    await generator.generate(join(root, bundle), dir, baseUrl);
    writeFileSync(join(dir, 'calls.ts'), callSiteModule(generator, CALL_PLANS, baseUrl));
    diagnostics = compileTypeScript(dir, 'calls.ts');
    // noEmitOnError: a call site that does not compile leaves nothing to import.
    if (diagnostics.length === 0) ({ calls } = (await import(pathToFileURL(join(dir, 'out', 'calls.js')).href)) as { calls: typeof calls });
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('generates a client that compiles, with one typed call per operation, under strict settings', () => {
    expect(diagnostics).toEqual([]);
    expect(Object.keys(calls).sort()).toEqual(CALL_PLANS.map((p) => p.id).sort());
  });

  it.each(CALL_PLANS)('$id answers $expected.status with the documented body', async (plan) => {
    const call = calls[plan.id];
    if (!call) throw new Error(`no call of ${plan.id}: the client did not compile`);
    const known = generator.knownFailures?.[plan.id];
    const because = known ? `known failure, ${known.upstream}` : undefined;
    const before = sentUrls.length;
    const outcome = await call();
    expect(sentUrls.slice(before).map(queryOf), because).toEqual([known && 'query' in known ? plan.explodedQuery : plan.wireQuery]);
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(plan.expected.status);
    if (plan.expected.body === undefined) {
      expect(outcome.contentType).toBeNull();
      expect(outcome.data).toEqual(generator.noContent);
    } else {
      expect(outcome.contentType).toMatch(/^application\/json\b/);
      expect(outcome.data, because).toEqual(known && 'data' in known ? known.data : plan.expected.body);
    }
  });
});
