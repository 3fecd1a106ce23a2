// Runs the CLI as a subprocess, the way a user or a script does: node loading TypeScript
// through tsx, stdin piped (so never a terminal), a clean environment, and a hard timeout.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../../scripts/paths.ts';

export const CLI_MAIN = join(root, 'src/cli/main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliRunOptions {
  /** The only environment variables the CLI sees, besides PATH (no inherited HUAWEICLOUD_*). */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed; stdin is closed at once without it. */
  input?: string;
  timeoutMs?: number;
}

export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  const { env = {}, input, timeoutMs = 25_000 } = options;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI timed out after ${timeoutMs} ms: ${args.join(' ')}\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
    // The CLI may exit before reading its input (a usage error); that is not the test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** Non-empty lines of a stream's text. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** Each stdout line parsed as JSON. */
export function jsonLines(text: string): Record<string, any>[] {
  return lines(text).map((l) => JSON.parse(l) as Record<string, any>);
}
