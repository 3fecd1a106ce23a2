// One call per operation of the bundled spec, as the generated-client tests of issue 14 make
// it: every path and query parameter set to its documented example, the first request-body
// example, and the success the mock must answer with (the first documented 2xx and its first
// example, which Prism serves when no `Prefer` header asks for another).
import { deref, documentedExamples, loadBundledSpec, type Json } from './fixtures.ts';
import { OPERATIONS, type SpecParam } from './spec-operations.ts';

export interface CallPlan {
  id: string;
  /** Path parameters in the order the path template names them. */
  path: { name: string; value: unknown }[];
  /** Every query parameter with its example; undefined when the operation has none. */
  query?: Record<string, unknown>;
  /** The query as the spec serialises it (style `form`): name and value pairs, sorted. */
  wireQuery: [string, string][];
  /** The same query with every array exploded (one pair per item), whatever its `explode`. */
  explodedQuery: [string, string][];
  body?: unknown;
  expected: { status: number; body?: unknown };
}

/** What a call site reports for one call, whatever the generator. */
export interface CallOutcome {
  status: number;
  data: unknown;
  contentType: string | null;
}

const byPair = ([a, x]: [string, string], [b, y]: [string, string]) => a.localeCompare(b) || x.localeCompare(y);

/** The query a request URL carries: name and value pairs, sorted. */
export function queryOf(url: string): [string, string][] {
  return [...new URL(url).searchParams.entries()].sort(byPair);
}

const spec = loadBundledSpec();

function exampleOf(param: { name: string; example?: unknown }, opId: string): unknown {
  if (param.example === undefined) throw new Error(`${opId}: parameter ${param.name} has no example to call with`);
  return param.example;
}

/** Style `form`: an array is one value joined by commas with `explode: false`, else one pair per item. */
function wireQueryOf(params: readonly SpecParam[], opId: string, explode: (p: SpecParam) => boolean): [string, string][] {
  const pairs = params.flatMap((p): [string, string][] => {
    const value = exampleOf(p, opId);
    if (!Array.isArray(value)) return [[p.name, String(value)]];
    return explode(p) ? value.map((v): [string, string] => [p.name, String(v)]) : [[p.name, value.join(',')]];
  });
  return pairs.sort(byPair);
}

function expectedSuccess(path: string, method: string): CallPlan['expected'] {
  const responses = (spec.paths[path][method].responses ?? {}) as Json;
  const status = Object.keys(responses).map(Number).filter((s) => s >= 200 && s < 300).sort((a, b) => a - b)[0];
  if (status === undefined) throw new Error(`${method} ${path} documents no 2xx response`);
  const content = deref(spec, responses[String(status)]).content;
  if (!content) return { status };
  const example = documentedExamples(spec, path, method).find((e) => e.status === status);
  if (!example) throw new Error(`${method} ${path}: ${status} has content but no example`);
  return { status, body: example.value };
}

export const CALL_PLANS: readonly CallPlan[] = OPERATIONS.map((op) => {
  const order = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const pathParams = op.params.filter((p) => p.in === 'path').sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const queryParams = op.params.filter((p) => p.in === 'query');
  return {
    id: op.id,
    path: pathParams.map((p) => ({ name: p.name, value: exampleOf(p, op.id) })),
    ...(queryParams.length > 0 ? { query: Object.fromEntries(queryParams.map((p) => [p.name, exampleOf(p, op.id)])) } : {}),
    wireQuery: wireQueryOf(queryParams, op.id, (p) => p.explode !== false),
    explodedQuery: wireQueryOf(queryParams, op.id, () => true),
    ...(op.body ? { body: op.body.example } : {}),
    expected: expectedSuccess(op.path, op.method.toLowerCase()),
  };
});
