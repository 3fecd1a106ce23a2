// Typed errors, after Huawei SDKs' conventions: a service error carries status, error code,
// message and request id, and splits into client (< 500) and server (>= 500) errors;
// connection failures and timeouts are their own classes. No error ever holds a secret:
// messages are built from responses the transport has already redacted.
//
// The package ships an ESM and a CommonJS build; an application that loads both (directly and
// through a dependency) gets two copies of every class. `instanceof` and the guards below
// therefore recognise errors by brands kept in the global symbol registry, shared by both
// copies, not by class identity (as ky's name-based guards do).

const BRANDS = Symbol.for('modelarts-processor-tasks.error-brands');

type Branded = { readonly [BRANDS]?: readonly string[] };

function hasBrand(value: unknown, brand: string): boolean {
  return typeof value === 'object' && value !== null && ((value as Branded)[BRANDS]?.includes(brand) ?? false);
}

export class ModelArtsError extends Error {
  /** The class's name for the brand check; explicit, because minifiers rename classes. */
  static readonly brand: string = 'ModelArtsError';
  override name = 'ModelArtsError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const brands: string[] = [];
    for (let c = new.target as unknown as { brand?: string } | null; c && c !== (Error as unknown); c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, 'brand')) brands.push(c.brand!);
    }
    Object.defineProperty(this, BRANDS, { value: Object.freeze(brands), enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass without a brand of its own (an application's) is checked the usual way.
    if (!Object.hasOwn(this, 'brand')) return Function.prototype[Symbol.hasInstance].call(this, value);
    return hasBrand(value, this.brand);
  }

  /**
   * What JSON loggers keep: why the call failed, never a secret (messages are redacted). The
   * cause is summarised by its name, code and message, as a fetch failure's cause holds the
   * errno (`ECONNREFUSED`) that says why.
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of ['field', 'status', 'errorCode', 'errorMsg', 'requestId', 'attempts', 'kind', 'timeoutMs', 'location'] as const) {
      const v = (this as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = v;
    }
    const cause = this.cause as { name?: unknown; code?: unknown; message?: unknown; cause?: { code?: unknown } } | undefined;
    if (cause !== undefined && cause !== null) {
      const code = typeof cause.code === 'string' ? cause.code : typeof cause.cause?.code === 'string' ? cause.cause.code : undefined;
      out.cause = {
        ...(typeof cause.name === 'string' ? { name: cause.name } : {}),
        ...(code ? { code } : {}),
        ...(typeof cause.message === 'string' ? { message: cause.message } : {}),
      };
    }
    return out;
  }
}

/** Bad input, caught before anything is sent. `field` names the offending input. */
export class ValidationError extends ModelArtsError {
  static override readonly brand: string = 'ValidationError';
  override name = 'ValidationError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export interface ServiceErrorDetails {
  status: number;
  errorCode: string | undefined;
  errorMsg: string;
  requestId: string | undefined;
  /** How many requests were sent, retries included. */
  attempts: number;
}

/** The service answered with an error status. */
export class ServiceResponseError extends ModelArtsError {
  static override readonly brand: string = 'ServiceResponseError';
  override name = 'ServiceResponseError';
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorMsg: string;
  readonly requestId: string | undefined;
  readonly attempts: number;

  constructor(details: ServiceErrorDetails) {
    const code = details.errorCode ? ` ${details.errorCode}` : '';
    const rid = details.requestId ? ` (request id ${details.requestId})` : '';
    super(`HTTP ${details.status}${code}: ${details.errorMsg}${rid}`);
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMsg = details.errorMsg;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
  }
}

/** 4xx: the request cannot succeed as it is (bad id, missing task, no permission...). */
export class ClientRequestError extends ServiceResponseError {
  static override readonly brand: string = 'ClientRequestError';
  override name = 'ClientRequestError';
}

/** 5xx: the service failed. */
export class ServerResponseError extends ServiceResponseError {
  static override readonly brand: string = 'ServerResponseError';
  override name = 'ServerResponseError';
}

/** The endpoint answered with a redirect. Redirects are never followed: credentials stay with the named host. */
export class RedirectError extends ServiceResponseError {
  static override readonly brand: string = 'RedirectError';
  override name = 'RedirectError';
  constructor(
    details: ServiceErrorDetails,
    readonly location: string | undefined,
  ) {
    super(details);
  }
}

/** The response could not be used (a success body over the size limit, or not JSON). */
export class InvalidResponseError extends ModelArtsError {
  static override readonly brand: string = 'InvalidResponseError';
  override name = 'InvalidResponseError';
  constructor(
    message: string,
    readonly status: number,
    readonly requestId: string | undefined,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/** No HTTP response: refused, reset, DNS failure, TLS failure. */
export class ConnectionError extends ModelArtsError {
  static override readonly brand: string = 'ConnectionError';
  override name = 'ConnectionError';
  constructor(
    message: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An attempt took longer than `timeout`, or the whole call longer than `totalTimeout`. */
export class RequestTimeoutError extends ModelArtsError {
  static override readonly brand: string = 'RequestTimeoutError';
  override name = 'RequestTimeoutError';
  constructor(
    readonly kind: 'attempt' | 'total',
    readonly timeoutMs: number,
    readonly attempts: number,
  ) {
    super(
      kind === 'attempt'
        ? `no complete response within the per-attempt timeout of ${timeoutMs} ms`
        : `the call did not finish within its total timeout of ${timeoutMs} ms`,
    );
  }
}

/** A waiter's condition did not hold within its timeout. */
export class WaitTimeoutError extends ModelArtsError {
  static override readonly brand: string = 'WaitTimeoutError';
  override name = 'WaitTimeoutError';
  constructor(
    readonly waiter: string,
    readonly timeoutMs: number,
    readonly polls: number,
    /** The last state seen, e.g. the task's status. */
    readonly lastState: unknown,
  ) {
    super(`${waiter}: not done within ${timeoutMs} ms (${polls} polls; last state ${JSON.stringify(lastState)})`);
  }
}

/** Every error this library throws. */
export type ProcessorTasksError =
  | ValidationError
  | ClientRequestError
  | ServerResponseError
  | RedirectError
  | InvalidResponseError
  | ConnectionError
  | RequestTimeoutError
  | WaitTimeoutError;

/** The error a missing task produces: 400 `ModelArts.4700` (Huawei's error-code appendix). */
export function isTaskNotFound(err: unknown): err is ClientRequestError {
  return err instanceof ServiceResponseError && err.status === 400 && err.errorCode === 'ModelArts.4700';
}

/**
 * Credentials or permissions refused: 401, or 403 for any reason but a task that is still
 * initializing (`ModelArts.4850`, which concerns one task). Repeating the call with the same
 * credentials will fail the same way for every task.
 */
export function isAuthError(err: unknown): err is ClientRequestError {
  return (
    err instanceof ServiceResponseError &&
    (err.status === 401 || (err.status === 403 && err.errorCode !== 'ModelArts.4850'))
  );
}
