// The Arazzo workflows, executed by `redocly respect` against the Prism mock. A copy with a
// wrong expectation must fail, or a green run would prove nothing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../scripts/paths.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';
import { respect, workflowsOf } from './support/respect.ts';

const WORKFLOW_FILE = join(root, 'openapi/workflows/delete-processor-task.arazzo.yaml');
const SOURCE_URL = '../../generated/openapi.yaml';
// Distinct enough that respect's secret masking (it masks every occurrence) hides only it.
const TOKEN = 'workflow-test-iam-token';
const mockUrl = inject('mockUrl');

function run(file: string, out: string) {
  return respect(file, mockUrl, { token: TOKEN, project_id: PROJECT_ID, task_id: TASK_ID }, out);
}

const doc = parse(await readFile(WORKFLOW_FILE, 'utf8')) as {
  sourceDescriptions: { name: string; url: string }[];
  workflows: { workflowId: string; description: string; steps: { stepId: string }[] }[];
};

describe('Arazzo workflows against the Prism mock (redocly respect)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modelarts-respect-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('describes the two workflows the issue asks for, and says why Prefer is sent', () => {
    expect(doc.sourceDescriptions).toEqual([{ name: 'modelarts', url: SOURCE_URL, type: 'openapi' }]);
    expect(doc.workflows.map((w) => w.workflowId)).toEqual(['deleteTwice', 'unauthenticated']);
    const deleteTwice = doc.workflows[0]!;
    expect(deleteTwice.description).toMatch(/stateless/);
    expect(deleteTwice.description).toContain('Prefer: code=400, example=TaskNotFound');
  });

  it('passes every step and every check, exit code 0', async () => {
    const { code, output, report } = await run(WORKFLOW_FILE, join(dir, 'pass.json'));
    expect(code, output).toBe(0);
    expect(report.status).toBe('success');

    const workflows = workflowsOf(report);
    // Every workflow and step of the document ran: nothing was skipped into a green result.
    expect(workflows.map((w) => w.workflowId)).toEqual(doc.workflows.map((w) => w.workflowId));
    for (const [i, workflow] of workflows.entries()) {
      expect(workflow.status, workflow.workflowId).toBe('success');
      expect(workflow.executedSteps.map((s) => s.stepId)).toEqual(doc.workflows[i]!.steps.map((s) => s.stepId));
      for (const step of workflow.executedSteps) {
        expect(step.request.url.startsWith(`${mockUrl}/v2/${PROJECT_ID}/processor-tasks/${TASK_ID}`), step.request.url).toBe(true);
        expect(step.checks.map((c) => c.name)).toContain('success criteria check');
        expect(step.checks.filter((c) => !c.passed), step.stepId).toEqual([]);
      }
    }

    const steps = Object.fromEntries(workflows.flatMap((w) => w.executedSteps).map((s) => [s.stepId, s]));
    expect(steps.deleteTask?.response?.statusCode).toBe(200);
    expect(steps.deleteTask?.response?.body).toEqual({});
    expect(steps.deleteTaskAgain?.request.headers.prefer).toBe('code=400, example=TaskNotFound');
    expect(steps.deleteTaskAgain?.response?.statusCode).toBe(400);
    expect(steps.deleteTaskAgain?.response?.body.error_code).toBe('ModelArts.4700');
    expect(steps.deleteWithoutCredentials?.request.headers).not.toHaveProperty('x-auth-token');
    expect(steps.deleteWithoutCredentials?.response?.statusCode).toBe(401);
    expect(steps.deleteWithoutCredentials?.response?.body.error_code).toBe('APIGW.0301');

    // The token input is `format: password`: the log must not carry it.
    expect(await readFile(join(dir, 'pass.json'), 'utf8')).not.toContain(TOKEN);
  });

  it.each([
    ['an expected status', 'deleteWithoutCredentials', '$statusCode == 401', '$statusCode == 403'],
    ['an expected error_code', 'deleteTaskAgain', "$response.body#/error_code == 'ModelArts.4700'", "$response.body#/error_code == 'ModelArts.0101'"],
  ])('fails when %s is wrong', async (_label, failingStep, from, to) => {
    const original = await readFile(WORKFLOW_FILE, 'utf8');
    const broken = original
      // The copy lives in a temp folder: point it at the same bundle by absolute path.
      .replace(`url: ${SOURCE_URL}`, `url: ${join(root, 'generated/openapi.yaml')}`)
      .replace(from, to);
    expect(original.split(from), `${from} appears once`).toHaveLength(2);
    const file = join(dir, `${failingStep}.arazzo.yaml`);
    await writeFile(file, broken);

    const { code, report } = await run(file, join(dir, `${failingStep}.json`));
    expect(code).not.toBe(0);
    expect(report.status).not.toBe('success');
    const steps = workflowsOf(report).flatMap((w) => w.executedSteps);
    const failed = steps.filter((s) => s.checks.some((c) => !c.passed));
    expect(failed.map((s) => s.stepId)).toEqual([failingStep]);
    expect(failed[0]!.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(['success criteria check']);
  });
});
