// The delete command: settle the settings, then stream ids through the bulk API (or, in a
// dry run, through the same de-duplication and validation without sending anything).
import { BatchStoppedError, deleteProcessorTasks, type BulkProgress } from '../bulk.ts';
import { createProcessorTasksClient, type ProcessorTasksClient } from '../client.ts';
import type { CredentialsInput } from '../credentials.ts';
import { checkEndpoint, regionEndpoint } from '../endpoints.ts';
import { ValidationError } from '../errors.ts';
import type { Logger } from '../transport.ts';
import { validateProjectId, validateTaskId } from '../validate.ts';
import type { DeleteOptions } from './args.ts';
import { canPrompt, confirm, CONFIRM_ABOVE } from './confirm.ts';
import { CliError, EXIT, exitCodeFor, UsageError } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { humanReporter, jsonReporter, PROGRAM, type Printer, type Reporter, type Summary } from './output.ts';
import { ProgressBar } from './progress.ts';
import { chain, countIdLines, IdsInputError, openIdsFile, readIds } from './read-ids.ts';

// Library field names as the CLI user knows them.
const FLAG_OF: Record<string, string> = {
  projectId: '--project-id',
  region: '--region',
  endpoint: '--endpoint',
  timeout: '--timeout',
  'retry.limit': '--retries',
  concurrency: '--concurrency',
};

/** A library ValidationError, reworded with the flag that caused it. */
export function asUsageError(err: ValidationError): UsageError {
  const flag = FLAG_OF[err.field];
  let reason = err.reason;
  // The library's way out (an option) is no flag of the CLI.
  if (err.field === 'endpoint') reason = reason.replace('use https://, a loopback host, or allowInsecureHttp: true', 'use https:// or a loopback host');
  return new UsageError(`${flag ?? err.field}: ${reason}`);
}

function settled<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof ValidationError ? asUsageError(err) : err;
  }
}

interface Target {
  projectId: string;
  /** Where requests go, for the confirmation prompt. */
  endpoint: string;
}

function resolveTarget(o: DeleteOptions, env: CliIo['env']): Target {
  const rawProject = o.projectId ?? (env.HUAWEICLOUD_SDK_PROJECT_ID || undefined);
  if (rawProject === undefined) throw new UsageError('no project id: pass --project-id or set HUAWEICLOUD_SDK_PROJECT_ID');
  const projectId = settled(() => validateProjectId(rawProject));
  let endpoint: string;
  if (o.endpoint !== undefined) endpoint = settled(() => checkEndpoint(o.endpoint!));
  else if (o.region !== undefined) endpoint = settled(() => checkEndpoint(regionEndpoint(o.region!, env)));
  else throw new UsageError('no endpoint: pass --region (e.g. cn-north-4) or --endpoint <url>');
  return { projectId, endpoint };
}

/** A token from the named variable, else undefined to let the library take AK/SK from the environment. */
function resolveCredentials(o: DeleteOptions, env: CliIo['env']): CredentialsInput | undefined {
  const token = env[o.tokenEnv];
  if (token) return { token };
  if (o.tokenEnvExplicit) throw new UsageError(`environment variable ${o.tokenEnv} (named by --token-env) is not set`);
  if (env.HUAWEICLOUD_SDK_AK && env.HUAWEICLOUD_SDK_SK) return undefined;
  throw new UsageError(
    `no credentials: set ${o.tokenEnv} to an IAM token, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (see --help)`,
  );
}

/** Every secret the run may hold, for the printer to redact. */
export function secretsOf(env: CliIo['env'], tokenEnv: string | undefined): string[] {
  const names = ['HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_TOKEN'];
  if (tokenEnv) names.push(tokenEnv);
  return names.map((n) => env[n]).filter((v): v is string => typeof v === 'string' && v.length > 0);
}

interface Source {
  ids: AsyncIterable<string>;
  fromStdin: boolean;
  /** The number of id lines, when it can be known without consuming the source. */
  count(): Promise<number | undefined>;
}

async function openSource(o: DeleteOptions, io: CliIo, signal: AbortSignal): Promise<Source> {
  if (o.taskIds.length === 0 && o.fromFile === undefined) {
    throw new UsageError('no task ids: give them as arguments or with --from-file <path|->');
  }
  const path = o.fromFile;
  if (path === undefined) return { ids: chain(o.taskIds, undefined), fromStdin: false, count: async () => o.taskIds.length };
  if (path === '-') {
    return {
      ids: chain(o.taskIds, readIds(io.stdin, { name: 'stdin', owned: false, signal })),
      fromStdin: true,
      count: async () => undefined,
    };
  }
  const stream = await openIdsFile(path);
  return {
    ids: chain(o.taskIds, readIds(stream, { name: path, owned: true, signal })),
    fromStdin: false,
    // A second, streamed pass over the file; only done on a terminal, for the prompt and the bar.
    count: async () => o.taskIds.length + (await countIdLines(path)),
  };
}

function newSummary(): Summary {
  return { deleted: 0, missing: 0, failed: 0, invalid: 0, duplicates: 0, ms: 0 };
}

async function dryRun(source: Source, reporter: Reporter, started: number, signal: AbortSignal): Promise<number> {
  const s: Summary = { ...newSummary(), dryRun: true, wouldDelete: 0 };
  const seen = new Set<string>();
  try {
    for await (const taskId of source.ids) {
      if (seen.has(taskId)) {
        s.duplicates++;
        continue;
      }
      seen.add(taskId);
      try {
        validateTaskId(taskId);
      } catch (error) {
        s.invalid++;
        reporter.outcome({ taskId, outcome: 'invalid', error: error as ValidationError });
        continue;
      }
      s.wouldDelete!++;
      reporter.wouldDelete(taskId);
    }
  } finally {
    s.ms = Math.round(performance.now() - started);
    if (signal.aborted) s.stopped = 'interrupted';
    reporter.summary(s);
  }
  // Ctrl-C ends the reading of stdin quietly; it must still not look like a complete, valid list.
  if (signal.aborted) throw stopReason(signal);
  return exitCodeFor({ failed: 0, invalid: s.invalid, authStopped: false });
}

function debugLogger(printer: Printer): Logger {
  return (event) => printer.err(`debug: ${JSON.stringify(event)}`);
}

export async function runDelete(o: DeleteOptions, io: CliIo, printer: Printer): Promise<number> {
  const started = performance.now();
  const reporter = o.json ? jsonReporter(printer) : humanReporter(printer);
  const target = resolveTarget(o, io.env);

  // One controller for the whole run: Ctrl-C (io.signal) reaches the prompt, the reader and the batch.
  const controller = new AbortController();
  const onStop = () => controller.abort(io.signal!.reason);
  if (io.signal?.aborted) onStop();
  else io.signal?.addEventListener('abort', onStop, { once: true });
  const signal = controller.signal;

  try {
    if (o.dryRun) return await dryRun(await openSource(o, io, signal), reporter, started, signal);

    const credentials = resolveCredentials(o, io.env);
    const client: ProcessorTasksClient = settled(() =>
      createProcessorTasksClient({
        ...(o.endpoint !== undefined ? { endpoint: o.endpoint } : { region: o.region! }),
        projectId: target.projectId,
        ...(credentials ? { credentials } : {}),
        ...(o.retries !== undefined ? { retry: o.retries } : {}),
        ...(o.timeout !== undefined ? { timeout: o.timeout } : {}),
        ...(o.debug ? { logger: debugLogger(printer) } : {}),
        env: io.env,
      }),
    );
    const source = await openSource(o, io, signal);

    const interactive = !o.json && io.stderr.isTTY === true;
    const mayPrompt = !o.yes && canPrompt(io, source.fromStdin);
    const total = mayPrompt || interactive ? await source.count() : undefined;
    if (mayPrompt && total !== undefined && total > CONFIRM_ABOVE) {
      const question = `${PROGRAM}: delete ${total} tasks in project ${target.projectId} at ${target.endpoint}? [y/N] `;
      if (!(await confirm(io, question, signal))) {
        printer.error('not confirmed; nothing was deleted');
        return EXIT.failed;
      }
    }

    return await deleteAll(o, client, source, reporter, printer, io, signal, started, interactive ? total : undefined);
  } catch (err) {
    if (signal.aborted && err === signal.reason) throw stopReason(signal);
    throw err;
  } finally {
    io.signal?.removeEventListener('abort', onStop);
  }
}

function stopReason(signal: AbortSignal): CliError {
  const reason: unknown = signal.reason;
  return reason instanceof CliError ? reason : new CliError('interrupted; nothing further was sent', EXIT.interrupted);
}

async function deleteAll(
  o: DeleteOptions,
  client: ProcessorTasksClient,
  source: Source,
  reporter: Reporter,
  printer: Printer,
  io: CliIo,
  signal: AbortSignal,
  started: number,
  total: number | undefined,
): Promise<number> {
  const s = newSummary();
  let duplicates = 0;
  const bar = !o.json && ProgressBar.wanted(io.stderr, total) ? new ProgressBar(io.stderr, total) : undefined;
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
      signal,
      onProgress,
    })) {
      s[outcome.outcome]++;
      reporter.outcome(outcome);
    }
  } catch (err) {
    if (err instanceof BatchStoppedError) {
      s.stopped = 'authentication';
      duplicates = err.progress.duplicates;
      fatal = { message: err.message, code: EXIT.auth, error: err };
    } else if (signal.aborted) {
      const reason = stopReason(signal);
      s.stopped = 'interrupted';
      fatal = { message: `${reason.message}; requests in flight were aborted`, code: reason.exitCode, error: err };
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
  const code = exitCodeFor({ failed: s.failed, invalid: s.invalid, authStopped: s.stopped === 'authentication' });
  if (fatal) {
    printer.error(fatal.message);
    if (o.debug && fatal.error instanceof Error && fatal.error.stack) printer.errLines(fatal.error.stack);
    return Math.max(code, fatal.code);
  }
  return code;
}
