// What the CLI touches of the outside world, passed in so that tests can run main() in-process
// with fake terminals as well as in a subprocess.
import type { Readable, Writable } from 'node:stream';
import type { Terminal } from './confirm.ts';

export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
  /** Stops a run in progress as Ctrl-C does; its reason may be a CliError with its own exit code. */
  signal?: AbortSignal;
  /** Opens the controlling terminal (/dev/tty) to ask a question when stdin is busy; undefined when there is none. */
  openTty?: () => Terminal | undefined;
}
