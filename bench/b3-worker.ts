// B3 worker: one concurrency level in a fresh process (run with --expose-gc), against the
// hold-5-ms server the parent started in another process. For each size: a GC'd baseline,
// the run timed from first pull to last outcome, then (still inside the iteration, so the
// generator's state is alive) a full GC and the retained heap; after the iteration, the heap
// left behind. Client CPU time (user + system) per delete is recorded too: when it approaches
// the wall time per delete, this process's event loop is the bottleneck.
//   node --expose-gc --import tsx bench/b3-worker.ts --port N --concurrency C --sizes 1000,10000 [--mode M]
// Modes (what deleteProcessorTasks drives):
//   client  the real client (default)
//   fetch   a stand-in client that does a raw fetch of the same request and reads the body:
//           the bulk machinery plus the HTTP stack, without our client layer
//   timer   a stand-in client whose call is a `--hold` ms timer: the bulk machinery alone
import { readFileSync } from 'node:fs';
import { createProcessorTasksClient, deleteProcessorTasks, type ProcessorTasksClient } from '../src/index.ts';

export interface WorkerRun {
  mode: string;
  size: number;
  concurrency: number;
  ms: number;
  throughputPerSec: number;
  /** Client process CPU (user + system) per delete, µs. */
  cpuUsPerDelete: number;
  /**
   * The event-loop thread's time runnable but waiting for a CPU (Linux schedstat), ms over the
   * run: large when other processes on the machine hold the cores.
   */
  runQueueWaitMs: number | undefined;
  /** Heap retained (after full GC) at the last outcome, above the pre-run baseline. */
  retainedBytes: number;
  /** Heap left after the iteration finished and a full GC, above the baseline. */
  leftoverBytes: number;
  /** Largest heapUsed seen (no GC forced) during the run, above the baseline. */
  peakBytes: number;
  outcomes: Record<string, number>;
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const fullGc = () => {
  gc();
  gc();
};

const port = Number(arg('port'));
const concurrency = Number(arg('concurrency'));
const sizes = arg('sizes').split(',').map(Number);
const warmup = Number(arg('warmup', '3000'));
// Warm-up runs at this concurrency whatever the measured one: JIT warmth is about code paths,
// and at concurrency 1 a long warm-up would take minutes.
const warmupConcurrency = Number(arg('warmup-concurrency', '32'));
const mode = arg('mode', 'client');
const holdMs = Number(arg('hold', '5'));
const PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';
const origin = `http://127.0.0.1:${port}`;

function standIn(call: (taskId: string) => Promise<{ status: number; requestId: string | undefined }>): ProcessorTasksClient {
  return {
    projectId: PROJECT_ID,
    // The bulk loop checks each id as the real client would: that cost is part of the machinery.
    validate: real.validate.bind(real),
    deleteProcessorTask: async (input: { taskId: string }) => {
      const { status, requestId } = await call(input.taskId);
      return { data: {}, missing: false, status, requestId, attempts: 1 };
    },
  } as unknown as ProcessorTasksClient;
}

const real = createProcessorTasksClient({ endpoint: origin, credentials: { token: 'bench-token' }, projectId: PROJECT_ID });
const headers = { 'user-agent': `modelarts-processor-tasks/0.2.0 node/${process.versions.node}`, 'x-auth-token': 'bench-token' };
const client: ProcessorTasksClient =
  mode === 'client'
    ? real
    : mode === 'fetch'
      ? standIn(async (taskId) => {
          const res = await fetch(`${origin}/v2/${PROJECT_ID}/processor-tasks/${taskId}`, { method: 'DELETE', headers });
          await res.arrayBuffer();
          return { status: res.status, requestId: res.headers.get('x-request-id') ?? undefined };
        })
      : mode === 'timer'
        ? standIn(() => new Promise((resolve) => setTimeout(() => resolve({ status: 200, requestId: 'x' }), holdMs)))
        : (() => {
            throw new Error(`unknown --mode ${mode}`);
          })();

/** [on-CPU ns, run-queue wait ns] of this process's main thread, or undefined off Linux. */
function schedstat(): [number, number] | undefined {
  try {
    const [run, wait] = readFileSync('/proc/self/schedstat', 'utf8').trim().split(' ').map(Number);
    return [run!, wait!];
  } catch {
    return undefined;
  }
}

function* ids(prefix: string, n: number): Generator<string> {
  for (let i = 0; i < n; i++) yield `${prefix}${String(i).padStart(18, '0')}`;
}

async function run(prefix: string, size: number, c = concurrency): Promise<WorkerRun> {
  fullGc();
  const base = process.memoryUsage().heapUsed;
  const outcomes: Record<string, number> = {};
  let count = 0;
  let peak = 0;
  let retained = 0;
  let ms = 0;
  let cpuUs = 0;
  let waitMs: number | undefined;
  const sched0 = schedstat();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for await (const o of deleteProcessorTasks(client, ids(prefix, size), { concurrency: c })) {
    outcomes[o.outcome] = (outcomes[o.outcome] ?? 0) + 1;
    count++;
    if ((count & 127) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    if (count === size) {
      ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      cpuUs = cpu.user + cpu.system;
      const sched1 = schedstat();
      waitMs = sched0 && sched1 ? (sched1[1] - sched0[1]) / 1e6 : undefined;
      fullGc();
      retained = process.memoryUsage().heapUsed - base;
    }
  }
  fullGc();
  const leftover = process.memoryUsage().heapUsed - base;
  return {
    mode,
    size,
    concurrency: c,
    ms,
    throughputPerSec: (size / ms) * 1000,
    cpuUsPerDelete: cpuUs / size,
    runQueueWaitMs: waitMs,
    retainedBytes: retained,
    leftoverBytes: leftover,
    peakBytes: peak,
    outcomes,
  };
}

// Warm-up: JIT (per-delete CPU keeps falling for the first few thousand deletes), then the
// keep-alive connections of the measured concurrency opened.
await run('warm', warmup, warmupConcurrency);
await run('warm2_', Math.max(100, concurrency * 4));
for (const size of sizes) {
  const r = await run(`s${size}_`, size);
  process.stdout.write(JSON.stringify(r) + '\n');
}
