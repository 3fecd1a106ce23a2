// Bulk deletion: many task ids through one client with bounded concurrency. Outcomes stream
// out as they complete; nothing is kept per processed id but the set used to drop duplicates,
// so memory stays flat however many ids flow through. The source is pulled only as fast as
// slots free up (one id at most ahead), so a huge file or stdin is never read ahead.
import { setMaxListeners } from 'node:events';
import { isAuthError, ModelArtsError, ServiceResponseError, ValidationError } from './errors.ts';
import type { ProcessorTasksClient } from './client.ts';
import { validateTaskId } from './validate.ts';

export type BulkOutcome =
  | { taskId: string; outcome: 'deleted' | 'missing'; status: number; requestId: string | undefined; attempts: number }
  | { taskId: string; outcome: 'failed'; error: Error; status: number | undefined; errorCode: string | undefined; requestId: string | undefined }
  | { taskId: string; outcome: 'invalid'; error: ValidationError };

export interface BulkProgress {
  deleted: number;
  missing: number;
  failed: number;
  invalid: number;
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
  /** Project of every id; default the client's. */
  projectId?: string;
}

/** The batch stopped early because credentials or permissions were refused (401/403). */
export class BatchStoppedError extends ModelArtsError {
  override name = 'BatchStoppedError';
  constructor(
    override readonly cause: ServiceResponseError,
    readonly progress: Readonly<BulkProgress>,
  ) {
    super(`batch stopped: authentication or authorization refused (${cause.message}); no further ids were sent`);
  }
}

export const DEFAULT_CONCURRENCY = 8;

function checkConcurrency(value: unknown): number {
  if (value === undefined) return DEFAULT_CONCURRENCY;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 256) {
    throw new ValidationError('concurrency', `must be an integer from 1 to 256, got ${String(value)}`);
  }
  return value;
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
  const concurrency = checkConcurrency(options.concurrency);
  const { signal: callerSignal, onProgress, ignoreMissing = false } = options;
  // Our own controller, so that a consumer leaving the loop early also aborts what is in flight.
  const controller = new AbortController();
  const signal = controller.signal;
  // Every call in flight listens to this one signal.
  setMaxListeners(concurrency + 16, signal);
  const onCallerAbort = () => controller.abort(callerSignal!.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const projectId = options.projectId ?? client.projectId;
  const source: AsyncIterator<string> | Iterator<string> =
    Symbol.asyncIterator in taskIds ? taskIds[Symbol.asyncIterator]() : taskIds[Symbol.iterator]();
  const seen = new Set<string>();
  const progress: BulkProgress = { deleted: 0, missing: 0, failed: 0, invalid: 0, duplicates: 0, inFlight: 0 };

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
  let exhausted = false;
  let stoppedBy: ServiceResponseError | undefined;
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
        const r = await client.deleteProcessorTask({ taskId, ...(projectId ? { projectId } : {}) }, { signal, ignoreMissing });
        outcome = { taskId, outcome: r.outcome, status: r.status, requestId: r.requestId, attempts: r.attempts };
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        const service = err instanceof ServiceResponseError ? err : undefined;
        outcome = { taskId, outcome: 'failed', error, status: service?.status, errorCode: service?.errorCode, requestId: service?.requestId };
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
      const stopping = stoppedBy !== undefined || signal.aborted;
      if (pulled) {
        const next = pulled;
        pulled = undefined;
        if (next.done) {
          exhausted = true;
        } else if (!stopping) {
          const taskId = next.value;
          if (seen.has(taskId)) {
            progress.duplicates++;
            // Reported like any other count, or a duplicate after the last outcome is never seen.
            report();
          } else {
            seen.add(taskId);
            // Validated before a slot is taken: an invalid id costs no request and no wait.
            let invalid: ValidationError | undefined;
            try {
              validateTaskId(taskId);
            } catch (error) {
              invalid = error as ValidationError;
            }
            if (invalid) {
              const outcome: BulkOutcome = { taskId, outcome: 'invalid', error: invalid };
              count(outcome);
              yield outcome;
            } else {
              start(taskId);
            }
          }
        }
        continue;
      }
      const outcome = finished.shift();
      if (outcome) {
        if (outcome.outcome === 'failed' && !stoppedBy && isAuthError(outcome.error)) stoppedBy = outcome.error;
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
  if (signal.aborted) throw signal.reason;
  if (stoppedBy) throw new BatchStoppedError(stoppedBy, { ...progress, inFlight: 0 });
}
