// The retry policy, readable in one line of options:
//   retry: { limit: 2, methods: ['DELETE', 'GET', 'PUT'], statusCodes: [429, 500, 502, 503, 504], backoffLimit: 20_000 }
// Idempotent methods are retried on the statuses above and on connection errors, with
// full-jitter exponential backoff. Any other method (POST creates a task or stops a version)
// is retried only when the request provably never left: the connection was refused or the
// host name did not resolve. After a response, or a failure once it may have been sent, a
// retried POST could create a second task. Retry-After (seconds or HTTP date) is honoured
// when it is within backoffLimit; beyond it the call fails at once rather than retrying early
// into another 429.
import { ConnectionError, RequestTimeoutError, type ModelArtsError, ValidationError } from './errors.ts';

export interface RetryOptions {
  /** Retries after the first attempt. Default 2 (3 attempts in all). 0 disables retries. */
  limit?: number;
  /**
   * Methods retried on the statuses below and on any connection error. Default the idempotent
   * ones: DELETE, GET, HEAD, OPTIONS, PUT. Other methods (POST) are retried only when the
   * request was never sent (connection refused, host not found).
   */
  methods?: readonly string[];
  /** Statuses that are retried. Default 429, 500, 502, 503, 504. */
  statusCodes?: readonly number[];
  /** First backoff ceiling in ms; doubles each retry. Default 100. */
  backoffBase?: number;
  /** Cap on any one wait, backoff or Retry-After, in ms. Default 20,000. */
  backoffLimit?: number;
  /** Retry an attempt that hit the per-attempt timeout. Default false (as in ky). */
  retryOnTimeout?: boolean;
}

export interface RetryPolicy {
  readonly limit: number;
  readonly methods: ReadonlySet<string>;
  readonly statusCodes: ReadonlySet<number>;
  readonly backoffBase: number;
  readonly backoffLimit: number;
  readonly retryOnTimeout: boolean;
}

export const DEFAULT_RETRY = {
  limit: 2,
  methods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT'],
  statusCodes: [429, 500, 502, 503, 504],
  backoffBase: 100,
  backoffLimit: 20_000,
  retryOnTimeout: false,
} as const satisfies Required<RetryOptions>;

/** Refuses what is not a retry option, naming the field, before any default is applied. */
function checkRetryOption(value: unknown): RetryOptions | number | false | undefined {
  if (value === undefined || value === false || typeof value === 'number') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('retry', 'must be false, a retry limit, or { limit, methods, statusCodes, backoffBase, backoffLimit, retryOnTimeout }');
  }
  const o = value as Record<string, unknown>;
  const listOf = (field: 'methods' | 'statusCodes', ok: (v: unknown) => boolean) => {
    const v = o[field];
    if (v !== undefined && !(Array.isArray(v) && v.every(ok))) {
      throw new ValidationError(`retry.${field}`, field === 'methods' ? 'must be an array of method names' : 'must be an array of HTTP statuses');
    }
  };
  listOf('methods', (m) => typeof m === 'string' && /^[A-Za-z]+$/.test(m));
  listOf('statusCodes', (c) => Number.isInteger(c) && (c as number) >= 100 && (c as number) <= 599);
  if (o.retryOnTimeout !== undefined && typeof o.retryOnTimeout !== 'boolean') {
    throw new ValidationError('retry.retryOnTimeout', 'must be a boolean');
  }
  return value as RetryOptions;
}

/** `retry` accepts the options, a number (the limit) or false (no retries). */
export function retryPolicy(option: unknown): RetryPolicy {
  const input = checkRetryOption(option);
  const o: RetryOptions = input === false ? { limit: 0 } : typeof input === 'number' ? { limit: input } : (input ?? {});
  const limit = o.limit ?? DEFAULT_RETRY.limit;
  if (!Number.isInteger(limit) || limit < 0 || limit > 100) {
    throw new ValidationError('retry.limit', `must be an integer from 0 to 100, got ${String(limit)}`);
  }
  const backoffBase = o.backoffBase ?? DEFAULT_RETRY.backoffBase;
  const backoffLimit = o.backoffLimit ?? DEFAULT_RETRY.backoffLimit;
  for (const [field, v] of [['retry.backoffBase', backoffBase], ['retry.backoffLimit', backoffLimit]] as const) {
    if (!Number.isFinite(v) || v < 0) throw new ValidationError(field, `must be a number of ms >= 0, got ${String(v)}`);
  }
  return {
    limit,
    methods: new Set((o.methods ?? DEFAULT_RETRY.methods).map((m) => m.toUpperCase())),
    statusCodes: new Set(o.statusCodes ?? DEFAULT_RETRY.statusCodes),
    backoffBase,
    backoffLimit,
    retryOnTimeout: o.retryOnTimeout ?? DEFAULT_RETRY.retryOnTimeout,
  };
}

// The three HTTP-date forms (RFC 9110 section 5.6.7). Only these are read as dates: Date.parse
// alone takes "1.5" or "-1" for days in 2001, which turned garbage into "retry now".
const IMF_FIXDATE = /^[a-z]{3},\s+\d{2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT$/i;
const RFC850_DATE = /^[a-z]{6,9},\s+\d{2}-[a-z]{3}-\d{2}\s+\d{2}:\d{2}:\d{2}\s+GMT$/i;
// asctime carries no zone and Date.parse would read it as local time; HTTP means GMT.
const ASCTIME_DATE = /^[a-z]{3}\s+[a-z]{3}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}$/i;

/** Retry-After in ms: delay-seconds (RFC 9110 section 10.2.3) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  let date = NaN;
  if (IMF_FIXDATE.test(text) || RFC850_DATE.test(text)) date = Date.parse(text);
  else if (ASCTIME_DATE.test(text)) date = Date.parse(`${text} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (1-based), or undefined when the server asks
 * for longer than the policy allows. Full jitter: uniform in [0, min(cap, base * 2^(retry-1))].
 */
export function retryDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.backoffLimit ? retryAfterMs : undefined;
  const ceiling = Math.min(policy.backoffLimit, policy.backoffBase * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

// Errors raised before a single byte of the request is written.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function failureCode(err: unknown): string | undefined {
  // fetch wraps the socket error: TypeError('fetch failed') with the errno on its cause, or on
  // each error of an AggregateError when several addresses were tried.
  for (let e = err as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code;
    if (Array.isArray(e.errors) && e.errors.length > 0) {
      const codes = e.errors.map((x) => failureCode(x));
      return codes.every((c) => c === codes[0]) ? codes[0] : undefined;
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

/** Whether a failure proves the request was never sent, so that even a POST may be repeated. */
export function wasNotSent(err: ModelArtsError): boolean {
  const code = failureCode(err.cause);
  return err instanceof ConnectionError && code !== undefined && NOT_SENT.has(code);
}

/** May an answer with this status be retried? Only for the idempotent methods of the policy. */
export function mayRetryStatus(policy: RetryPolicy, method: string, status: number): boolean {
  return policy.methods.has(method) && policy.statusCodes.has(status);
}

/** May this failure (no response) be retried? */
export function mayRetryFailure(policy: RetryPolicy, method: string, failure: ModelArtsError): boolean {
  if (!policy.methods.has(method)) return wasNotSent(failure);
  if (failure instanceof ConnectionError) return true;
  return policy.retryOnTimeout && failure instanceof RequestTimeoutError && failure.kind === 'attempt';
}
