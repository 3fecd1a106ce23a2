// B5: the developer loop. Wall time of `npm run generate` and `npm test`, each a child process
// from spawn to exit. A failure is recorded (exit code and the tail of its output), not fatal.
// `npm run generate` rewrites generated/ in place, as it does for anyone who runs it; whether
// it changed any file there is recorded too (it should not: generated/ is committed output).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, ROOT, runChild } from './lib.ts';

export interface StepResult {
  command: string;
  wallMs: number;
  exitCode: number | null;
  ok: boolean;
  /** Last lines of output when the command failed. */
  failureTail?: string;
}

export interface B5Result {
  generate: StepResult & { changedFiles: string[] };
  test: StepResult;
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.set(relative(ROOT, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

async function step(command: string, args: string[], timeoutMs: number): Promise<StepResult> {
  const r = await runChild(command, args, { timeoutMs, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  const ok = r.code === 0;
  const result: StepResult = { command: [command, ...args].join(' '), wallMs: r.wallMs, exitCode: r.code, ok };
  if (!ok) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-25).join('\n');
    result.failureTail = r.signal ? `killed by ${r.signal} after ${fmt.s(r.wallMs)}\n${tail}` : tail;
  }
  return result;
}

export async function runB5(options: { log?: (s: string) => void } = {}): Promise<B5Result> {
  const log = options.log ?? (() => {});
  const generatedDir = join(ROOT, 'generated');
  const before = snapshot(generatedDir);
  log('  B5: npm run generate');
  const gen = await step('npm', ['run', 'generate'], 5 * 60_000);
  const after = snapshot(generatedDir);
  const changedFiles = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
  log(`  B5: npm run generate ${gen.ok ? 'ok' : `FAILED (${gen.exitCode})`} in ${fmt.s(gen.wallMs)}; npm test`);
  const test = await step('npm', ['test'], 8 * 60_000);
  log(`  B5: npm test ${test.ok ? 'ok' : `FAILED (${test.exitCode})`} in ${fmt.s(test.wallMs)}`);
  return { generate: { ...gen, changedFiles }, test };
}

export function printB5(r: B5Result): string {
  const line = (s: StepResult) => `  ${s.command.padEnd(18)} ${fmt.s(s.wallMs).padStart(8)}  ${s.ok ? 'ok' : `FAILED (exit ${s.exitCode})`}`;
  const lines = ['B5 developer loop (wall time, child processes)', line(r.generate), line(r.test)];
  if (r.generate.changedFiles.length > 0) lines.push(`  npm run generate changed: ${r.generate.changedFiles.join(', ')}`);
  for (const s of [r.generate, r.test]) if (s.failureTail) lines.push(`  ${s.command} output (tail):\n${s.failureTail.replace(/^/gm, '    ')}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(printB5(await runB5({ log: console.log })));
}
