// Bulk deletion: many task ids through one client with bounded concurrency. Outcomes stream
// out as they complete; nothing is kept per processed id but the set used to drop duplicates,
// so memory stays flat however many ids flow through. The source is pulled only as fast as
// slots free up (one id at most ahead), so a huge file or stdin is never read ahead.
// The batch stops by itself when going on cannot help: credentials refused (401/403), or
// several failures in a row that are about the service, not about one task (no connection,
// DNS or TLS failure, 5xx), as a dead endpoint would otherwise cost every id its retries.
import { setMaxListeners } from 'node:events';
import { projectOf } from './call.ts';
import { secretsOfClient, type ProcessorTasksClient } from './client.ts';
import {
  ConnectionError,
  InvalidResponseError,
  isAuthError,
  ModelArtsError,
  RedirectError,
  RequestTimeoutError,
  ServerResponseError,
  ServiceResponseError,
  ValidationError,
  type ClientRequestError,
} from './errors.ts';
import { checkProjectId } from './validate.ts';

/** Why one id failed: every error a delete can end with. */
export type BulkFailure = ClientRequestError | ServerResponseError | RedirectError | ConnectionError | RequestTimeoutError | InvalidResponseError;

export type BulkOutcome =
  | { taskId: string; outcome: 'deleted' | 'missing'; status: number; requestId: string | undefined; attempts: number }
  | { taskId: string; outcome: 'failed'; error: BulkFailure; status: number | undefined; errorCode: string | undefined; requestId: string | undefined }
  | { taskId: string; outcome: 'invalid'; error: ValidationError }
  /** Sent, then aborted (Ctrl-C, the signal, the consumer leaving): the task may or may not be deleted. */
  | { taskId: string; outcome: 'unknown' };

export interface BulkProgress {
  deleted: number;
  missing: number;
  failed: number;
  invalid: number;
  /** Sent but aborted before an answer: may or may not be deleted. */
  unknown: number;
  duplicates: number;
  inFlight: number;
}

export interface BulkOptions {
  /** Requests at once. Default 8, at most 256. */
  concurrency?: number;
  ignoreMissing?: boolean;
  /** Stops new requests and aborts those in flight; the iteration then throws the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (progress: Readonly<BulkProgress>) => void;
  /** Project of every id; default the client's. A value given is checked, never replaced. */
  projectId?: string;
  /**
   * Stop after this many failures in a row that are about the service rather than one task
   * (no connection, DNS or TLS failure, timeout, 5xx), each after its own retries. 0 never
   * stops. @defaultValue 5
   */
  stopAfterFailures?: number;
}

/**
 * The batch stopped early: credentials or permissions were refused (`reason: 'auth'`, a 401
 * or a 403 not about one task), or the service failed several times in a row
 * (`reason: 'unavailable'`). The ids in flight finished; no further id was sent.
 */
export class BatchStoppedError extends ModelArtsError {
  static override readonly brand: string = 'BatchStoppedError';
  override name = 'BatchStoppedError';
  constructor(
    readonly reason: 'auth' | 'unavailable',
    override readonly cause: BulkFailure,
    readonly progress: Readonly<BulkProgress>,
    failures = 1,
  ) {
    super(
      reason === 'auth'
        ? `batch stopped: authentication or authorization refused (${cause.message}); no further ids were sent`
        : `batch stopped: ${failures} failures in a row reaching the service (last: ${cause.message}); no further ids were sent`,
    );
  }
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_STOP_AFTER_FAILURES = 5;

/** A failure about the service as a whole: the next id would most likely fail the same way. */
function isSystemic(err: unknown): boolean {
  return err instanceof ConnectionError || err instanceof RequestTimeoutError || err instanceof ServerResponseError;
}

function checkConcurrency(value: unknown): number {
  if (value === undefined) return DEFAULT_CONCURRENCY;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 256) {
    throw new ValidationError('concurrency', `must be an integer from 1 to 256, got ${String(value)}`);
  }
  return value;
}

/**
 * What happens to each id before anything is sent: a repeat is dropped, an invalid id is
 * reported, the rest go on. Shared by the bulk loop and dry runs, which must agree.
 */
export function idScreen(validate: (taskId: string) => void): (taskId: string) => 'duplicate' | ValidationError | 'ok' {
  const seen = new Set<string>();
  return (taskId) => {
    if (seen.has(taskId)) return 'duplicate';
    seen.add(taskId);
    try {
      validate(taskId);
      return 'ok';
    } catch (err) {
      if (err instanceof ValidationError) return err;
      throw err;
    }
  };
}

/**
 * Deletes every id, yielding one outcome per distinct id in completion order. After a 401 or
 * a 403 that is not about one task, no further id is sent: the ids in flight finish, their
 * outcomes are yielded, and the iteration throws BatchStoppedError.
 */
export async function* deleteProcessorTasks(
  client: ProcessorTasksClient,
  taskIds: Iterable<string> | AsyncIterable<string>,
  options: BulkOptions = {},
): AsyncGenerator<BulkOutcome, void, undefined> {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'must be an object');
  const concurrency = checkConcurrency(options.concurrency);
  const stopAfter = options.stopAfterFailures ?? DEFAULT_STOP_AFTER_FAILURES;
  if (!Number.isInteger(stopAfter) || stopAfter < 0) throw new ValidationError('stopAfterFailures', 'must be an integer >= 0');
  // Read once and checked before the loop: a bad project is one error, not one failure per
  // id, and a project given (even "" or 0) is never replaced by the client's.
  const givenProject: unknown = options.projectId;
  const projectId =
    givenProject !== undefined
      ? checkProjectId(givenProject, { secrets: secretsOfClient(client) })
      : (projectOf(undefined, client.projectId) as string);
  const { signal: callerSignal, onProgress, ignoreMissing = false } = options;
  // Our own controller, so that a consumer leaving the loop early also aborts what is in flight.
  const controller = new AbortController();
  const signal = controller.signal;
  // Every call in flight listens to this one signal.
  setMaxListeners(concurrency + 16, signal);
  const onCallerAbort = () => controller.abort(callerSignal!.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const source: AsyncIterator<string> | Iterator<string> =
    Symbol.asyncIterator in taskIds ? taskIds[Symbol.asyncIterator]() : taskIds[Symbol.iterator]();
  const screen = idScreen((taskId) => client.validate('deleteProcessorTask', { taskId, projectId }));
  const progress: BulkProgress = { deleted: 0, missing: 0, failed: 0, invalid: 0, unknown: 0, duplicates: 0, inFlight: 0 };

  // No Promise.race over the calls in flight: each race leaves a reaction on every pending call,
  // so one slow call would keep every outcome yielded meanwhile alive. Calls and the source
  // instead record what they produced and wake the loop.
  const running = new Map<number, Promise<void>>();
  // Outcomes of finished calls not yet yielded. A slot is held until its outcome is yielded,
  // so a slow consumer holds back the source as much as a slow service does.
  const finished: BulkOutcome[] = [];
  let nextCall = 0;
  // At most one read of the source at a time. It runs beside the calls, so outcomes are
  // yielded while a slow source (an idle stdin) is waited for, and an abort need not wait for it.
  let pulling = false;
  let pulled: IteratorResult<string> | undefined;
  let pullFailure: { error: unknown } | undefined;
  let bug: { error: unknown } | undefined;
  let exhausted = false;
  let stoppedBy: BatchStoppedError | undefined;
  let inARow = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  signal.addEventListener('abort', notify);

  const start = (taskId: string): void => {
    const id = nextCall++;
    const call = (async () => {
      let outcome: BulkOutcome;
      try {
        const r = await client.deleteProcessorTask({ taskId, projectId }, { signal, ignoreMissing });
        outcome = { taskId, outcome: r.missing ? 'missing' : 'deleted', status: r.status, requestId: r.requestId, attempts: r.attempts };
      } catch (err) {
        if (signal.aborted && err === signal.reason) {
          // Sent and aborted: nobody knows whether the service deleted it.
          outcome = { taskId, outcome: 'unknown' };
        } else if (err instanceof ModelArtsError && !(err instanceof ValidationError)) {
          const error = err as BulkFailure;
          const service = err instanceof ServiceResponseError ? err : undefined;
          outcome = { taskId, outcome: 'failed', error, status: service?.status, errorCode: service?.errorCode, requestId: service?.requestId };
        } else {
          // Not an answer about this task (a bug, a broken fetch): the batch cannot go on blind.
          bug ??= { error: err };
          outcome = { taskId, outcome: 'unknown' };
        }
      }
      running.delete(id);
      finished.push(outcome);
      notify();
    })();
    running.set(id, call);
  };

  const pull = (): void => {
    pulling = true;
    let next: Promise<IteratorResult<string>>;
    try {
      next = Promise.resolve(source.next());
    } catch (error) {
      next = Promise.reject(error);
    }
    next
      .then(
        (result) => {
          pulled = result;
        },
        (error: unknown) => {
          pullFailure = { error };
        },
      )
      .finally(() => {
        pulling = false;
        notify();
      });
  };

  const report = () => onProgress?.({ ...progress, inFlight: running.size });
  const count = (o: BulkOutcome) => {
    progress[o.outcome]++;
    report();
  };

  try {
    for (;;) {
      if (pullFailure) throw pullFailure.error;
      const stopping = stoppedBy !== undefined || signal.aborted || bug !== undefined;
      if (pulled) {
        const next = pulled;
        pulled = undefined;
        if (next.done) {
          exhausted = true;
        } else if (!stopping) {
          const taskId = next.value;
          // Validated before a slot is taken: an invalid id costs no request and no wait.
          const verdict = screen(taskId);
          if (verdict === 'duplicate') {
            progress.duplicates++;
            // Reported like any other count, or a duplicate after the last outcome is never seen.
            report();
          } else if (verdict instanceof ValidationError) {
            const outcome: BulkOutcome = { taskId, outcome: 'invalid', error: verdict };
            count(outcome);
            yield outcome;
          } else {
            start(taskId);
          }
        }
        continue;
      }
      const outcome = finished.shift();
      if (outcome) {
        if (outcome.outcome === 'failed') {
          inARow = isSystemic(outcome.error) ? inARow + 1 : 0;
          if (!stoppedBy && isAuthError(outcome.error)) stoppedBy = new BatchStoppedError('auth', outcome.error, progress);
          else if (!stoppedBy && stopAfter > 0 && inARow >= stopAfter) stoppedBy = new BatchStoppedError('unavailable', outcome.error, progress, inARow);
        } else if (outcome.outcome !== 'unknown') {
          inARow = 0;
        }
        count(outcome);
        yield outcome;
        continue;
      }
      if (!stopping && !exhausted && !pulling && running.size + finished.length < concurrency) {
        pull();
        continue;
      }
      // Once stopping, a read still pending is abandoned: its id would not be sent anyway.
      if (running.size === 0 && (stopping || (exhausted && !pulling))) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    callerSignal?.removeEventListener('abort', onCallerAbort);
    signal.removeEventListener('abort', notify);
    if (running.size > 0) {
      controller.abort(new Error('bulk deletion stopped by its consumer'));
      await Promise.allSettled(running.values());
    }
    // Close the source so that files and streams are released. With a read still pending, an
    // async generator would queue return() behind it, so it is not waited for then.
    if (!exhausted) {
      const closing = (async () => {
        await source.return?.();
      })();
      if (pulling) closing.catch(() => {});
      else await closing;
    }
  }
  if (bug) throw bug.error;
  if (signal.aborted) throw signal.reason;
  if (stoppedBy) throw new BatchStoppedError(stoppedBy.reason, stoppedBy.cause, { ...progress, inFlight: 0 }, inARow);
}
