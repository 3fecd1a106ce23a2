// The stateful Arazzo workflow, executed by `redocly respect` against the emulator: create,
// describe, delete (retried while the task initializes), delete again → ModelArts.4700, with
// no Prefer header anywhere. A copy with a wrong expectation must fail.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../scripts/paths.ts';
import { useEmulator } from './support/emulator.ts';
import { PROJECT_ID } from './support/fixtures.ts';
import { respect, workflowsOf } from './support/respect.ts';

const FILE = join(root, 'openapi/workflows/processor-task-lifecycle.arazzo.yaml');
const TOKEN = 'emulator-workflow-iam-token';
// Initializing for a moment, so the delete step meets 403 ModelArts.4850 and retries.
const emulator = await useEmulator({ token: TOKEN, statusIntervalMs: 1_000 });

describe('Arazzo lifecycle workflow against the emulator (redocly respect)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modelarts-respect-emulator-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes every step from state alone: 200, 200, 200 (after 403s), then 400 ModelArts.4700', async () => {
    const { code, output, report } = await respect(FILE, emulator.url, { token: TOKEN, project_id: PROJECT_ID, name: 'workflow-task' }, join(dir, 'pass.json'));
    expect(code, output).toBe(0);
    const [workflow] = workflowsOf(report);
    expect(workflow!.status).toBe('success');
    const steps = workflow!.executedSteps;
    for (const step of steps) expect(step.request.headers, step.stepId).not.toHaveProperty('prefer');
    const last = (id: string) => steps.filter((s) => s.stepId === id).at(-1)!;
    expect(last('createTask').response?.statusCode).toBe(200);
    const taskId = last('createTask').response!.body.task_id as string;
    expect(taskId).toMatch(/^[A-Za-z0-9]{19}$/);
    expect(last('describeTask').response?.body).toMatchObject({ task_id: taskId, name: 'workflow-task' });
    const deletes = steps.filter((s) => s.stepId === 'deleteTask').map((s) => s.response?.statusCode);
    expect(deletes.at(-1)).toBe(200);
    expect(deletes.slice(0, -1).every((status) => status === 403)).toBe(true);
    expect(last('deleteTaskAgain').response?.statusCode).toBe(400);
    expect(last('deleteTaskAgain').response?.body.error_code).toBe('ModelArts.4700');
    expect(await readFile(join(dir, 'pass.json'), 'utf8')).not.toContain(TOKEN);
    // The emulator saw the same: two deletes that found the task or not, and nothing else.
    expect(emulator.stats.byOperation.createProcessorTask).toBe(1);
    expect(emulator.stats.byOperation.describeProcessorTask).toBe(1);
  });

  it('fails when the second delete is expected to succeed', async () => {
    const original = await readFile(FILE, 'utf8');
    const from = "$response.body#/error_code == 'ModelArts.4700'";
    expect(original.split(from)).toHaveLength(2);
    const broken = original.replace('url: ../../generated/openapi.yaml', `url: ${join(root, 'generated/openapi.yaml')}`).replace(from, "$response.body#/error_code == 'ModelArts.0101'");
    const file = join(dir, 'broken.arazzo.yaml');
    await writeFile(file, broken);
    const { code, report } = await respect(file, emulator.url, { token: TOKEN, project_id: PROJECT_ID, name: 'workflow-task-2' }, join(dir, 'broken.json'));
    expect(code).not.toBe(0);
    const failed = workflowsOf(report).flatMap((w) => w.executedSteps).filter((s) => s.checks.some((c) => !c.passed) && s.stepId !== 'deleteTask');
    expect(failed.map((s) => s.stepId)).toEqual(['deleteTaskAgain']);
  });
});
