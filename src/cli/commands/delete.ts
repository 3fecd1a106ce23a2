// `delete`: settle the settings, ask when many tasks are at stake, then stream ids through the
// bulk API (or, in a dry run, through the same screening without sending anything).
import { type Command, Option } from 'commander';
import { BatchStoppedError, DEFAULT_CONCURRENCY, DEFAULT_STOP_AFTER_FAILURES, deleteProcessorTasks, idScreen, type BulkProgress } from '../../bulk.ts';
import { checkTypedInput } from '../../call.ts';
import type { ProcessorTasksClient } from '../../client.ts';
import { confirm, CONFIRM_ABOVE, promptTerminal } from '../confirm.ts';
import { CliError, EXIT, exitCodeFor, UsageError } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';
import { humanReporter, jsonReporter, PROGRAM, type Printer, type Reporter, type Summary } from '../output.ts';
import { integer, type CommandContext } from '../program.ts';
import { PROGRESS_MIN_IDS, ProgressBar } from '../progress.ts';
import { chain, countIdLines, IdsInputError, openIdsFile, readIds } from '../read-ids.ts';
import { clientFor, resolveTarget, secretsOf, type GlobalOptions, type Target } from '../settings.ts';

export interface DeleteOptions {
  taskIds: string[];
  /** A path, or "-" for stdin. */
  fromFile: string | undefined;
  concurrency: number;
  ignoreMissing: boolean;
  stopAfterFailures: number;
  dryRun: boolean;
  json: boolean;
  yes: boolean;
}

const HELP = `
Examples:
  # one task; the IAM token is read from $HUAWEICLOUD_SDK_TOKEN
  modelarts-tasks delete --region cn-north-4 --project-id <project-id> SNEJua7qdZZN8GvkcEr

  # ids from a file, one per line; tasks already gone count as done
  modelarts-tasks delete --region cn-north-4 --from-file ids.txt --ignore-missing --yes

  # what \`list\` finds (AK/SK from HUAWEICLOUD_SDK_AK / _SK), one JSON line per task
  modelarts-tasks list --older-than 30d --output ids | modelarts-tasks delete --from-file - --json

  # check a file: lists what would be deleted and the invalid ids; sends nothing, needs no credentials
  modelarts-tasks delete --region cn-north-4 --from-file ids.txt --dry-run

Input:
  Ids from the arguments come first, then those of --from-file. Lines are trimmed; blank
  lines and # comments (a whole line, or after an id and a space) are skipped; repeated ids
  are deleted once. Invalid ids are reported and never sent. The file or stdin is streamed.

Confirmation:
  More than ${CONFIRM_ABOVE} ids need a yes: asked on the terminal (on /dev/tty when the ids come
  from stdin). With no terminal at all (CI, cron), more than ${CONFIRM_ABOVE} ids need --yes.

Stopping early:
  A 401, or a 403 not about one task, stops the batch: the ids in flight finish, no further
  id is sent (exit 3). So do --stop-after-failures failures in a row that are about the service
  rather than one task, each after its retries: no connection, DNS or TLS failure, timeout,
  5xx (exit 4). Ctrl-C or SIGTERM stop sending and abort the requests in flight; those are
  reported "unknown": sent, outcome not known, the task may or may not have been deleted.

Output:
  Text: one line per problem (failed, invalid, unknown), each deleted id too when only one was
  given, then a summary line. A progress bar on stderr when it is a terminal and more than
  ${PROGRESS_MIN_IDS} ids are given. --output json: one JSON object per id
  {"taskId","outcome","status","errorCode","requestId","error"?} (outcome deleted, missing,
  failed, invalid, unknown, or would-delete in a dry run), then {"summary":{...}}.

Exit codes (when several apply, the highest wins):
  0    every id deleted (or already gone, with --ignore-missing); dry run: every id valid
  1    some deletions failed (every other id was still tried), or the confirmation was declined
  2    usage error (bad flag, missing setting, unreadable file: nothing sent), or some ids were
       invalid (the valid ones were still deleted)
  3    credentials or permissions refused: the batch stopped
  4    the service failed --stop-after-failures times in a row: the batch stopped
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)
`;

export function registerDelete(program: Command, ctx: CommandContext): void {
  program
    .command('delete')
    .description('delete processor tasks by id, one or many')
    .argument('[task-id...]', 'task ids (also, or instead, --from-file)')
    .option('-f, --from-file <path>', 'read ids from a file, or "-" for stdin, one per line')
    .addOption(new Option('-c, --concurrency <n>', 'requests at once, 1 to 256').default(DEFAULT_CONCURRENCY).argParser(integer(1, 256)))
    .option('--ignore-missing', 'count a task that does not exist (400 ModelArts.4700) as done')
    .addOption(
      new Option('--stop-after-failures <n>', 'stop after this many service failures in a row (0: never)')
        .default(DEFAULT_STOP_AFTER_FAILURES)
        .argParser(integer(0, 1_000_000)),
    )
    .option('-n, --dry-run', 'check ids, project and endpoint and list what would be deleted; send nothing, need no credentials')
    .addOption(new Option('-o, --output <format>', 'text or json (one JSON line per id, then a summary line)').choices(['text', 'json']).default('text'))
    .addOption(new Option('--json', 'the same as --output json').implies({ output: 'json' }))
    .option('-y, --yes', `do not ask for confirmation (needed above ${CONFIRM_ABOVE} ids)`)
    .addHelpText('after', HELP)
    .action(async (taskIds: string[], o: Record<string, unknown>, command: Command) => {
      const options: DeleteOptions = {
        taskIds,
        fromFile: o.fromFile as string | undefined,
        concurrency: o.concurrency as number,
        ignoreMissing: o.ignoreMissing === true,
        stopAfterFailures: o.stopAfterFailures as number,
        dryRun: o.dryRun === true,
        json: o.output === 'json',
        yes: o.yes === true,
      };
      ctx.exit(await runDelete(options, ctx.globals(command), ctx.io, ctx.printer));
    });
}

interface Source {
  ids: AsyncIterable<string>;
  fromStdin: boolean;
  /**
   * How many ids there are, reading at most `limit` + 1 of stdin ahead (kept for the batch):
   * `atLeast` when there are more than that.
   */
  count(limit: number): Promise<{ n: number; atLeast: boolean }>;
}

/** The ids of stdin, with the first `limit` read ahead (kept) so that the prompt can say how many. */
function peekable(first: readonly string[], rest: AsyncIterable<string>): Pick<Source, 'ids' | 'count'> {
  const buffered: string[] = [...first];
  const iterator = rest[Symbol.asyncIterator]();
  let ended = false;
  return {
    count: async (limit: number) => {
      while (!ended && buffered.length <= limit) {
        const next = await iterator.next();
        if (next.done) ended = true;
        else buffered.push(next.value);
      }
      return { n: buffered.length, atLeast: !ended };
    },
    ids: (async function* () {
      while (buffered.length > 0) yield buffered.shift()!;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  };
}

async function openSource(o: DeleteOptions, io: CliIo, signal: AbortSignal): Promise<Source> {
  if (o.taskIds.length === 0 && o.fromFile === undefined) {
    throw new UsageError('no task ids: give them as arguments or with --from-file <path|->');
  }
  const path = o.fromFile;
  if (path === undefined) return { ids: chain(o.taskIds, undefined), fromStdin: false, count: async () => ({ n: o.taskIds.length, atLeast: false }) };
  if (path === '-') return { ...peekable(o.taskIds, readIds(io.stdin, { name: 'stdin', owned: false, signal })), fromStdin: true };
  const stream = await openIdsFile(path);
  // A second, streamed pass over the file, made once however often the count is asked (prompt, bar).
  let lines: Promise<number> | undefined;
  return {
    ids: chain(o.taskIds, readIds(stream, { name: path, owned: true, signal })),
    fromStdin: false,
    count: async () => ({ n: o.taskIds.length + (await (lines ??= countIdLines(path))), atLeast: false }),
  };
}

function newSummary(): Summary {
  return { deleted: 0, missing: 0, failed: 0, invalid: 0, unknown: 0, duplicates: 0, ms: 0 };
}

async function dryRun(source: Source, reporter: Reporter, target: Target, signal: AbortSignal): Promise<number> {
  const started = performance.now();
  const s: Summary = { ...newSummary(), dryRun: true, wouldDelete: 0 };
  const screen = idScreen((taskId) => checkTypedInput('deleteProcessorTask', { taskId }, { projectId: target.projectId, secrets: [] }));
  try {
    for await (const taskId of source.ids) {
      const verdict = screen(taskId);
      if (verdict === 'duplicate') s.duplicates++;
      else if (verdict === 'ok') {
        s.wouldDelete!++;
        reporter.wouldDelete(taskId);
      } else {
        s.invalid++;
        reporter.outcome({ taskId, outcome: 'invalid', error: verdict });
      }
    }
  } finally {
    s.ms = Math.round(performance.now() - started);
    if (signal.aborted) s.stopped = stopKind(signal);
    reporter.summary(s);
  }
  // Ctrl-C ends the reading of stdin quietly; it must still not look like a complete, valid list.
  if (signal.aborted) throw stopReason(signal);
  return exitCodeFor({ failed: 0, invalid: s.invalid });
}

function stopReason(signal: AbortSignal): CliError {
  const reason: unknown = signal.reason;
  return reason instanceof CliError ? reason : new CliError('interrupted', EXIT.interrupted);
}

function stopKind(signal: AbortSignal): 'interrupted' | 'terminated' {
  return stopReason(signal).exitCode === EXIT.terminated ? 'terminated' : 'interrupted';
}

/** Asks before a large deletion; throws when it cannot be asked or is declined. */
async function confirmed(o: DeleteOptions, io: CliIo, source: Source, target: Target, signal: AbortSignal): Promise<void> {
  if (o.yes) return;
  const { n, atLeast } = await source.count(CONFIRM_ABOVE);
  if (n <= CONFIRM_ABOVE) return;
  const many = `${atLeast ? 'more than ' : ''}${atLeast ? CONFIRM_ABOVE : n} tasks`;
  const terminal = promptTerminal(io, source.fromStdin);
  if (!terminal) {
    throw new CliError(`refusing to delete ${many} without confirmation: there is no terminal to ask on; pass --yes (nothing was sent)`, EXIT.failed);
  }
  const question = `${PROGRAM}: delete ${many} in project ${target.projectId} at ${target.endpoint}? [y/N] `;
  let yes: boolean;
  try {
    yes = await confirm(terminal, question, signal);
  } catch (err) {
    if (signal.aborted) throw new CliError(`${stopKind(signal)} at the confirmation; nothing was sent`, stopReason(signal).exitCode);
    throw err;
  }
  if (!yes) throw new CliError('not confirmed; nothing was sent', EXIT.failed);
}

export async function runDelete(o: DeleteOptions, g: GlobalOptions, io: CliIo, printer: Printer): Promise<number> {
  const secrets = secretsOf(io.env, g.tokenEnv);
  const target = resolveTarget(g, io.env, secrets);
  const each = o.taskIds.length === 1 && o.fromFile === undefined;
  const reporter = o.json ? jsonReporter(printer, { quiet: g.quiet }) : humanReporter(printer, { each, quiet: g.quiet });

  // One controller for the whole run: Ctrl-C (io.signal) reaches the prompt, the reader and the batch.
  const controller = new AbortController();
  const onStop = () => controller.abort(io.signal!.reason);
  if (io.signal?.aborted) onStop();
  else io.signal?.addEventListener('abort', onStop, { once: true });
  const signal = controller.signal;

  try {
    if (o.dryRun) return await dryRun(await openSource(o, io, signal), reporter, target, signal);
    const client = clientFor(g, io, printer, target);
    const source = await openSource(o, io, signal);
    await confirmed(o, io, source, target, signal);
    const showBar = !o.json && !g.quiet && io.stderr.isTTY === true;
    const total = showBar && !source.fromStdin ? (await source.count(Infinity)).n : undefined;
    return await deleteAll(o, g, client, source, reporter, printer, io, signal, showBar, total);
  } catch (err) {
    if (signal.aborted && err === signal.reason) throw new CliError(`${stopKind(signal)}; nothing further was sent`, stopReason(signal).exitCode);
    throw err;
  } finally {
    io.signal?.removeEventListener('abort', onStop);
  }
}

async function deleteAll(
  o: DeleteOptions,
  g: GlobalOptions,
  client: ProcessorTasksClient,
  source: Source,
  reporter: Reporter,
  printer: Printer,
  io: CliIo,
  signal: AbortSignal,
  showBar: boolean,
  total: number | undefined,
): Promise<number> {
  // Timed from here: the wait at the prompt is not the work.
  const started = performance.now();
  const s = newSummary();
  let duplicates = 0;
  const bar = showBar && ProgressBar.wanted(io.stderr, total) ? new ProgressBar(io.stderr, total) : undefined;
  if (bar) printer.beforeStdout = () => bar.clearLine();
  const onProgress = (p: Readonly<BulkProgress>) => {
    duplicates = p.duplicates;
    bar?.update(p);
  };
  let fatal: { message: string; code: number; error: unknown } | undefined;
  try {
    for await (const outcome of deleteProcessorTasks(client, source.ids, {
      concurrency: o.concurrency,
      ignoreMissing: o.ignoreMissing,
      stopAfterFailures: o.stopAfterFailures,
      signal,
      onProgress,
    })) {
      s[outcome.outcome]++;
      reporter.outcome(outcome);
    }
  } catch (err) {
    if (err instanceof BatchStoppedError) {
      s.stopped = err.reason === 'auth' ? 'authentication' : 'unavailable';
      duplicates = err.progress.duplicates;
      fatal = { message: err.message, code: err.reason === 'auth' ? EXIT.auth : EXIT.unavailable, error: err };
    } else if (signal.aborted) {
      const reason = stopReason(signal);
      s.stopped = stopKind(signal);
      const unknown = s.unknown > 0 ? `; ${s.unknown} sent without an answer (outcome unknown, listed above)` : '';
      fatal = { message: `${reason.message}${unknown}; no further ids were sent`, code: reason.exitCode, error: err };
    } else if (err instanceof IdsInputError) {
      s.stopped = 'input-error';
      fatal = { message: `${err.message}; no further ids were read`, code: err.exitCode, error: err };
    } else {
      s.stopped = 'error';
      fatal = { message: err instanceof Error ? err.message : String(err), code: EXIT.failed, error: err };
    }
  } finally {
    bar?.stop();
    printer.beforeStdout = undefined;
  }
  s.duplicates = duplicates;
  s.ms = Math.round(performance.now() - started);
  reporter.summary(s);
  const code = exitCodeFor({ failed: s.failed + s.unknown, invalid: s.invalid });
  if (fatal) {
    printer.error(fatal.message);
    if (g.debug && fatal.error instanceof Error && fatal.error.stack) printer.errLines(fatal.error.stack);
    return Math.max(code, fatal.code);
  }
  return code;
}
