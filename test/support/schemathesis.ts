// Schemathesis, the Python contract fuzzer, run as a subprocess from its own venv against one
// base URL, with the committed settings of test/schemathesis/. What it did is read back from its
// NDJSON event report, so that a run which tested nothing, or other checks, cannot pass.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../scripts/paths.ts';
import { pythonVenv } from '../../scripts/venv.ts';

const DIR = join(root, 'test/schemathesis');
export const venv = pythonVenv(join(root, '.cache/venv-schemathesis'), join(DIR, 'requirements.txt'));
export const PRISM_HOOKS = join(DIR, 'prism-hooks.py');

/** The checks issue 14 asks for; schemathesis.toml enables exactly these. */
export const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'response_headers_conformance',
] as const;

export interface FuzzRun {
  exitCode: number;
  /** Schemathesis' console report: the failures with their details, then the summary. */
  output: string;
  version: string;
  seed: number;
  operations: { total: number; selected: number };
  /** Per operation (`GET /v2/...`), per check name: how many cases passed and failed. */
  checks: Map<string, Map<string, { success: number; failure: number }>>;
  /** Phase name to status (`success`, `failure`, `skip`, ...). */
  phases: Map<string, string>;
  /** Errors Schemathesis met (not findings: schema, network or internal). */
  errors: string[];
  /** The `curl` lines Schemathesis prints to reproduce each failure. */
  reproductions: string[];
}

type Event = Record<string, Record<string, any>>;

interface Recorder {
  label: string;
  cases: Record<string, { value: { method: string; path: string } }>;
  checks?: Record<string, { name: string; status: string }[]>;
}

/**
 * Counts each case's checks under its operation: the scenario's own in the stateless phases
 * (including the coverage phase's probes with a method the path does not have), the case's
 * method and path in a stateful scenario, which spans several operations.
 */
function tally(run: FuzzRun, recorder: Recorder, phase: string) {
  for (const [caseId, results] of Object.entries(recorder.checks ?? {})) {
    const value = recorder.cases[caseId]?.value;
    const label = phase !== 'stateful' ? recorder.label : value ? `${value.method.toUpperCase()} ${value.path}` : undefined;
    if (!label) continue;
    const byCheck = run.checks.get(label) ?? new Map<string, { success: number; failure: number }>();
    run.checks.set(label, byCheck);
    for (const { name, status } of results) {
      const count = byCheck.get(name) ?? { success: 0, failure: 0 };
      if (status === 'success') count.success++;
      else if (status === 'failure') count.failure++;
      byCheck.set(name, count);
    }
  }
}

export function parseEvents(ndjson: string, run: FuzzRun): void {
  for (const line of ndjson.split('\n')) {
    if (line.trim() === '') continue;
    const event = JSON.parse(line) as Event;
    const [kind, body] = Object.entries(event)[0]!;
    if (kind === 'Initialize') {
      run.version = body.schemathesis_version;
      run.seed = body.seed;
    } else if (kind === 'LoadingFinished') {
      run.operations = body.statistic.operations;
    } else if (kind === 'ScenarioFinished') {
      tally(run, body.recorder, body.phase);
    } else if (kind === 'PhaseFinished') {
      run.phases.set(body.phase.name, body.status);
    } else if (kind === 'NonFatalError' || kind === 'FatalError') {
      run.errors.push(`${kind}: ${JSON.stringify(body.info ?? body).slice(0, 2000)}`);
    }
  }
}

export interface FuzzTarget {
  baseUrl: string;
  token: string;
  /** A hooks file (SCHEMATHESIS_HOOKS) for this target only. */
  hooks?: string;
}

/** Runs `st run` over the bundled spec against `target`; resolves whatever the outcome. */
export async function runSchemathesis(target: FuzzTarget): Promise<FuzzRun> {
  await venv.ensure();
  const work = await mkdtemp(join(tmpdir(), 'schemathesis-'));
  const report = join(work, 'events.ndjson');
  const args = [
    '--config-file', join(DIR, 'schemathesis.toml'),
    'run', join(root, 'generated/openapi.json'),
    '--url', target.baseUrl,
    '--header', `X-Auth-Token: ${target.token}`,
    '--report', 'ndjson', '--report-ndjson-path', report,
    '--no-color',
  ];
  // Schemathesis writes nothing into the tree: its cwd is the scratch directory.
  const env = venv.env({ NO_COLOR: '1', COLUMNS: '120', SCHEMATHESIS_HOOKS: target.hooks ?? '' });
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve, reject) => {
      execFile(venv.bin('st'), args, { cwd: work, env, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (err, stdout, stderr) => {
        const code = err ? (err as { code?: unknown }).code : 0;
        // Not err.message: it repeats the command line, credential header included.
        if (typeof code !== 'number') return reject(new Error(`schemathesis did not run (${String(code ?? (err as { signal?: string }).signal)})\n${stderr}`));
        resolve({ code, output: `${stdout}${stderr}` });
      });
    });
    const run: FuzzRun = {
      exitCode: code,
      output,
      version: '',
      seed: Number.NaN,
      operations: { total: 0, selected: 0 },
      checks: new Map(),
      phases: new Map(),
      errors: [],
      reproductions: [...output.matchAll(/^\s*(curl .*)$/gm)].map((m) => m[1]!),
    };
    parseEvents(await readFile(report, 'utf8'), run);
    return run;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every (operation, check) that failed, and every tested operation a check never passed. */
export function problems(run: FuzzRun): string[] {
  const out: string[] = [];
  for (const [label, byCheck] of run.checks) {
    for (const check of CHECKS) {
      const count = byCheck.get(check);
      if (!count || count.success === 0) out.push(`${label}: ${check} never passed`);
      if (count && count.failure > 0) out.push(`${label}: ${check} failed ${count.failure} time(s)`);
    }
    for (const name of byCheck.keys()) {
      if (!(CHECKS as readonly string[]).includes(name)) out.push(`${label}: check ${name} ran, not one of the five`);
    }
  }
  return out;
}

/** A failure message: what failed, how to reproduce it, then Schemathesis' own report. */
export function describeRun(run: FuzzRun): string {
  const found = problems(run);
  return [
    `schemathesis ${run.version}, seed ${run.seed}, exit code ${run.exitCode}`,
    ...found,
    ...run.errors,
    ...(run.reproductions.length ? ['Reproduce with:', ...run.reproductions.map((c) => `  ${c}`)] : []),
    '',
    run.output,
  ].join('\n');
}
