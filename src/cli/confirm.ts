// The confirmation asked before large deletions. It is asked where a person can answer: on
// stdin and stderr when both are terminals and stdin is not the stream of ids, else on the
// controlling terminal (/dev/tty) when there is one, as `rm -i` or `git` do when their input
// is piped. With no terminal at all there is no one to ask, so a large deletion needs --yes.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CliIo } from './io.ts';

/** More ids than this need a confirmation, unless --yes. */
export const CONFIRM_ABOVE = 20;

export interface Terminal {
  input: Readable;
  output: Writable;
  close(): void;
}

/** The terminal to ask on, or undefined when there is none. */
export function promptTerminal(io: CliIo, idsFromStdin: boolean): Terminal | undefined {
  if (!idsFromStdin && io.stdin.isTTY === true && io.stderr.isTTY === true) {
    return { input: io.stdin, output: io.stderr, close: () => {} };
  }
  return io.openTty?.();
}

/** Asks `question` and reads one line; true only for y or yes. Rejects with the signal's reason on Ctrl-C. */
export async function confirm(terminal: Terminal, question: string, signal?: AbortSignal): Promise<boolean> {
  // Line mode (terminal: false): the terminal echoes and edits; nothing is put in raw mode.
  const rl = createInterface({ input: terminal.input, output: terminal.output, terminal: false });
  let onAbort: (() => void) | undefined;
  try {
    terminal.output.write(question);
    const answer = await new Promise<string | undefined>((resolve, reject) => {
      rl.once('line', resolve);
      // End of input (Ctrl-D) is a no.
      rl.once('close', () => resolve(undefined));
      onAbort = () => reject(signal!.reason);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    return answer !== undefined && /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    rl.close();
    terminal.close();
  }
}
