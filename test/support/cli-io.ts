// Fake terminals for running the CLI's main() in-process: what a subprocess cannot be given
// without a pseudo-terminal (stdin and stderr that are TTYs) for the prompt and progress bar.
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/main.ts';

export interface FakeIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
}

export function fakeIo(options: { stdinTTY?: boolean; stderrTTY?: boolean; input?: string; env?: Record<string, string>; signal?: AbortSignal } = {}): FakeIo {
  const stdin = Object.assign(new PassThrough(), { isTTY: options.stdinTTY ?? false });
  const stdout = Object.assign(new PassThrough(), { isTTY: false });
  const stderr = Object.assign(new PassThrough(), { isTTY: options.stderrTTY ?? false, columns: 100 });
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  if (options.input !== undefined) stdin.end(options.input);
  return {
    io: { stdin, stdout, stderr, env: options.env ?? {}, ...(options.signal ? { signal: options.signal } : {}) },
    stdout: () => out,
    stderr: () => err,
  };
}
