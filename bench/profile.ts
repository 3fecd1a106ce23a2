// Reproduces the B1 profile: sequential client.deleteProcessorTask calls, against the in-process
// server or (--stub) a stub fetch, under the V8 CPU profiler, then prints where the time went.
//   npx tsx bench/profile.ts [--stub] [--calls 20000]
// The summary lists self time and inclusive time per function (profile written to /tmp).
import { readFileSync } from 'node:fs';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, tsNodeArgs } from './lib.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export function summarize(profilePath: string, top = 30): string {
  const p = JSON.parse(readFileSync(profilePath, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench|generated)\//, '$1/')}`;
  const selfTime = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const leaf = byId.get(p.samples[i]!)!;
    selfTime.set(key(leaf), (selfTime.get(key(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `  ${((t / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `self time:\n${list(selfTime)}\n\ninclusive time:\n${list(inclusive)}`;
}

const CHILD = process.argv.includes('--child');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const calls = Number(process.argv[process.argv.indexOf('--calls') + 1] || 20000) || 20000;
  const stub = process.argv.includes('--stub');
  if (CHILD) {
    const { createProcessorTasksClient } = await import('../src/index.ts');
    const { startServer } = await import('./server.ts');
    const server = stub ? undefined : await startServer();
    const serverLike = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json', 'content-length': '2', 'x-request-id': 'bench-1' } });
    const client = createProcessorTasksClient({
      endpoint: server?.origin ?? 'http://127.0.0.1:9',
      credentials: { token: 'bench-token' },
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      ...(stub ? { fetch: async () => serverLike() } : {}),
    });
    for (let i = 0; i < 2000; i++) await client.deleteProcessorTask({ taskId: 'SNEJua7qdZZN8GvkcEr' });
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await client.deleteProcessorTask({ taskId: 'SNEJua7qdZZN8GvkcEr' });
    console.log(`${(((performance.now() - t0) / calls) * 1000).toFixed(1)} µs per call (${stub ? 'stub fetch' : 'loopback server'})`);
    await server?.close();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'modelarts-profile-'));
    const args = [...tsNodeArgs('bench/profile.ts', ['--cpu-prof', `--cpu-prof-dir=${dir}`]), '--child', '--calls', String(calls), ...(stub ? ['--stub'] : [])];
    const r = await runChild(process.execPath, args);
    process.stdout.write(r.stdout);
    if (r.code !== 0) throw new Error(r.stderr);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    console.log(`profile: ${join(dir, file)}\n`);
    console.log(summarize(join(dir, file)));
  }
}
