// B8: the input rules' cost in the Python and Go targets. Python (bench/b8-python.py, in .venv):
// a call through MockTransport with the rules as shipped over the same call with them switched
// off, paired per round. Go (BenchmarkCheckInput in go/inputrules_test.go): the check alone over
// a whole client call to a loopback server that includes it, both in the same `go test -bench`.
import { join } from 'node:path';
import { ensureVenv, INSTALL_PACKAGE, venvBin, venvEnv } from '../scripts/targets/python.ts';
import { fmt, ROOT, runChild } from './lib.ts';

export interface B8Result {
  python: Record<string, { checkedUs: number; uncheckedUs: number; ratio: number; p25: number; p75: number }>;
  go: Record<string, { checkNs: number; callNs: number; checkAllocs: number; share: number }>;
}

async function python(): Promise<B8Result['python']> {
  await ensureVenv();
  const env = venvEnv();
  // The suite's own install step: the bench measures the package as it is installed.
  const install = await runChild(venvBin('python'), INSTALL_PACKAGE, { env });
  if (install.code !== 0) throw new Error(`B8: installing ./python failed:\n${install.stderr}`);
  const run = await runChild(venvBin('python'), [join(ROOT, 'bench/b8-python.py')], { env, timeoutMs: 300_000 });
  if (run.code !== 0) throw new Error(`B8: bench/b8-python.py failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as B8Result['python'];
}

async function go(): Promise<B8Result['go']> {
  const run = await runChild('go', ['test', '-run', 'NONE', '-bench', 'CheckInput', '-count', '5', '.'], { cwd: join(ROOT, 'go'), timeoutMs: 300_000 });
  if (run.code !== 0) throw new Error(`B8: go test -bench failed:\n${run.stdout}${run.stderr}`);
  const samples: Record<string, { check: number[]; call: number[]; allocs: number[] }> = {};
  for (const m of run.stdout.matchAll(/^BenchmarkCheckInput\/(.+?)\/(check|loopback_call)-\d+\s+\d+\s+([\d.]+) ns\/op\s+\d+ B\/op\s+(\d+) allocs\/op/gm)) {
    const s = (samples[m[1]!.replace(/_/g, ' ')] ??= { check: [], call: [], allocs: [] });
    if (m[2] === 'check') {
      s.check.push(Number(m[3]));
      s.allocs.push(Number(m[4]));
    } else s.call.push(Number(m[3]));
  }
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const out: B8Result['go'] = {};
  for (const [name, s] of Object.entries(samples)) {
    if (s.check.length === 0 || s.call.length === 0) throw new Error(`B8: no Go figures for ${name}`);
    out[name] = { checkNs: med(s.check), callNs: med(s.call), checkAllocs: med(s.allocs), share: med(s.check) / med(s.call) };
  }
  if (Object.keys(out).length === 0) throw new Error(`B8: go test printed no BenchmarkCheckInput lines:\n${run.stdout}`);
  return out;
}

export async function runB8(options: { log?: (s: string) => void } = {}): Promise<B8Result> {
  options.log?.('B8: Python calls with and without the input rules; Go check and loopback call');
  return { python: await python(), go: await go() };
}

export function printB8(r: B8Result): string {
  const lines = ['B8 input rules in the other targets'];
  for (const [name, p] of Object.entries(r.python)) {
    lines.push(`  Python ${name}: ${fmt.x(p.ratio)} (p25 ${fmt.x(p.p25)}, p75 ${fmt.x(p.p75)}) of the unchecked call; ${p.checkedUs.toFixed(0)} µs vs ${p.uncheckedUs.toFixed(0)} µs`);
  }
  for (const [name, g] of Object.entries(r.go)) {
    lines.push(`  Go ${name}: check ${(g.checkNs / 1000).toFixed(1)} µs (${g.checkAllocs} allocs) = ${(g.share * 100).toFixed(0)}% of a loopback call (${(g.callNs / 1000).toFixed(1)} µs)`);
  }
  return lines.join('\n');
}
