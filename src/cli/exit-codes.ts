// Exit codes and their precedence. When several apply, the one that needs the most fixing
// before a rerun can succeed wins: credentials (3) over input (2) over per-task failures (1).
export const EXIT = {
  ok: 0,
  /** Some deletions failed; the rest were attempted. Also: the confirmation was declined. */
  failed: 1,
  /** Bad flags or settings (nothing sent), or some ids were invalid (the valid ones were still sent). */
  usage: 2,
  /** Credentials or permissions refused (401, or 403 not about one task): the batch stopped. */
  auth: 3,
  /** Ctrl-C or SIGTERM. */
  interrupted: 130,
} as const;

/** An error the CLI reports as one line, with the exit code it implies. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

export interface Tally {
  failed: number;
  invalid: number;
  authStopped: boolean;
}

export function exitCodeFor(t: Tally): number {
  if (t.authStopped) return EXIT.auth;
  if (t.invalid > 0) return EXIT.usage;
  if (t.failed > 0) return EXIT.failed;
  return EXIT.ok;
}
