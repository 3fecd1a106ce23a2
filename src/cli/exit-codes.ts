// Exit codes and their precedence. When several apply, the one that needs the most fixing
// before a rerun can succeed wins: the service (4) or the credentials (3) over the input (2)
// over per-task failures (1). A batch stops for at most one reason, so 4 and 3 never meet.
export const EXIT = {
  ok: 0,
  /** Some calls failed; the rest were attempted. Also: the confirmation was declined. */
  failed: 1,
  /** Bad flags or settings (nothing sent), or some ids were invalid (the valid ones were still sent). */
  usage: 2,
  /** Credentials or permissions refused (401, or 403 not about one task): the batch stopped. */
  auth: 3,
  /** The service failed several times in a row (no connection, DNS/TLS failure, 5xx): the batch stopped. */
  unavailable: 4,
  /** Ctrl-C (SIGINT). */
  interrupted: 130,
  /** SIGTERM. */
  terminated: 143,
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
  stopped?: 'auth' | 'unavailable' | undefined;
}

export function exitCodeFor(t: Tally): number {
  if (t.stopped === 'unavailable') return EXIT.unavailable;
  if (t.stopped === 'auth') return EXIT.auth;
  if (t.invalid > 0) return EXIT.usage;
  if (t.failed > 0) return EXIT.failed;
  return EXIT.ok;
}
