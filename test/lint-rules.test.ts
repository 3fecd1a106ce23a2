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

async function lintWith(dir: string, file: string, edit: (text: string) => string, api = 'modelarts@v2') {
  const target = join(dir, file);
  const original = await readFile(target, 'utf8');
  const changed = edit(original);
  expect(changed).not.toBe(original);
  await writeFile(target, changed);
  try {
    await run(join(root, 'node_modules/.bin/redocly'), ['lint', api, '--format', 'json'], { cwd: dir });
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
    await cp(join(root, 'generated/openapi-3.0.yaml'), join(dir, 'generated/openapi-3.0.yaml'), { recursive: true });
    await cp(join(root, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // The path file holds three operations: drop only DeleteProcessorTask's samples.
  const DELETE_SAMPLES = `  x-codeSamples:
    - lang: Shell
      label: curl
      source:
        $ref: ../code_samples/curl/deleteProcessorTask.sh
    - lang: TypeScript
      label: TypeScript client
      source:
        $ref: ../code_samples/TypeScript/deleteProcessorTask.ts
`;
  const INLINE_TASK_NOT_FOUND = `      TaskNotFound:
        summary: inline
        value:
          error_code: ModelArts.4700
          error_msg: Task does not exist
`;

  it.each([
    ['rule/operation-documented', PATH_FILE, (t: string) => t.replace(DELETE_SAMPLES, '')],
    ['rule/response-has-request-id', 'openapi/components/responses/VersionDeleted.yaml', (t: string) => t.replace('X-Request-Id:', 'X-Other-Id:')],
    ['rule/response-has-headers', 'openapi/components/responses/NotFound.yaml', (t: string) => t.replace(/headers:\n  X-Request-Id:\n    \$ref: \S+\n/, '')],
    // A success response: without examples, an error response also breaks rule/error-examples-named.
    ['rule/response-has-example', PATH_FILE, (t: string) => t.replace('          examples:\n            Deleted:\n              $ref: ../components/examples/Deleted.yaml\n', '')],
    ['rule/error-uses-shared-schema', 'openapi/components/responses/TooManyRequests.yaml', (t: string) => t.replace('$ref: ../schemas/Error.yaml', 'type: object')],
    // DigitalOcean's convention: named error examples (no single `example`), each a $ref to a shared file.
    ['rule/error-examples-named', 'openapi/components/responses/InternalServerError.yaml',
      (t: string) => t.replace(/    examples:[\s\S]*$/, '    example:\n      error_code: ModelArts.0010\n      error_msg: Internal error.\n')],
    ['rule/error-examples-shared', 'openapi/components/responses/BadRequestTask.yaml',
      (t: string) => t.replace('      TaskNotFound:\n        $ref: ../examples/TaskNotFound.yaml\n', INLINE_TASK_NOT_FOUND)],
  ])('%s fails the lint when broken, and no other rule does', async (rule, file, edit) => {
    const result = await lintWith(dir, file, edit);
    expect(result.ok).toBe(false);
    expect([...new Set(result.rules)]).toEqual([rule]);
  });

  it('rule/error-examples-shared holds the 3.0 down-conversion to the same convention', async () => {
    const inline = (t: string) =>
      t.replace(
        '            TaskNotFound:\n              $ref: "#/components/examples/TaskNotFound"\n',
        '            TaskNotFound:\n              summary: inline\n              value:\n                error_code: ModelArts.4700\n                error_msg: Task does not exist\n',
      );
    const result = await lintWith(dir, 'generated/openapi-3.0.yaml', inline, 'modelarts-3.0@v2');
    expect(result.ok).toBe(false);
    expect([...new Set(result.rules)]).toEqual(['rule/error-examples-shared']);
  });
});
