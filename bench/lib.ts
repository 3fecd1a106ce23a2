// Shared helpers: statistics over retained tinybench samples, interleaved rounds (so that
// drift on a shared, noisy machine hits every contender alike), environment facts, and the
// child-process plumbing used by B3 and B5.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Spread {
  /** Samples (ms each) or repetitions the figure is computed from. */
  n: number;
  median: number;
  p25: number;
  p75: number;
  /** Median absolute deviation, unscaled. */
  mad: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
  return { n: sorted.length, median, p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), mad: quantile(deviations, 0.5) };
}

export function median(values: readonly number[]): number {
  return spread(values).median;
}

export type TaskFn = () => unknown;

export interface RoundsOptions {
  rounds: number;
  /** tinybench `time` per task per round, ms. */
  time: number;
  /** tinybench `warmupTime` per task per round, ms. */
  warmupTime: number;
  warmupIterations?: number;
}

export interface RoundsResult {
  /** Pooled latency samples of every round, ms per call. */
  latency: Record<string, Spread>;
  /** Median latency per round, ms, in round order. */
  perRound: Record<string, number[]>;
}

/**
 * Runs every task in `rounds` tinybench rounds, rotating the order each round, and pools the
 * retained samples. Ratios taken from pooled medians share the same drift.
 */
export async function runRounds(tasks: Record<string, TaskFn>, options: RoundsOptions): Promise<RoundsResult> {
  const names = Object.keys(tasks);
  const pooled: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const perRound: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.time,
      warmupTime: options.warmupTime,
      warmupIterations: options.warmupIterations ?? 64,
      iterations: 64,
      retainSamples: true,
      throws: true,
    });
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) bench.add(name, tasks[name]!);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`bench task ${task.name}: ${result.state}`);
      const samples = result.latency.samples ?? [];
      for (const s of samples) pooled[task.name]!.push(s);
      perRound[task.name]!.push(result.latency.p50);
    }
  }
  const latency = Object.fromEntries(names.map((n) => [n, spread(pooled[n]!)]));
  return { latency, perRound };
}

export interface PairedResult {
  /** Iterations measured (warm-up excluded). */
  iterations: number;
  /** Per contender: ms per unit (a call, or one signature when `unitsPerTurn` > 1). */
  latency: Record<string, Spread>;
  /** Per requested pair "a / b": the distribution of a's time over b's within each iteration. */
  ratio: Record<string, Spread>;
}

/**
 * Paired design for ratios on a noisy machine: one tinybench task whose every iteration runs
 * each contender once, back to back in a rotating order, timing each turn. A ratio is taken
 * within each iteration (all contenders ran within about a millisecond, under the same
 * neighbours and clock speed), and the median of those ratios is reported. tinybench supplies
 * the warm-up and the time budget; turns run during warm-up are discarded.
 */
export async function runPaired(
  contenders: Record<string, TaskFn>,
  ratios: [string, string][],
  options: { time: number; warmupTime: number; unitsPerTurn?: number },
): Promise<PairedResult> {
  const names = Object.keys(contenders);
  const fns = names.map((n) => contenders[n]!);
  const per = 1 / (options.unitsPerTurn ?? 1);
  const times: number[][] = names.map(() => []);
  let recording = false;
  let turn = 0;
  const iteration = async () => {
    const start = turn++ % names.length;
    const row: number[] = new Array(names.length);
    for (let k = 0; k < names.length; k++) {
      const i = (start + k) % names.length;
      const t0 = performance.now();
      const r = fns[i]!();
      if (r instanceof Promise) await r;
      row[i] = performance.now() - t0;
    }
    if (recording) for (let i = 0; i < names.length; i++) times[i]!.push(row[i]! * per);
  };
  const bench = new Bench({
    time: options.time,
    warmupTime: options.warmupTime,
    warmupIterations: 32,
    iterations: 64,
    throws: true,
    setup: (_task, mode) => {
      recording = mode === 'run';
    },
  });
  bench.add('paired', iteration, { async: true });
  await bench.run();
  const latency: Record<string, Spread> = {};
  names.forEach((name, i) => {
    latency[name] = spread(times[i]!);
  });
  const ratio: Record<string, Spread> = {};
  for (const [a, b] of ratios) {
    const ta = times[names.indexOf(a)]!;
    const tb = times[names.indexOf(b)]!;
    ratio[`${a} / ${b}`] = spread(ta.map((t, j) => t / tb[j]!));
  }
  return { iterations: times[0]!.length, latency, ratio };
}

export interface Environment {
  date: string;
  node: string;
  cpuModel: string;
  cores: number;
  platform: string;
  loadAverageAtStart: number[];
}

export function environment(): Environment {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: keep os.cpus()'s answer
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpuModel,
    cores: cpus().length,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((v) => Number(v.toFixed(2))),
  };
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, capturing its output, timing it from spawn to exit. */
export function runChild(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, wallMs: performance.now() - started, stdout, stderr });
    });
  });
}

/** `node --import tsx <script>`: a TypeScript entry in a fresh Node process. */
export function tsNodeArgs(script: string, nodeFlags: string[] = []): string[] {
  return [...nodeFlags, '--import', 'tsx', script];
}

export const fmt = {
  us: (ms: number) => `${(ms * 1000).toFixed(1)} µs`,
  ms: (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`,
  s: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
  x: (r: number) => `${r.toFixed(2)}×`,
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
  mb: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`,
};
