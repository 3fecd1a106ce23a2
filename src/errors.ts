// Typed errors, after Huawei SDKs' conventions: a service error carries status, error code,
// message and request id, and splits into client (< 500) and server (>= 500) errors;
// connection failures and timeouts are their own classes. No error ever holds a secret:
// messages are built from the response and redacted of every credential the client knows.

export class ModelArtsError extends Error {
  override name = 'ModelArtsError';
}

/** Bad input, caught before anything is sent. `field` names the offending option. */
export class ValidationError extends ModelArtsError {
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
  override name = 'ClientRequestError';
}

/** 5xx: the service failed. */
export class ServerResponseError extends ServiceResponseError {
  override name = 'ServerResponseError';
}

/** The endpoint answered with a redirect. Redirects are never followed: credentials stay with the named host. */
export class RedirectError extends ServiceResponseError {
  override name = 'RedirectError';
  constructor(
    details: ServiceErrorDetails,
    readonly location: string | undefined,
  ) {
    super(details);
  }
}

/** The response could not be used (for example a success body over the size limit). */
export class InvalidResponseError extends ModelArtsError {
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
