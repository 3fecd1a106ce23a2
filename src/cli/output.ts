// What the CLI prints: one line per task (JSON) or per problem (human), and a summary.
// Every line passes through two filters: characters that could drive a terminal (C0/C1
// controls, bidi overrides) arrive escaped, since ids come from files anyone may have
// written; and every secret the process knows is replaced, whatever produced the line.
import type { BulkOutcome } from '../bulk.ts';
import { redact } from '../redaction.ts';

export const PROGRAM = 'modelarts-tasks';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Escapes control and bidi characters as \uXXXX (valid inside JSON strings, readable elsewhere). */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A single line: line breaks and runs of blanks collapsed. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export interface LineSink {
  write(chunk: string): unknown;
}

/** Writes whole lines to stdout and stderr, filtered. `beforeStdout` lets a progress bar clear its line first. */
export class Printer {
  beforeStdout: (() => void) | undefined;
  constructor(
    private readonly stdout: LineSink,
    private readonly stderr: LineSink,
    private readonly secrets: readonly string[],
  ) {}

  #clean(line: string): string {
    return redact(safeText(line), this.secrets);
  }

  out(line: string): void {
    this.beforeStdout?.();
    this.stdout.write(`${this.#clean(line)}\n`);
  }

  /** Text of several lines as it is (help), each line filtered. */
  outRaw(text: string): void {
    this.beforeStdout?.();
    this.stdout.write(text.split('\n').map((line) => this.#clean(line)).join('\n'));
  }

  err(line: string): void {
    this.stderr.write(`${this.#clean(line)}\n`);
  }

  /** Several lines (a stack trace) on stderr, each filtered. */
  errLines(text: string): void {
    for (const line of text.split(/\r?\n/)) this.err(line);
  }

  /** `modelarts-tasks: <message>` on stderr, on one line. */
  error(message: string): void {
    this.err(`${PROGRAM}: ${oneLine(message)}`);
  }
}

export interface Summary {
  deleted: number;
  missing: number;
  failed: number;
  invalid: number;
  /** Sent, then aborted: may or may not be deleted. */
  unknown: number;
  duplicates: number;
  /** The time of the work, not of the confirmation. */
  ms: number;
  /** Dry run only. */
  wouldDelete?: number;
  dryRun?: true;
  /** Why the batch ended before its input did. */
  stopped?: 'authentication' | 'unavailable' | 'interrupted' | 'terminated' | 'input-error' | 'error';
}

export interface Reporter {
  outcome(o: BulkOutcome): void;
  wouldDelete(taskId: string): void;
  summary(s: Summary): void;
}

export interface ReporterOptions {
  /** Print every deleted or missing id too (a delete of one task says which), not only the problems. */
  each: boolean;
  /** No summary line. */
  quiet: boolean;
}

type JsonOutcome = {
  taskId: string;
  outcome: BulkOutcome['outcome'] | 'would-delete';
  status: number | null;
  errorCode: string | null;
  requestId: string | null;
  error?: string;
};

export function toJsonOutcome(o: BulkOutcome): JsonOutcome {
  switch (o.outcome) {
    case 'deleted':
    case 'missing':
      return { taskId: o.taskId, outcome: o.outcome, status: o.status, errorCode: null, requestId: o.requestId ?? null };
    case 'failed':
      return {
        taskId: o.taskId,
        outcome: 'failed',
        status: o.status ?? null,
        errorCode: o.errorCode ?? null,
        requestId: o.requestId ?? null,
        error: oneLine(o.error.message),
      };
    case 'invalid':
      return { taskId: o.taskId, outcome: 'invalid', status: null, errorCode: null, requestId: null, error: o.error.message };
    case 'unknown':
      return { taskId: o.taskId, outcome: 'unknown', status: null, errorCode: null, requestId: null, error: UNKNOWN };
  }
}

const UNKNOWN = 'sent, then aborted: the task may or may not have been deleted';

export function jsonReporter(p: Printer, options: Pick<ReporterOptions, 'quiet'>): Reporter {
  return {
    outcome: (o) => p.out(JSON.stringify(toJsonOutcome(o))),
    wouldDelete: (taskId) =>
      p.out(JSON.stringify({ taskId, outcome: 'would-delete', status: null, errorCode: null, requestId: null } satisfies JsonOutcome)),
    summary: (s) => {
      if (!options.quiet) p.out(JSON.stringify({ summary: s }));
    },
  };
}

/** A task id as typed, or quoted when it holds anything but the characters ids are made of. */
function shownId(id: string): string {
  const cut = id.length > 80 ? `${id.slice(0, 80)}…` : id;
  return /^[A-Za-z0-9_-]+$/.test(cut) ? cut : JSON.stringify(cut);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function humanReporter(p: Printer, options: ReporterOptions): Reporter {
  return {
    outcome(o) {
      switch (o.outcome) {
        case 'failed':
          p.out(`failed   ${shownId(o.taskId)}  ${oneLine(o.error.message)}`);
          break;
        case 'invalid':
          // The reason repeats the value ("; got ..."), already shown first.
          p.out(`invalid  ${shownId(o.taskId)}  ${o.error.reason.replace(/; got [\s\S]*$/, '')}`);
          break;
        case 'unknown':
          p.out(`unknown  ${shownId(o.taskId)}  ${UNKNOWN}`);
          break;
        default:
          if (options.each) p.out(`${o.outcome === 'deleted' ? 'deleted' : 'missing'}  ${shownId(o.taskId)}`);
      }
    },
    wouldDelete: (taskId) => p.out(`would delete  ${taskId}`),
    summary(s) {
      if (options.quiet) return;
      const secs = `${(s.ms / 1000).toFixed(1)} s`;
      if (s.dryRun) {
        p.out(`dry run: ${s.wouldDelete ?? 0} would be deleted, ${s.invalid} invalid, ${plural(s.duplicates, 'duplicate')}; nothing was sent (${secs})`);
        return;
      }
      const stopped = s.stopped ? `; stopped early (${s.stopped})` : '';
      const unknown = s.unknown > 0 ? `, unknown ${s.unknown}` : '';
      p.out(`deleted ${s.deleted}, missing ${s.missing}, failed ${s.failed}, invalid ${s.invalid}${unknown}, duplicates ${s.duplicates} in ${secs}${stopped}`);
    },
  };
}
