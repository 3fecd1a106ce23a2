// Runs `redocly respect` on an Arazzo file against a server of ours and reads its JSON report.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { root } from '../../scripts/paths.ts';
import type { Json } from './fixtures.ts';

export interface Check { name: string; passed: boolean; message?: string }
export interface Step {
  stepId: string;
  request: { url: string; method?: string; headers: Record<string, string> };
  response?: { statusCode: number; body: Json };
  checks: Check[];
}
export interface Workflow { workflowId: string; status: string; executedSteps: Step[] }
export interface Report { status: string; files: Record<string, { executedWorkflows: Workflow[] }> }

/** `serverUrl` stands in for the source description `modelarts`; `out` receives the JSON report. */
export async function respect(file: string, serverUrl: string, inputs: Record<string, string>, out: string): Promise<{ code: number; output: string; report: Report }> {
  const args = ['respect', file, '--server', `modelarts=${serverUrl}`, '--input', JSON.stringify(inputs), '--json-output', out];
  // No network beyond loopback: no telemetry, no update check.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(join(root, 'node_modules/.bin/redocly'), args, { cwd: root, env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const exit = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code: exit, output: `${stdout}${stderr}` });
    });
  });
  const report = JSON.parse(await readFile(out, 'utf8')) as Report;
  return { code, output, report };
}

export function workflowsOf(report: Report): Workflow[] {
  const files = Object.values(report.files);
  expect(files).toHaveLength(1);
  return files[0]!.executedWorkflows;
}
