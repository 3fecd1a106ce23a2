// B3: bulk scaling of deleteProcessorTasks. The server (holds each request 5 ms) runs in its
// own process, and each concurrency level runs in a fresh worker process (--expose-gc), so
// the client's event loop is alone in its process and heap figures are not polluted by the
// other benchmarks. Concurrency 1 runs 1,000 deletes only (10,000 would take 50 s alone).
// Two stand-in modes at the same concurrency separate our layers: `fetch` (bulk machinery +
// raw fetch, no client) and `timer` (bulk machinery alone, no HTTP).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fmt, ROOT, runChild, tsNodeArgs } from './lib.ts';
import type { WorkerRun } from './b3-worker.ts';

export const HOLD_MS = 5;

export interface B3Run extends WorkerRun {
  /** Server process CPU per request during this worker's whole life (warm-up included), µs. */
  serverCpuUsPerRequest: number | undefined;
}

export interface B3Result {
  holdMs: number;
  runs: B3Run[];
  /** throughput(C, largest size) / throughput(1, 1k), and that divided by C. */
  scaling: { concurrency: number; size: number; relative: number; efficiency: number }[];
  /** time(10k) / time(1k) per concurrency. */
  timeRatio10kTo1k: { concurrency: number; ratio: number }[];
  /** retained heap at 10k minus retained heap at 1k, per concurrency. */
  heapGrowth1kTo10k: { concurrency: number; bytes: number }[];
  notes: string[];
}

interface Plan {
  mode: 'client' | 'fetch' | 'timer';
  concurrency: number;
  sizes: number[];
}

const PLAN: Plan[] = [
  { mode: 'client', concurrency: 1, sizes: [1000] },
  { mode: 'client', concurrency: 8, sizes: [1000, 10000] },
  { mode: 'client', concurrency: 32, sizes: [1000, 10000] },
  { mode: 'client', concurrency: 64, sizes: [1000, 10000] },
  { mode: 'fetch', concurrency: 1, sizes: [1000] },
  { mode: 'fetch', concurrency: 32, sizes: [10000] },
  { mode: 'timer', concurrency: 32, sizes: [10000] },
  { mode: 'timer', concurrency: 64, sizes: [10000] },
];

interface ServerProcess {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServerProcess(holdMs: number): Promise<ServerProcess> {
  const real = spawn(process.execPath, [...tsNodeArgs('bench/server.ts'), '--hold', String(holdMs), '--lifeline'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: real.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    real.once('error', reject);
    real.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    port,
    child: real,
    stop: () =>
      new Promise((resolve) => {
        if (real.exitCode !== null) return resolve();
        real.once('exit', () => resolve());
        real.stdin!.end();
      }),
  };
}

/** user + system CPU of a process so far, µs (Linux only). */
function processCpuUs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15, in clock ticks (100/s).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}

export async function runB3(options: { log?: (s: string) => void } = {}): Promise<B3Result> {
  const log = options.log ?? (() => {});
  const server = await startServerProcess(HOLD_MS);
  const runs: B3Run[] = [];
  try {
    for (const plan of PLAN) {
      const cpuBefore = processCpuUs(server.child.pid);
      const warmup = 3000;
      const result = await runChild(process.execPath, [
        ...tsNodeArgs('bench/b3-worker.ts', ['--expose-gc']),
        '--port', String(server.port),
        '--concurrency', String(plan.concurrency),
        '--sizes', plan.sizes.join(','),
        '--mode', plan.mode,
        '--hold', String(HOLD_MS),
        '--warmup', String(warmup),
      ]);
      const cpuAfter = processCpuUs(server.child.pid);
      if (result.code !== 0) throw new Error(`B3 worker ${plan.mode} c=${plan.concurrency} failed (${result.code}):\n${result.stderr}`);
      const requests = warmup + Math.max(100, plan.concurrency * 4) + plan.sizes.reduce((a, b) => a + b, 0);
      const serverCpu = cpuBefore !== undefined && cpuAfter !== undefined && plan.mode !== 'timer' ? (cpuAfter - cpuBefore) / requests : undefined;
      for (const line of result.stdout.trim().split('\n')) {
        const run = { ...(JSON.parse(line) as WorkerRun), serverCpuUsPerRequest: serverCpu };
        runs.push(run);
        log(
          `  B3 ${run.mode.padEnd(6)} c=${String(run.concurrency).padStart(2)} n=${String(run.size).padStart(5)}: ` +
            `${fmt.ms(run.ms).padStart(9)}  ${Math.round(run.throughputPerSec).toString().padStart(5)}/s  ` +
            `client CPU ${Math.round(run.cpuUsPerDelete)} µs/delete  retained ${fmt.mb(run.retainedBytes)}`,
        );
      }
    }
  } finally {
    await server.stop();
  }

  const find = (mode: string, c: number, size: number) => runs.find((r) => r.mode === mode && r.concurrency === c && r.size === size);
  const base = find('client', 1, 1000)!;
  const scaling: B3Result['scaling'] = [];
  const timeRatio10kTo1k: B3Result['timeRatio10kTo1k'] = [];
  const heapGrowth1kTo10k: B3Result['heapGrowth1kTo10k'] = [];
  for (const c of [8, 32, 64]) {
    const small = find('client', c, 1000);
    const big = find('client', c, 10000);
    if (!small || !big) continue;
    const relative = big.throughputPerSec / base.throughputPerSec;
    scaling.push({ concurrency: c, size: 10000, relative, efficiency: relative / c });
    timeRatio10kTo1k.push({ concurrency: c, ratio: big.ms / small.ms });
    heapGrowth1kTo10k.push({ concurrency: c, bytes: big.retainedBytes - small.retainedBytes });
  }
  const notes = [
    'concurrency 1 measured on 1,000 deletes only (10,000 would take 50 s); the relative throughput of C > 1 uses its 10,000-delete run',
    `server in a separate process holding each request ${HOLD_MS} ms; each concurrency level in a fresh worker process, warmed up with 3,000 deletes at concurrency 32 (JIT) and then 4×C at C (connections)`,
    'heap: after a full GC at the last outcome (generator alive) minus a GC’d baseline before the run',
  ];
  return { holdMs: HOLD_MS, runs, scaling, timeRatio10kTo1k, heapGrowth1kTo10k, notes };
}

export function printB3(r: B3Result): string {
  const lines = [`B3 bulk deletes (server holds ${r.holdMs} ms, separate process)`];
  lines.push('  mode    conc      n       time   del/s  client CPU/del  CPU/wall  run-queue wait  server CPU/req  retained   peak heap');
  for (const run of r.runs) {
    lines.push(
      `  ${run.mode.padEnd(7)} ${String(run.concurrency).padStart(4)} ${String(run.size).padStart(6)} ${fmt.ms(run.ms).padStart(10)} ` +
        `${Math.round(run.throughputPerSec).toString().padStart(7)} ${(Math.round(run.cpuUsPerDelete) + ' µs').padStart(15)} ` +
        `${(((run.cpuUsPerDelete * run.size) / 1000 / run.ms) * 100).toFixed(0).padStart(8)}% ` +
        `${(run.runQueueWaitMs === undefined ? '–' : ((run.runQueueWaitMs / run.ms) * 100).toFixed(0) + '%').padStart(15)} ` +
        `${(run.serverCpuUsPerRequest === undefined ? '–' : Math.round(run.serverCpuUsPerRequest) + ' µs').padStart(15)} ` +
        `${fmt.mb(run.retainedBytes).padStart(9)} ${fmt.mb(run.peakBytes).padStart(11)}`,
    );
  }
  lines.push('  (CPU/wall: client process CPU, all threads, over wall time; near or above 100% the event loop is saturated.');
  lines.push('   run-queue wait: time the event-loop thread was runnable but had no core, over wall time.)');
  for (const s of r.scaling) lines.push(`  c=${s.concurrency}: ${fmt.x(s.relative)} the throughput of c=1 (${(s.efficiency * 100).toFixed(0)}% of linear)`);
  for (const t of r.timeRatio10kTo1k) lines.push(`  c=${t.concurrency}: time 10k / 1k = ${fmt.x(t.ratio)}`);
  for (const h of r.heapGrowth1kTo10k) lines.push(`  c=${h.concurrency}: heap growth 1k → 10k = ${fmt.mb(h.bytes)}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(printB3(await runB3({ log: console.log })));
}
