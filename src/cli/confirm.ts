// The confirmation asked before large deletions, on a terminal only.
import { createInterface } from 'node:readline';
import type { CliIo } from './io.ts';

/** More ids than this ask for confirmation on a terminal, unless --yes. */
export const CONFIRM_ABOVE = 20;

/**
 * Whether a prompt can be asked: both stdin and stderr are terminals, and stdin is not the
 * source of the ids. Anywhere else (pipes, CI, cron) there is no one to answer, so none is asked.
 */
export function canPrompt(io: CliIo, idsFromStdin: boolean): boolean {
  return io.stdin.isTTY === true && io.stderr.isTTY === true && !idsFromStdin;
}

/** Asks `question` on stderr and reads one line from stdin; true only for y or yes. */
export async function confirm(io: CliIo, question: string, signal?: AbortSignal): Promise<boolean> {
  // Line mode (terminal: false): the terminal echoes and edits; nothing is put in raw mode.
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    io.stderr.write(question);
    const answer = await new Promise<string | undefined>((resolve, reject) => {
      rl.once('line', resolve);
      // End of input (Ctrl-D) is a no.
      rl.once('close', () => resolve(undefined));
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    return answer !== undefined && /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
