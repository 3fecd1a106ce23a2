// `npm run bench`: runs B1–B8, prints one table, writes bench/results/latest.json (and the
// table as bench/results/latest.md). Every timing figure is a ratio against a baseline
// measured in the same run, because the machine is shared and noisy.
//   npm run bench                      everything (several minutes; B5 runs `npm test`)
//   npm run bench -- --only b1,b2      some benchmarks
//   npm run bench -- --skip b5         all but some
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { environment, fmt, ROOT } from './lib.ts';
import { printB1, runB1, type B1Result } from './b1-overhead.ts';
import { printB2, runB2, type B2Result } from './b2-signing.ts';
import { printB3, runB3, type B3Result } from './b3-bulk.ts';
import { printB4, runB4, type B4Result } from './b4-footprint.ts';
import { printB5, runB5, type B5Result } from './b5-devloop.ts';
import { printB6, runB6, type B6Result } from './b6-emulator.ts';
import { printB7, runB7, type B7Result } from './b7-paging.ts';
import { printB8, runB8, type B8Result } from './b8-targets.ts';

type Id = 'b1' | 'b2' | 'b3' | 'b4' | 'b5' | 'b6' | 'b7' | 'b8';
const ALL: Id[] = ['b4', 'b2', 'b1', 'b7', 'b8', 'b3', 'b6', 'b5'];

function selection(): Id[] {
  const list = (flag: string) => {
    const i = process.argv.indexOf(flag);
    return i >= 0 ? (process.argv[i + 1] ?? '').toLowerCase().split(',').filter(Boolean) : undefined;
  };
  const only = list('--only');
  const skip = list('--skip') ?? [];
  return ALL.filter((id) => (only ? only.includes(id) : true) && !skip.includes(id));
}

export interface Row {
  benchmark: string;
  figure: string;
  target: string;
  /** true / false, or null when the row has no target (context for the others). */
  met: boolean | null;
}

function rows(r: { b1?: B1Result; b2?: B2Result; b3?: B3Result; b4?: B4Result; b5?: B5Result; b6?: B6Result; b7?: B7Result; b8?: B8Result }): Row[] {
  const out: Row[] = [];
  if (r.b1) {
    const c = r.b1.ratioToFetch['client.deleteProcessorTask']!;
    const lat = r.b1.latency;
    out.push({
      benchmark: 'B1 client.deleteProcessorTask per call',
      figure: `${fmt.x(c.paired.median)} raw fetch, p25–p75 ${c.paired.p25.toFixed(2)}–${c.paired.p75.toFixed(2)} (${fmt.us(lat['client.deleteProcessorTask']!.median)} vs ${fmt.us(lat['raw fetch']!.median)})`,
      target: '≤ 1.10× raw fetch',
      met: c.paired.median <= 1.1,
    });
    const cpu = r.b1.cpuUsPerCall;
    out.push({
      benchmark: 'B1 CPU time per call, client vs raw fetch',
      figure: `${fmt.x(cpu['client.deleteProcessorTask']!.median / cpu['raw fetch']!.median)} (${cpu['client.deleteProcessorTask']!.median.toFixed(0)} vs ${cpu['raw fetch']!.median.toFixed(0)} µs)`,
      target: '–',
      met: null,
    });
    const p = r.b1.pieces;
    const own =
      p['whole client over a stub fetch (answers like the server)']!.median -
      p['the stub + reading its body (what raw fetch adds; baseline of the line above)']!.median;
    out.push({ benchmark: 'B1 client’s own cost per call (stub fetch, no network)', figure: fmt.us(own), target: '–', met: null });
    for (const name of ['raw openapi-fetch', 'axios']) {
      out.push({ benchmark: `B1 ${name} per call`, figure: `${fmt.x(r.b1.ratioToFetch[name]!.paired.median)} raw fetch (${fmt.us(lat[name]!.median)})`, target: '–', met: null });
    }
  }
  if (r.b2) {
    const ours = r.b2.signaturesPerSecond['signRequest (ours)']!;
    out.push({
      benchmark: 'B2 signRequest vs official AKSKSigner',
      figure: `${fmt.x(r.b2.speedupVsOfficial)} faster (${Math.round(ours).toLocaleString('en-US')} vs ${Math.round(r.b2.signaturesPerSecond['AKSKSigner.sign (official)']!).toLocaleString('en-US')} sig/s)`,
      target: '≥ 3×',
      met: r.b2.speedupVsOfficial >= 3,
    });
    out.push({
      benchmark: 'B2 signRequest cost vs floor (sha256 + HMAC)',
      figure: `${fmt.x(r.b2.costVsFloor)} (${r.b2.perSignatureUs['signRequest (ours)']!.median.toFixed(2)} vs ${r.b2.perSignatureUs['floor: sha256 + HMAC']!.median.toFixed(2)} µs)`,
      target: '≤ 1.5×',
      met: r.b2.costVsFloor <= 1.5,
    });
  }
  if (r.b3) {
    for (const s of r.b3.scaling) {
      const target = s.concurrency <= 32 ? 0.8 * s.concurrency : undefined;
      out.push({
        benchmark: `B3 throughput at concurrency ${s.concurrency} vs 1`,
        figure: `${fmt.x(s.relative)} (${(s.efficiency * 100).toFixed(0)}% of linear)`,
        target: target === undefined ? '– (beyond 32)' : `≥ ${target.toFixed(1)}×`,
        met: target === undefined ? null : s.relative >= target,
      });
    }
    const worstTime = r.b3.timeRatio10kTo1k.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    out.push({
      benchmark: 'B3 time 10k / 1k (worst concurrency)',
      figure: `${fmt.x(worstTime.ratio)} at c=${worstTime.concurrency} (${r.b3.timeRatio10kTo1k.map((t) => `c=${t.concurrency} ${t.ratio.toFixed(2)}`).join(', ')})`,
      target: '≤ 11×',
      met: r.b3.timeRatio10kTo1k.every((t) => t.ratio <= 11),
    });
    const worstHeap = r.b3.heapGrowth1kTo10k.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    out.push({
      benchmark: 'B3 heap growth 1k → 10k (worst concurrency)',
      figure: `${fmt.mb(worstHeap.bytes)} at c=${worstHeap.concurrency}`,
      target: '< 20 MB',
      met: r.b3.heapGrowth1kTo10k.every((h) => h.bytes < 20 * 1024 * 1024),
    });
  }
  if (r.b4) {
    out.push({
      benchmark: 'B4 client runtime dependencies',
      figure: `${r.b4.client.runtimeDependencies.length} (${r.b4.client.runtimeDependencies.join(', ')}); installed closure ${r.b4.client.installed.count} packages, ${fmt.kb(r.b4.client.installed.bytes)}`,
      target: '1 (openapi-fetch)',
      met: r.b4.client.runtimeDependencies.length === 1 && r.b4.client.runtimeDependencies[0] === 'openapi-fetch',
    });
    const perOp = r.b4.perOperation;
    out.push({
      benchmark: 'B4 bundle cost of one more operation (min+gzip, slope over 1…12 operations)',
      figure: `${perOp.gzipBytesPerOperation.toFixed(0)} B (${perOp.minBytesPerOperation.toFixed(0)} B min); ${perOp.points[0]!.operations} op ${fmt.kb(perOp.points[0]!.gzipBytes)} → ${perOp.points.at(-1)!.operations} ops ${fmt.kb(perOp.points.at(-1)!.gzipBytes)}`,
      target: '≤ ~300 B',
      met: perOp.gzipBytesPerOperation <= 300,
    });
    out.push({
      benchmark: 'B4 client entry min+gzip',
      figure: `${fmt.kb(r.b4.client.bundle.gzipBytes)} (${fmt.kb(r.b4.client.bundle.minBytes)} min)`,
      target: '≤ 10 KB',
      met: r.b4.client.bundle.gzipBytes <= 10 * 1024,
    });
    out.push({
      benchmark: 'B4 CLI-only dependencies (commander, cli-progress)',
      figure: `${r.b4.cli.installed.count} packages, ${fmt.kb(r.b4.cli.installed.bytes)}`,
      target: '–',
      met: null,
    });
    const sdk = r.b4.officialSdkCore;
    out.push({
      benchmark: 'B4 @huaweicloud/huaweicloud-sdk-core (comparison)',
      figure: `${sdk.installed.count} packages, ${fmt.kb(sdk.installed.bytes)}; main entry ${fmt.kb(sdk.bundle.gzipBytes)} min+gzip, with HcClient ${fmt.kb(sdk.clientBundle.gzipBytes)}`,
      target: '–',
      met: null,
    });
  }
  if (r.b8) {
    for (const [name, p] of Object.entries(r.b8.python)) {
      out.push({ benchmark: `B8 Python call with input rules / without, ${name}`, figure: `${fmt.x(p.ratio)} (p25–p75 ${fmt.x(p.p25)}–${fmt.x(p.p75)})`, target: '≤ 1.5×', met: p.ratio <= 1.5 });
    }
    for (const [name, g] of Object.entries(r.b8.go)) {
      out.push({ benchmark: `B8 Go input check / loopback call, ${name}`, figure: `${(g.share * 100).toFixed(0)}% (${(g.checkNs / 1000).toFixed(1)} µs of ${(g.callNs / 1000).toFixed(1)} µs)`, target: '≤ 25%', met: g.share <= 0.25 });
    }
  }
  if (r.b6) {
    for (const c of r.b6.cells) {
      out.push({
        benchmark: `B6 emulator vs Prism, ${c.op === 'delete' ? 'bulk delete' : 'list'} at concurrency ${c.concurrency}`,
        figure: `throughput ${fmt.x(c.throughputRatio)} Prism (${c.requestsPerSecond.emulator.toFixed(0)} vs ${c.requestsPerSecond.prism.toFixed(0)} req/s); p50 latency ${fmt.x(c.p50Ratio)} (${fmt.ms(c.p50Ms.emulator)} vs ${fmt.ms(c.p50Ms.prism)}), p95 ${fmt.ms(c.p95Ms.emulator)} vs ${fmt.ms(c.p95Ms.prism)}`,
        target: '–',
        met: null,
      });
    }
  }
  if (r.b7) {
    out.push({
      benchmark: `B7 paging ${r.b7.tasks.toLocaleString('en-US')} tasks: listProcessorTasksAll vs raw fetch of the same pages`,
      figure: `${fmt.x(r.b7.ratio.median)} raw fetch, p25–p75 ${r.b7.ratio.p25.toFixed(2)}–${r.b7.ratio.p75.toFixed(2)} (${Math.round(r.b7.tasksPerSecond.paginator!).toLocaleString('en-US')} vs ${Math.round(r.b7.tasksPerSecond['raw fetch']!).toLocaleString('en-US')} tasks/s)`,
      target: '–',
      met: null,
    });
  }
  if (r.b5) {
    out.push({ benchmark: 'B5 npm run generate', figure: `${fmt.s(r.b5.generate.wallMs)}${r.b5.generate.ok ? '' : ` (FAILED, exit ${r.b5.generate.exitCode})`}`, target: '–', met: null });
    out.push({ benchmark: 'B5 npm test', figure: `${fmt.s(r.b5.test.wallMs)}${r.b5.test.ok ? '' : ` (FAILED, exit ${r.b5.test.exitCode})`}`, target: '–', met: null });
  }
  return out;
}

export function markdownTable(table: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| benchmark | figure | target | met? |',
    '|---|---|---|---|',
    ...table.map((r) => `| ${esc(r.benchmark)} | ${esc(r.figure)} | ${esc(r.target)} | ${r.met === null ? '–' : r.met ? 'yes' : '**no**'} |`),
  ].join('\n');
}

function textTable(table: Row[]): string {
  const cols: (keyof Row)[] = ['benchmark', 'figure', 'target', 'met'];
  const cell = (r: Row, c: keyof Row) => (c === 'met' ? (r.met === null ? '–' : r.met ? 'yes' : 'NO') : String(r[c]));
  const width = cols.map((c) => Math.max(c.length, ...table.map((r) => cell(r, c).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(width[i]!)).join('  ');
  return [line(cols.map((c) => (c === 'met' ? 'met?' : c))), line(width.map((w) => '-'.repeat(w))), ...table.map((r) => line(cols.map((c) => cell(r, c))))].join('\n');
}

const ids = selection();
const env = environment();
const started = performance.now();
console.log(`bench: ${ids.join(', ')} — ${env.date}, node ${env.node}, ${env.cpuModel}, ${env.cores} cores, load ${env.loadAverageAtStart.join(' ')}`);
const results: { b1?: B1Result; b2?: B2Result; b3?: B3Result; b4?: B4Result; b5?: B5Result; b6?: B6Result; b7?: B7Result; b8?: B8Result } = {};
const durations: Partial<Record<Id, number>> = {};
const log = (s: string) => console.log(s);
for (const id of ids) {
  const t0 = performance.now();
  console.log(`\n== ${id.toUpperCase()}`);
  switch (id) {
    case 'b1':
      results.b1 = await runB1({ log });
      console.log(printB1(results.b1));
      break;
    case 'b2':
      results.b2 = await runB2({ log });
      console.log(printB2(results.b2));
      break;
    case 'b3':
      results.b3 = await runB3({ log });
      console.log(printB3(results.b3));
      break;
    case 'b4':
      results.b4 = await runB4();
      console.log(printB4(results.b4));
      break;
    case 'b5':
      results.b5 = await runB5({ log });
      console.log(printB5(results.b5));
      break;
    case 'b6':
      results.b6 = await runB6({ log });
      console.log(printB6(results.b6));
      break;
    case 'b7':
      results.b7 = await runB7({ log });
      console.log(printB7(results.b7));
      break;
    case 'b8':
      results.b8 = await runB8({ log });
      console.log(printB8(results.b8));
      break;
  }
  durations[id] = performance.now() - t0;
}
const wallMs = performance.now() - started;
const table = rows(results);
console.log(`\n${textTable(table)}\n`);
console.log(`bench wall time: ${fmt.s(wallMs)} (${Object.entries(durations).map(([k, v]) => `${k} ${fmt.s(v)}`).join(', ')})`);

const dir = join(ROOT, 'bench/results');
mkdirSync(dir, { recursive: true });
const json = { environment: { ...env, loadAverageAtEnd: (await import('node:os')).loadavg().map((v) => Number(v.toFixed(2))) }, ran: ids, wallMs, durationsMs: durations, table, results };
// A partial run (--only, --skip) must not replace the full table the README quotes.
const name = ids.length === ALL.length ? 'latest' : `partial-${ids.join('-')}`;
writeFileSync(join(dir, `${name}.json`), JSON.stringify(json, null, 2) + '\n');
writeFileSync(
  join(dir, `${name}.md`),
  `Run ${env.date} · Node ${env.node} · ${env.cpuModel} · ${env.cores} cores · load average at start ${env.loadAverageAtStart.join(' ')} · wall ${fmt.s(wallMs)}\n\n${markdownTable(table)}\n`,
);
console.log(`wrote bench/results/${name}.json and bench/results/${name}.md`);
