// The published bundles through three linters nobody on this project wrote, run by their own
// command lines as a consumer runs them, each with its committed ruleset in spectral/, which
// says rule by rule what is switched off and why. Each must report nothing on either bundle;
// and each ruleset must still catch what it keeps on, or "nothing" would prove nothing: a copy
// of the 3.1 bundle with a few planted mistakes must get exactly those reported.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../scripts/paths.ts';

const run = promisify(execFile);
const BUNDLES = ['generated/openapi.json', 'generated/openapi-3.0.json'];
const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** A finding as one readable line: severity, rule, where, and the tool's message. */
type Findings = Map<string, string[]>;

async function stdoutOf(bin: string, args: string[]): Promise<string> {
  try {
    return (await run(join(root, 'node_modules/.bin', bin), args, { cwd: root, maxBuffer: 64 << 20 })).stdout;
  } catch (err) {
    // Both tools exit non-zero when they find something; what they found is still on stdout.
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    if (/^\s*[[{]/.test(stdout ?? '')) return stdout!;
    throw new Error(`${bin} ${args.join(' ')} failed: ${stderr || String(err)}`);
  }
}

/** One Spectral run over every file (the CLI takes many; its start-up is most of the cost). */
async function spectral(ruleset: string, files: string[]): Promise<Findings> {
  const out = await stdoutOf('spectral', ['lint', '--ruleset', ruleset, '--format', 'json', '--quiet', ...files]);
  const results = JSON.parse(out) as { source: string; code: string; severity: number; path: string[]; message: string }[];
  const found: Findings = new Map(files.map((f) => [resolve(root, f), []]));
  for (const r of results) found.get(r.source)!.push(`${SEVERITY[r.severity]} ${r.code} at ${r.path.join('.')}: ${r.message}`);
  return found;
}

/** lint-openapi takes one file per run when it writes JSON. */
async function ibm(files: string[]): Promise<Findings> {
  const one = async (file: string) => {
    const out = await stdoutOf('lint-openapi', ['--ruleset', 'spectral/ibm.yaml', '--json', file]);
    const report = JSON.parse(out) as Record<string, { results: { rule: string; path: string[]; message: string }[] }>;
    const lines = SEVERITY.flatMap((severity) =>
      (report[severity]?.results ?? []).map((r) => `${severity} ${r.rule} at ${r.path.join('.')}: ${r.message}`),
    );
    return [resolve(root, file), lines] as const;
  };
  return new Map(await Promise.all(files.map(one)));
}

const LINTERS = [
  { name: 'Spectral spectral:oas, all rules (spectral/oas.yaml)', lint: (f: string[]) => spectral('spectral/oas.yaml', f) },
  { name: 'Spectral OWASP API Security 2023 (spectral/owasp.yaml)', lint: (f: string[]) => spectral('spectral/owasp.yaml', f) },
  { name: 'IBM lint-openapi (spectral/ibm.yaml)', lint: ibm },
];

/** What each ruleset must report on the planted mistakes: rule and place (messages are the tools'). */
const PLANTED: Record<string, string[]> = {
  [LINTERS[0]!.name]: [
    'warning operation-singular-tag at paths./v2/{project_id}/processor-tasks.get.tags',
    'warning operation-tag-defined at paths./v2/{project_id}/processor-tasks.get.tags.1',
  ],
  [LINTERS[1]!.name]: [
    'error owasp:api4:2023-integer-format at components.schemas.ListProcessorTasksResp.properties.count',
    'error owasp:api8:2023-no-server-http at servers.3.url',
    'error owasp:api9:2023-inventory-access at servers.3',
    'error owasp:api9:2023-inventory-environment at servers.3.description',
  ],
  [LINTERS[2]!.name]: [
    'error ibm-unique-parameter-request-property-names at paths./v2/{project_id}/processor-tasks/{task_id}.put',
    'warning operation-tag-defined at paths./v2/{project_id}/processor-tasks.get.tags.1',
  ],
};

/** The 3.1 bundle with mistakes each ruleset keeps a rule on for, beside places it exempts. */
function plantMistakes(spec: Record<string, any>): void {
  // A plain-http server of unknown audience and environment (OWASP API8, API9).
  spec.servers.push({ url: 'http://localhost:4010', description: 'A mock' });
  // An integer without a width, while Retry-After is exempt by pointer (OWASP API4).
  delete spec.components.schemas.ListProcessorTasksResp.properties.count.format;
  // Two tags on one operation, one undeclared (an optional and a recommended spectral:oas rule).
  spec.paths['/v2/{project_id}/processor-tasks'].get.tags.push('Undeclared');
  // A query parameter named like a body field, on another operation than the exempt one (IBM).
  spec.paths['/v2/{project_id}/processor-tasks/{task_id}'].put.parameters = [
    { name: 'description', in: 'query', description: 'Clash.', schema: { type: 'string', enum: ['x'] } },
  ];
}

let dir: string;
let planted: string;
const results = new Map<string, Findings>();

beforeAll(async () => {
  await mkdir(join(root, '.tmp'), { recursive: true });
  dir = await mkdtemp(join(root, '.tmp', 'consumers-lint-'));
  const spec = JSON.parse(await readFile(join(root, 'generated/openapi.json'), 'utf8'));
  plantMistakes(spec);
  planted = join(dir, 'openapi.json');
  await writeFile(planted, JSON.stringify(spec, null, 2));
  const files = [...BUNDLES, planted];
  await Promise.all(LINTERS.map(async ({ name, lint }) => results.set(name, await lint(files))));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

for (const { name } of LINTERS) {
  describe(name, () => {
    it.each(BUNDLES)('reports nothing on %s', (file) => {
      expect(results.get(name)!.get(resolve(root, file))).toEqual([]);
    });

    it('reports exactly the planted mistakes on a broken copy', () => {
      const found = results.get(name)!.get(planted)!.map((line) => line.replace(/: .*$/s, ''));
      expect(found.sort()).toEqual(PLANTED[name]);
    });
  });
}
