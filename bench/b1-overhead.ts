// B1: per-call overhead of client.deleteProcessorTask (token auth, no retry triggered) against
// raw fetch of the identical request, raw openapi-fetch and axios, all sequential against the
// same in-process loopback server in the same run. Then the pieces: a ladder of raw-fetch
// variants that add one ingredient of our transport at a time, CPU time per call (less
// sensitive than wall time to other processes on a shared machine), and micro-benchmarks
// (no network) of each ingredient alone, including the whole client over a stub fetch.
import axios from 'axios';
import createClient from 'openapi-fetch';
import { fileURLToPath } from 'node:url';
import { createProcessorTasksClient } from '../src/index.ts';
import type { paths } from '../generated/client.ts';
import { fmt, runPaired, runRounds, spread, type Spread } from './lib.ts';
import { startServer } from './server.ts';

export const PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';
export const TASK_ID = 'SNEJua7qdZZN8GvkcEr';
const PATH = '/v2/{project_id}/processor-tasks/{task_id}' as const;

export interface B1Result {
  rounds: number;
  /** Per-call latency, ms, pooled over rounds. */
  latency: Record<string, Spread>;
  /**
   * Ratio to raw fetch. `paired` is the headline: every contender called once per iteration,
   * back to back, the ratio taken within the iteration (median, p25–p75 over iterations).
   * `rounds` is the median of the per-round ratios of the tinybench rounds, `pooled` the ratio
   * of their pooled medians, `perRound` each round's.
   */
  ratioToFetch: Record<string, { paired: Spread; rounds: number; pooled: number; perRound: number[] }>;
  pairedIterations: number;
  /** Process CPU time (user + system, client and in-process server) per call, µs, over interleaved blocks. */
  cpuUsPerCall: Record<string, Spread>;
  /** Extra cost over raw fetch of each ladder step, µs (pooled medians). */
  ladder: Record<string, number>;
  /** Micro-benchmarks of the pieces alone (no network), µs per operation, median. */
  pieces: Record<string, Spread>;
  headersSent: Record<string, Record<string, string>>;
}

function wire(headers: Record<string, string | string[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export async function runB1(options: { rounds?: number; time?: number; log?: (s: string) => void } = {}): Promise<B1Result> {
  const rounds = options.rounds ?? 4;
  const time = options.time ?? 250;
  const log = options.log ?? (() => {});
  const server = await startServer();
  try {
    const url = `${server.origin}/v2/${PROJECT_ID}/processor-tasks/${TASK_ID}`;
    const client = createProcessorTasksClient({ endpoint: server.origin, credentials: { token: 'bench-token' }, projectId: PROJECT_ID });

    // What the client puts on the wire; every contender replays exactly these headers.
    await client.deleteProcessorTask({ taskId: TASK_ID });
    const clientWire = wire(server.lastHeaders());
    const replay: Record<string, string> = {};
    for (const name of ['user-agent', 'x-auth-token'] as const) replay[name] = clientWire[name]!;

    const raw = createClient<paths>({ baseUrl: server.origin });
    const ax = axios.create();
    const params = { path: { project_id: PROJECT_ID, task_id: TASK_ID } };

    const headersSent: Record<string, Record<string, string>> = { client: clientWire };
    const check = async (name: string, fn: () => Promise<unknown>) => {
      await fn();
      headersSent[name] = wire(server.lastHeaders());
    };

    const tasks = {
      'client.deleteProcessorTask': async () => {
        const r = await client.deleteProcessorTask({ taskId: TASK_ID });
        if (r.status !== 200) throw new Error('unexpected status');
      },
      'raw fetch': async () => {
        const res = await fetch(url, { method: 'DELETE', headers: replay });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error('unexpected status');
      },
      'raw openapi-fetch': async () => {
        const { response } = await raw.DELETE(PATH, { params, headers: replay });
        if (response.status !== 200) throw new Error('unexpected status');
      },
      axios: async () => {
        const res = await ax.delete(url, { headers: replay });
        if (res.status !== 200) throw new Error('unexpected status');
      },
      // The ladder: raw fetch plus one more ingredient of our transport per step.
      'ladder 1: + AbortController, timer, redirect manual': async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        const res = await fetch(url, { method: 'DELETE', headers: replay, redirect: 'manual', signal: controller.signal });
        await res.arrayBuffer();
        clearTimeout(timer);
      },
      'ladder 2: + re-wrap body in new Response': async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        const res = await fetch(url, { method: 'DELETE', headers: replay, redirect: 'manual', signal: controller.signal });
        const bytes = new Uint8Array(await res.arrayBuffer());
        clearTimeout(timer);
        const full = new Response(bytes, { status: res.status, statusText: res.statusText, headers: res.headers });
        full.headers.get('x-request-id');
      },
      'ladder 3: + openapi-fetch in front (Request built, then re-read)': async () => {
        const { response } = await raw.DELETE(PATH, {
          params,
          parseAs: 'stream',
          fetch: async (request: Request) => {
            const headers: Record<string, string> = { ...replay };
            request.headers.forEach((v, k) => (headers[k] = v));
            const controller = new AbortController();
            const timer = setTimeout(() => controller.abort(), 30_000);
            const res = await fetch(request.url, { method: request.method, headers, redirect: 'manual', signal: controller.signal });
            const bytes = new Uint8Array(await res.arrayBuffer());
            clearTimeout(timer);
            return new Response(bytes, { status: res.status, statusText: res.statusText, headers: res.headers });
          },
        });
        response.headers.get('x-request-id');
      },
    };
    await check('raw fetch', tasks['raw fetch']);
    await check('raw openapi-fetch', tasks['raw openapi-fetch']);
    await check('axios', tasks.axios);

    log(`  B1: ${rounds} rounds × ${Object.keys(tasks).length} tasks × ${time} ms`);
    const { latency, perRound } = await runRounds(tasks, { rounds, time, warmupTime: 300 });

    log('  B1: paired ratios (every contender once per iteration, back to back)');
    const paired = await runPaired(
      tasks,
      Object.keys(tasks).map((n): [string, string] => [n, 'raw fetch']),
      { time: 4000, warmupTime: 300 },
    );

    const base = latency['raw fetch']!.median;
    const ratioToFetch: B1Result['ratioToFetch'] = {};
    for (const name of Object.keys(tasks)) {
      const r = perRound[name]!.map((m, i) => m / perRound['raw fetch']![i]!);
      ratioToFetch[name] = { paired: paired.ratio[`${name} / raw fetch`]!, rounds: spread(r).median, pooled: latency[name]!.median / base, perRound: r };
    }

    log('  B1: CPU time per call, interleaved blocks');
    const main = ['client.deleteProcessorTask', 'raw fetch', 'raw openapi-fetch', 'axios'] as const;
    const cpuUsPerCall = await cpuPerCall(Object.fromEntries(main.map((n) => [n, tasks[n]])), { blocks: 12, calls: 100 });
    const ladder: Record<string, number> = {};
    for (const name of Object.keys(tasks)) ladder[name] = (latency[name]!.median - base) * 1000;

    const pieces = await runPieces(server.origin);
    return { rounds, latency, ratioToFetch, pairedIterations: paired.iterations, cpuUsPerCall, ladder, pieces, headersSent };
  } finally {
    await server.close();
  }
}

/** CPU µs per call of each task: blocks of `calls` sequential calls, the tasks taking turns. */
async function cpuPerCall(tasks: Record<string, () => Promise<unknown>>, o: { blocks: number; calls: number }): Promise<Record<string, Spread>> {
  const names = Object.keys(tasks);
  const perBlock: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) for (let i = 0; i < o.calls; i++) await tasks[name]!(); // warm
  for (let b = 0; b < o.blocks; b++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + b) % names.length]!;
      const fn = tasks[name]!;
      const before = process.cpuUsage();
      for (let i = 0; i < o.calls; i++) await fn();
      const used = process.cpuUsage(before);
      perBlock[name]!.push((used.user + used.system) / o.calls);
    }
  }
  return Object.fromEntries(names.map((n) => [n, spread(perBlock[n]!)]));
}

/** Each ingredient alone, without the network: µs per operation. */
async function runPieces(origin: string): Promise<Record<string, Spread>> {
  const url = `${origin}/v2/${PROJECT_ID}/processor-tasks/${TASK_ID}`;
  const headersInit = { 'user-agent': 'modelarts-processor-tasks/0.2.0 node/x', 'X-Auth-Token': 'bench-token' };
  const stubResponse = () => new Response(null, { status: 200 });
  const raw = createClient<paths>({ baseUrl: origin, fetch: async () => stubResponse() });
  const rawStream = createClient<paths>({ baseUrl: origin });
  const params = { path: { project_id: PROJECT_ID, task_id: TASK_ID } };
  const template = new Response(new Uint8Array(2), {
    status: 200,
    headers: { 'content-type': 'application/json', 'content-length': '2', 'x-request-id': 'bench-1', date: new Date().toUTCString(), connection: 'keep-alive', 'keep-alive': 'timeout=60' },
  });
  const bytes = new Uint8Array(2);
  const serverLike = () =>
    new Response('{}', { status: 200, headers: { 'content-type': 'application/json', 'content-length': '2', 'x-request-id': 'bench-1', date: 'Sun, 29 Nov 2026 12:00:00 GMT', connection: 'keep-alive', 'keep-alive': 'timeout=60' } });
  const stubbed = createProcessorTasksClient({
    endpoint: origin,
    credentials: { token: 'bench-token' },
    projectId: PROJECT_ID,
    fetch: async () => serverLike(),
  });
  const withMiddleware = createClient<paths>({ baseUrl: origin, fetch: async () => stubResponse() });
  withMiddleware.use({ onRequest() {} });
  const tasks = {
    'whole client over a stub fetch (answers like the server)': async () => {
      await stubbed.deleteProcessorTask({ taskId: TASK_ID });
    },
    'the stub + reading its body (what raw fetch adds; baseline of the line above)': async () => {
      const res = await (async () => serverLike())();
      await res.arrayBuffer();
    },
    'new Request(url, {DELETE, empty Headers})': () => {
      new Request(url, { method: 'DELETE', headers: new Headers(), redirect: 'follow' });
    },
    'openapi-fetch DELETE, stub fetch (incl. new Response(null))': async () => {
      await raw.DELETE(PATH, { params, parseAs: 'stream' });
    },
    'openapi-fetch DELETE via fetch override, stub (as client.ts does)': async () => {
      await rawStream.DELETE(PATH, { params, parseAs: 'stream', fetch: async () => stubResponse() });
    },
    'openapi-fetch DELETE, stub, one no-op onRequest middleware': async () => {
      await withMiddleware.DELETE(PATH, { params, parseAs: 'stream' });
    },
    'stub alone: new Response(null)': () => {
      stubResponse();
    },
    'transport headers: Request.headers.forEach + spread': () => {
      const req = new Request(url, { method: 'DELETE', headers: new Headers() });
      const base: Record<string, string> = { 'user-agent': headersInit['user-agent'] };
      req.headers.forEach((v, k) => (base[k] = v));
      const h = { ...base, 'X-Auth-Token': 'bench-token' };
      if (!h) throw new Error();
    },
    'Request alone (baseline of the line above)': () => {
      new Request(url, { method: 'DELETE', headers: new Headers() });
    },
    'AbortController + setTimeout + clearTimeout': () => {
      const c = new AbortController();
      const t = setTimeout(() => c.abort(), 30_000);
      clearTimeout(t);
    },
    're-wrap: new Response(bytes, {status, statusText, headers: res.headers})': () => {
      const r = new Response(bytes, { status: template.status, statusText: template.statusText, headers: template.headers });
      r.headers.get('x-request-id');
    },
  };
  const { latency } = await runRounds(tasks, { rounds: 3, time: 150, warmupTime: 50, warmupIterations: 500 });
  return latency;
}

export function printB1(r: B1Result): string {
  const lines = [
    `B1 per-call latency (sequential, loopback): latency from ${r.rounds} tinybench rounds (pooled samples); ` +
      `ratio to raw fetch paired within ${r.pairedIterations} iterations (median, p25–p75)`,
  ];
  for (const [name, s] of Object.entries(r.latency)) {
    const ratio = r.ratioToFetch[name]!;
    lines.push(
      `  ${name.padEnd(64)} median ${fmt.us(s.median).padStart(9)}  p25–p75 ${fmt.us(s.p25)}–${fmt.us(s.p75)}  ` +
        `${fmt.x(ratio.paired.median)} raw fetch (${ratio.paired.p25.toFixed(2)}–${ratio.paired.p75.toFixed(2)}; rounds ${ratio.perRound.map((x) => x.toFixed(2)).join(', ')})`,
    );
  }
  lines.push('  CPU time per call (process user+system, client and in-process server together), interleaved blocks:');
  const cpuBase = r.cpuUsPerCall['raw fetch']!.median;
  for (const [name, s] of Object.entries(r.cpuUsPerCall)) {
    lines.push(`    ${name.padEnd(50)} ${s.median.toFixed(0).padStart(6)} µs  p25–p75 ${s.p25.toFixed(0)}–${s.p75.toFixed(0)}  ${fmt.x(s.median / cpuBase)} raw fetch`);
  }
  lines.push('  pieces alone (no network), median per operation:');
  for (const [name, s] of Object.entries(r.pieces)) lines.push(`    ${name.padEnd(72)} ${fmt.us(s.median).padStart(9)}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runB1({ log: console.log });
  console.log(printB1(r));
  console.log(JSON.stringify(r.headersSent, null, 2));
}
