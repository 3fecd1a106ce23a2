// Our own Redocly rules must catch what they claim to: lint a copy of the spec with one
// convention broken at a time and expect that rule, and only a failure, in the output.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../scripts/paths.ts';

const run = promisify(execFile);
const PATH_FILE = 'openapi/paths/v2_{project_id}_processor-tasks_{task_id}.yaml';

async function lintWith(dir: string, file: string, edit: (text: string) => string) {
  const target = join(dir, file);
  const original = await readFile(target, 'utf8');
  const changed = edit(original);
  expect(changed).not.toBe(original);
  await writeFile(target, changed);
  try {
    await run(join(root, 'node_modules/.bin/redocly'), ['lint', 'modelarts@v2', '--format', 'json'], { cwd: dir });
    return { ok: true, rules: [] as string[] };
  } catch (err) {
    const out = JSON.parse((err as { stdout: string }).stdout) as { problems: { ruleId: string }[] };
    return { ok: false, rules: out.problems.map((p) => p.ruleId) };
  } finally {
    await writeFile(target, original);
  }
}

describe('redocly.yaml conventions', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modelarts-lint-'));
    await cp(join(root, 'openapi'), join(dir, 'openapi'), { recursive: true });
    await cp(join(root, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['rule/operation-documented', PATH_FILE, (t: string) => t.replace(/  x-codeSamples:[\s\S]*?deleteProcessorTask\.ts\n/, '')],
    ['rule/response-has-request-id', 'openapi/components/responses/Deleted.yaml', (t: string) => t.replace('X-Request-Id:', 'X-Other-Id:')],
    ['rule/response-has-headers', 'openapi/components/responses/NotFound.yaml', (t: string) => t.replace(/headers:\n  X-Request-Id:\n    \$ref: \S+\n/, '')],
    ['rule/response-has-example', 'openapi/components/responses/InternalServerError.yaml', (t: string) => t.replace(/    examples:[\s\S]*$/, '')],
    ['rule/error-uses-shared-schema', 'openapi/components/responses/TooManyRequests.yaml', (t: string) => t.replace('$ref: ../schemas/Error.yaml', 'type: object')],
  ])('%s fails the lint when broken', async (rule, file, edit) => {
    const result = await lintWith(dir, file, edit);
    expect(result.ok).toBe(false);
    expect(result.rules).toContain(rule);
  });
});
