// B6: the stateful emulator against the Prism mock, both in their own process, driven by the
// bulk API (the engine of `modelarts-tasks delete`) for DeleteProcessorTask and by as many
// concurrent workers for ListProcessorTasks, at concurrency 1, 8 and 32. Paired, as every
// bench here: each round runs each (operation, concurrency) batch against both servers back
// to back, in alternating order, and the ratio emulator / Prism is taken within the round;
// the table gives the median ratio over rounds. Latency is per request (fetch to headers).
// Deletes on the emulator delete real tasks, created (untimed) before each batch; Prism
// answers any id from its example.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createProcessorTasksClient, deleteProcessorTasks } from '../src/index.ts';
import { fmt, median, ROOT, tsNodeArgs } from './lib.ts';

const PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';
const CONCURRENCY = [1, 8, 32] as const;
const BATCH: Record<number, number> = { 1: 150, 8: 400, 32: 800 };
const ROUNDS = 5;
type Target = 'emulator' | 'prism';
type Op = 'delete' | 'list';

interface Batch {
  requestsPerSecond: number;
  p50: number;
  p95: number;
}

export interface B6Cell {
  op: Op;
  concurrency: number;
  /** Per target, the median over rounds. */
  requestsPerSecond: Record<Target, number>;
  p50Ms: Record<Target, number>;
  p95Ms: Record<Target, number>;
  /** Median over rounds of emulator / Prism within the round. */
  throughputRatio: number;
  p50Ratio: number;
}

export interface B6Result {
  rounds: number;
  batch: Record<number, number>;
  cells: B6Cell[];
}

async function serverProcess(kind: Target): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...tsNodeArgs('bench/b6-server.ts'), kind], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, child };
}

function timedClient(url: string, samples: number[]) {
  const fetchTimed: typeof fetch = async (input, init) => {
    const t0 = performance.now();
    const res = await fetch(input, init);
    samples.push(performance.now() - t0);
    return res;
  };
  return createProcessorTasksClient({ endpoint: url, projectId: PROJECT_ID, credentials: { token: 'bench-token' }, retry: false, fetch: fetchTimed, env: {} });
}

async function createTasks(url: string, n: number, round: number): Promise<string[]> {
  const client = createProcessorTasksClient({ endpoint: url, projectId: PROJECT_ID, credentials: { token: 'bench-token' }, env: {} });
  const ids: string[] = [];
  for (let i = 0; i < n; i += 32) {
    const made = await Promise.all(
      Array.from({ length: Math.min(32, n - i) }, (_, k) =>
        client.raw.POST('/v2/{project_id}/processor-tasks', { params: { path: { project_id: PROJECT_ID } }, body: { create_version: false, workspace_id: '0', name: `bench-${round}-${i + k}-${Math.random().toString(36).slice(2)}`, template: { id: 'sys_data_analyse' } } }),
      ),
    );
    for (const m of made) {
      if (!m.data?.task_id) throw new Error(`create failed: HTTP ${m.response.status}`);
      ids.push(m.data.task_id);
    }
  }
  return ids;
}

async function runBatch(op: Op, url: string, concurrency: number, ids: string[]): Promise<Batch> {
  const samples: number[] = [];
  const client = timedClient(url, samples);
  const n = ids.length;
  const t0 = performance.now();
  if (op === 'delete') {
    for await (const o of deleteProcessorTasks(client, ids, { concurrency })) {
      if (o.outcome !== 'deleted') throw new Error(`delete ${o.taskId}: ${o.outcome}`);
    }
  } else {
    let next = 0;
    const worker = async () => {
      while (next++ < n) {
        const { response } = await client.raw.GET('/v2/{project_id}/processor-tasks', { params: { path: { project_id: PROJECT_ID }, query: { limit: 10 } } });
        if (response.status !== 200) throw new Error(`list: HTTP ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  const wall = performance.now() - t0;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { requestsPerSecond: (n * 1000) / wall, p50: at(0.5), p95: at(0.95) };
}

export async function runB6(options: { log: (s: string) => void }): Promise<B6Result> {
  const servers = { emulator: await serverProcess('emulator'), prism: await serverProcess('prism') };
  try {
    const perRound = new Map<string, { batches: Record<Target, Batch>[] }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const op of ['delete', 'list'] as const) {
        for (const concurrency of CONCURRENCY) {
          const n = BATCH[concurrency]!;
          const order: Target[] = (round + concurrency) % 2 === 0 ? ['emulator', 'prism'] : ['prism', 'emulator'];
          const result = {} as Record<Target, Batch>;
          for (const target of order) {
            const url = servers[target].url;
            const ids = op === 'delete' ? (target === 'emulator' ? await createTasks(url, n, round) : Array.from({ length: n }, (_, i) => `BenchTask${String(i).padStart(10, '0')}`)) : Array.from({ length: n }, () => '');
            result[target] = await runBatch(op, url, concurrency, ids);
          }
          const key = `${op}:${concurrency}`;
          const entry = perRound.get(key) ?? { batches: [] };
          entry.batches.push(result);
          perRound.set(key, entry);
          options.log(`round ${round + 1}/${ROUNDS} ${op} c=${concurrency}: emulator ${result.emulator.requestsPerSecond.toFixed(0)}/s, prism ${result.prism.requestsPerSecond.toFixed(0)}/s`);
        }
      }
    }
    const cells: B6Cell[] = [];
    for (const op of ['delete', 'list'] as const) {
      for (const concurrency of CONCURRENCY) {
        const { batches } = perRound.get(`${op}:${concurrency}`)!;
        const per = (t: Target, f: (b: Batch) => number) => median(batches.map((b) => f(b[t])));
        cells.push({
          op,
          concurrency,
          requestsPerSecond: { emulator: per('emulator', (b) => b.requestsPerSecond), prism: per('prism', (b) => b.requestsPerSecond) },
          p50Ms: { emulator: per('emulator', (b) => b.p50), prism: per('prism', (b) => b.p50) },
          p95Ms: { emulator: per('emulator', (b) => b.p95), prism: per('prism', (b) => b.p95) },
          throughputRatio: median(batches.map((b) => b.emulator.requestsPerSecond / b.prism.requestsPerSecond)),
          p50Ratio: median(batches.map((b) => b.emulator.p50 / b.prism.p50)),
        });
      }
    }
    return { rounds: ROUNDS, batch: BATCH, cells };
  } finally {
    for (const s of Object.values(servers)) s.child.stdin!.end();
  }
}

export function printB6(r: B6Result): string {
  const lines = [`B6 emulator vs Prism (${r.rounds} rounds; batch ${Object.entries(r.batch).map(([c, n]) => `c=${c}: ${n}`).join(', ')} requests)`];
  for (const c of r.cells) {
    lines.push(
      `  ${c.op.padEnd(6)} c=${String(c.concurrency).padEnd(2)}  throughput ${fmt.x(c.throughputRatio)} Prism (${c.requestsPerSecond.emulator.toFixed(0)} vs ${c.requestsPerSecond.prism.toFixed(0)} req/s)  ` +
        `p50 ${fmt.x(c.p50Ratio)} (${fmt.ms(c.p50Ms.emulator)} vs ${fmt.ms(c.p50Ms.prism)})  p95 ${fmt.ms(c.p95Ms.emulator)} vs ${fmt.ms(c.p95Ms.prism)}`,
    );
  }
  return lines.join('\n');
}
