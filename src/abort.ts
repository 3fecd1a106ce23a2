// Cancellation plumbing shared by the transport: one AbortController per attempt, fed by the
// caller's signal, the total deadline and the per-attempt timer, with every listener and
// timer removed when the attempt ends so nothing outlives the call.

export type AbortCause = { kind: 'caller'; reason: unknown } | { kind: 'attempt' } | { kind: 'total' };

export interface AttemptScope {
  readonly signal: AbortSignal;
  /** Why the attempt was aborted, once it was. */
  cause(): AbortCause | undefined;
  dispose(): void;
}

/** `deadline` is a performance.now() time. */
export function attemptScope(caller: AbortSignal | undefined, attemptMs: number, deadline: number): AttemptScope {
  const controller = new AbortController();
  let cause: AbortCause | undefined;
  const abort = (c: AbortCause) => {
    if (cause) return;
    cause = c;
    controller.abort(c.kind === 'caller' ? c.reason : new Error(`${c.kind} timeout`));
  };
  const onCaller = () => abort({ kind: 'caller', reason: caller!.reason });
  const remaining = deadline - performance.now();
  const byDeadline = remaining <= attemptMs;
  const timer = setTimeout(() => abort({ kind: byDeadline ? 'total' : 'attempt' }), Math.max(0, Math.min(attemptMs, remaining)));
  if (caller) {
    if (caller.aborted) onCaller();
    else caller.addEventListener('abort', onCaller, { once: true });
  }
  return {
    signal: controller.signal,
    cause: () => cause,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCaller);
    },
  };
}

/** Waits `ms`, or rejects with the caller's reason as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
