// Waiters: poll an operation until a condition holds, as AWS SDK waiters do. The first poll
// is immediate; the delays then grow exponentially from `minDelay` to `maxDelay`, each drawn
// at random between `minDelay` and its ceiling so that many waiters do not poll in step. The
// whole wait is bounded by `timeout` (a monotonic deadline, which also bounds each poll), and
// the caller's signal stops it at once.
import { sleep } from './abort.ts';
import { ValidationError, WaitTimeoutError } from './errors.ts';
import { validateDuration } from './validate.ts';

export interface WaitOptions {
  /** Give up after this many ms with a WaitTimeoutError. Default 300,000 (5 minutes). */
  timeout?: number;
  /** Stops the wait; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Shortest delay between polls, ms. Default 2,000. */
  minDelay?: number;
  /** Longest delay between polls, ms. Default 30,000. */
  maxDelay?: number;
}

export const DEFAULT_WAIT = { timeout: 300_000, minDelay: 2_000, maxDelay: 30_000 } as const;

export interface Poll<T> {
  done: boolean;
  value: T;
  /** What the last poll saw, for the timeout's message (e.g. a task's status). */
  state: unknown;
}

export async function waitFor<T>(
  name: string,
  poll: (signal: AbortSignal) => Promise<Poll<T>>,
  options: WaitOptions = {},
  random: () => number = Math.random,
): Promise<T> {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'must be an object');
  const timeout = validateDuration('options.timeout', options.timeout, DEFAULT_WAIT.timeout);
  const minDelay = validateDuration('options.minDelay', options.minDelay, DEFAULT_WAIT.minDelay);
  const maxDelay = validateDuration('options.maxDelay', options.maxDelay, DEFAULT_WAIT.maxDelay);
  if (maxDelay < minDelay) throw new ValidationError('options.maxDelay', `must be at least minDelay (${minDelay} ms)`);
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new ValidationError('options.signal', 'must be an AbortSignal');
  const deadline = performance.now() + timeout;
  let lastState: unknown;
  for (let polls = 1; ; polls++) {
    if (signal?.aborted) throw signal.reason;
    const remaining = deadline - performance.now();
    if (remaining <= 0) throw new WaitTimeoutError(name, timeout, polls - 1, lastState);
    const byDeadline = AbortSignal.timeout(Math.ceil(remaining));
    const pollSignal = signal ? AbortSignal.any([signal, byDeadline]) : byDeadline;
    let result: Poll<T>;
    try {
      result = await poll(pollSignal);
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (byDeadline.aborted) throw new WaitTimeoutError(name, timeout, polls, lastState);
      throw err;
    }
    if (result.done) return result.value;
    lastState = result.state;
    const ceiling = Math.min(maxDelay, minDelay * 2 ** (polls - 1));
    const delay = minDelay + random() * (ceiling - minDelay);
    const left = deadline - performance.now();
    if (left <= 0) throw new WaitTimeoutError(name, timeout, polls, lastState);
    await sleep(Math.min(delay, left), signal);
  }
}
