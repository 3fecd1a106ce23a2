// Beneath every call, typed or through the raw openapi-fetch client: one call in, as many
// attempts as the retry policy allows out (openapi-fetch middleware cannot retry, so the loop
// lives here, as its fetch). Each attempt is
// authenticated afresh (a new X-Sdk-Date and signature), bounded by the per-attempt timeout
// and the total deadline, never follows a redirect, and reads the body inside its own
// timeout and up to a size limit, so a slow or endless body cannot hold the call.
import { attemptScope, sleep } from './abort.ts';
import type { Credentials } from './credentials.ts';
import { ConnectionError, InvalidResponseError, ModelArtsError, RequestTimeoutError } from './errors.ts';
import { parseRetryAfter, retryDelay, type RetryPolicy } from './retry.ts';

export type LogEvent =
  | { type: 'request'; method: string; url: string; attempt: number }
  | { type: 'response'; method: string; url: string; attempt: number; status: number; requestId: string | undefined; ms: number }
  | { type: 'retry'; method: string; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'failure'; method: string; url: string; attempt: number; error: string };

/** Receives what the client does. Events carry no header and no secret. */
export type Logger = (event: LogEvent) => void;

export interface TransportConfig {
  fetch: typeof globalThis.fetch;
  credentials: Credentials;
  retry: RetryPolicy;
  /** Per-attempt timeout, ms: headers and body. */
  timeout: number;
  /** Whole call, retries and waits included, ms. */
  totalTimeout: number;
  userAgent: string;
  logger: Logger | undefined;
  /** Largest success body read, bytes. */
  maxBodyBytes: number;
  /** Prefix of an error body read, bytes; the rest is discarded. */
  maxErrorBodyBytes: number;
}

/** One call as the transport sends it, whether built by openapi-fetch or by a typed call. */
export interface OutgoingRequest {
  method: string;
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

/** Per-call state: the caller's signal in, the number of attempts out. */
export interface CallContext {
  signal?: AbortSignal | undefined;
  projectId?: string | undefined;
  attempts: number;
  /**
   * The caller ignores a success body (DELETE answers `{}`): it is read to its end within the
   * attempt's timeout and size limit, and the response is returned as is, its body consumed,
   * saving a second Response per call.
   */
  discardSuccessBody?: boolean;
}

/** What the transport needs of the Request openapi-fetch built. */
export async function outgoing(request: Request): Promise<OutgoingRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  return { method: request.method, url: request.url, headers, body };
}

async function readPrefix(body: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.length > limit) {
      chunks.push(value.subarray(0, limit - size));
      size = limit;
      await reader.cancel();
      return { bytes: Buffer.concat(chunks, size), complete: false };
    }
    chunks.push(value);
    size += value.length;
  }
  return { bytes: Buffer.concat(chunks, size), complete: true };
}

/** The response with its body read into memory, within the attempt's signal. */
async function buffered(res: Response, config: TransportConfig, ctx: CallContext): Promise<Response> {
  const attempts = ctx.attempts;
  if (res.body === null) return res;
  const limit = res.ok ? config.maxBodyBytes : config.maxErrorBodyBytes;
  const declared = Number(res.headers.get('content-length') ?? NaN);
  let bytes: Uint8Array;
  if (declared <= limit) {
    bytes = new Uint8Array(await res.arrayBuffer());
  } else {
    const prefix = await readPrefix(res.body, limit);
    if (!prefix.complete && res.ok) {
      throw new InvalidResponseError(
        `HTTP ${res.status} body is larger than ${limit} bytes; not read`,
        res.status,
        res.headers.get('x-request-id') ?? undefined,
        attempts,
      );
    }
    bytes = prefix.bytes;
  }
  if (res.ok && ctx.discardSuccessBody) return res;
  return new Response(bytes as BodyInit, { status: res.status, statusText: res.statusText, headers: res.headers });
}

function describeFailure(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (err as Error)?.message ?? String(err);
  return cause?.code && cause.message ? `${cause.code}: ${cause.message}` : detail;
}

export function createTransport(config: TransportConfig) {
  const { retry, logger } = config;

  return async function send(request: OutgoingRequest, ctx: CallContext): Promise<Response> {
    const { method, url, body } = request;
    const signal = ctx.signal;
    const baseHeaders: Record<string, string> = { 'user-agent': config.userAgent, ...request.headers };
    // Monotonic: a wall-clock step (NTP, a resumed VM) must not end the call early or never.
    const deadline = performance.now() + config.totalTimeout;
    const retryable = retry.limit > 0 && retry.methods.has(method);

    for (let attempt = 1; ; attempt++) {
      ctx.attempts = attempt;
      if (signal?.aborted) throw signal.reason;
      // Outside the try below: a signing failure is a bug or bad input, never a reason to retry.
      const headers = { ...baseHeaders, ...config.credentials.authHeaders({ method, url, projectId: ctx.projectId, body, contentType: baseHeaders['content-type'] }, new Date()) };
      const scope = attemptScope(signal, config.timeout, deadline);
      const started = performance.now();
      const mayRetry = retryable && attempt <= retry.limit;
      // What this attempt ends with, when no retry follows: a response to return or an error to throw.
      let result: { response: Response } | { failure: ModelArtsError };
      let delay: number | undefined;
      try {
        logger?.({ type: 'request', method, url, attempt });
        const res = await config.fetch(url, { method, headers, body: body as BodyInit | undefined, redirect: 'manual', signal: scope.signal });
        const full = await buffered(res, config, ctx);
        scope.dispose();
        const requestId = full.headers.get('x-request-id') ?? undefined;
        logger?.({ type: 'response', method, url, attempt, status: full.status, requestId, ms: Math.round(performance.now() - started) });
        result = { response: full };
        if (mayRetry && retry.statusCodes.has(full.status)) {
          delay = retryDelay(retry, attempt, parseRetryAfter(full.headers.get('retry-after')));
        }
      } catch (err) {
        scope.dispose();
        const cause = scope.cause();
        if (cause?.kind === 'caller') throw cause.reason;
        let failure: ModelArtsError;
        if (cause?.kind === 'total') failure = new RequestTimeoutError('total', config.totalTimeout, attempt);
        else if (cause?.kind === 'attempt') failure = new RequestTimeoutError('attempt', config.timeout, attempt);
        else if (err instanceof ModelArtsError) throw err;
        else failure = new ConnectionError(`could not complete ${method} ${new URL(url).origin}: ${describeFailure(err)}`, attempt, { cause: err });
        logger?.({ type: 'failure', method, url, attempt, error: failure.message });
        result = { failure };
        const retriedKind =
          failure instanceof ConnectionError ||
          (retry.retryOnTimeout && failure instanceof RequestTimeoutError && failure.kind === 'attempt');
        if (mayRetry && retriedKind) delay = retryDelay(retry, attempt, undefined);
      }
      // No retry when the policy says none, or when the wait would pass the deadline.
      if (delay === undefined || performance.now() + delay >= deadline) {
        if ('failure' in result) throw result.failure;
        return result.response;
      }
      const reason = 'failure' in result ? result.failure.name : `HTTP ${result.response.status}`;
      logger?.({ type: 'retry', method, url, attempt, delayMs: delay, reason });
      await sleep(delay, signal);
    }
  };
}
