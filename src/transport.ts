// Beneath every call, typed or through the raw openapi-fetch client: one call in, as many
// attempts as the retry policy allows out (openapi-fetch middleware cannot retry, so the loop
// lives here). Each attempt is authenticated afresh (a new X-Sdk-Date and signature), bounded
// by the per-attempt timeout and the total deadline, never follows a redirect, and reads the
// body inside its own timeout and up to a size limit, so a slow or endless body cannot hold
// the call. What comes back is redacted of every secret the call sent, before anyone sees it.
import { attemptScope, sleep } from './abort.ts';
import type { Credentials } from './credentials.ts';
import { ConnectionError, InvalidResponseError, ModelArtsError, RequestTimeoutError } from './errors.ts';
import type { CallSecrets } from './redaction.ts';
import { mayRetryFailure, mayRetryStatus, parseRetryAfter, retryDelay, type RetryPolicy } from './retry.ts';

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

/** One call as the transport sends it, whether built by the typed core or by openapi-fetch. */
export interface OutgoingRequest {
  method: string;
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

/** The final response, its body read and redacted. */
export interface Received {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
}

/** Per-call state: the caller's signal and the call's secrets in, the number of attempts out. */
export interface CallContext {
  signal?: AbortSignal | undefined;
  projectId?: string | undefined;
  attempts: number;
  secrets: CallSecrets;
}

const EMPTY = new Uint8Array(0);

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

/** The body, read within the attempt's signal and up to its limit; `cut` when an error body was longer. */
async function readBody(res: Response, config: TransportConfig, attempts: number): Promise<{ bytes: Uint8Array; cut: boolean }> {
  if (res.body === null) return { bytes: EMPTY, cut: false };
  const limit = res.ok ? config.maxBodyBytes : config.maxErrorBodyBytes;
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared <= limit) return { bytes: new Uint8Array(await res.arrayBuffer()), cut: false };
  const prefix = await readPrefix(res.body, limit);
  if (!prefix.complete && res.ok) {
    throw new InvalidResponseError(
      `HTTP ${res.status} body is larger than ${limit} bytes (maxResponseBytes); not read`,
      res.status,
      res.headers.get('x-request-id') ?? undefined,
      attempts,
    );
  }
  return { bytes: prefix.bytes, cut: !prefix.complete };
}

function describeFailure(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (err as Error)?.message ?? String(err);
  return cause?.code && cause.message ? `${cause.code}: ${cause.message}` : detail;
}

export type Send = (request: OutgoingRequest, ctx: CallContext) => Promise<Received>;

export function createTransport(config: TransportConfig): Send {
  const { retry, logger } = config;

  return async function send(request: OutgoingRequest, ctx: CallContext): Promise<Received> {
    const { method, url, body } = request;
    const { signal, secrets } = ctx;
    // What the logger is told: a caller may have put a credential in the path or query
    // (worked out only when there is a logger: this is every call's path).
    const logUrl = logger ? secrets.redact(url) : url;
    const baseHeaders: Record<string, string> = { 'user-agent': config.userAgent, ...request.headers };
    // Monotonic: a wall-clock step (NTP, a resumed VM) must not end the call early or never.
    const deadline = performance.now() + config.totalTimeout;

    for (let attempt = 1; ; attempt++) {
      ctx.attempts = attempt;
      if (signal?.aborted) throw signal.reason;
      // Outside the try below: a signing failure is a bug or bad input, never a reason to retry.
      const auth = config.credentials.authHeaders(
        { method, url, projectId: ctx.projectId, body, contentType: baseHeaders['content-type'] },
        new Date(),
      );
      secrets.addCredentialHeaders(auth);
      const headers = { ...baseHeaders, ...auth };
      const scope = attemptScope(signal, config.timeout, deadline);
      const started = performance.now();
      const retriesLeft = attempt <= retry.limit;
      // What this attempt ends with, when no retry follows: a response to return or an error to throw.
      let result: { received: Received } | { failure: ModelArtsError };
      let delay: number | undefined;
      try {
        logger?.({ type: 'request', method, url: logUrl, attempt });
        const res = await config.fetch(url, { method, headers, body: body as BodyInit | undefined, redirect: 'manual', signal: scope.signal });
        const { bytes, cut } = await readBody(res, config, attempt);
        scope.dispose();
        const received: Received = {
          status: res.status,
          statusText: secrets.redact(res.statusText),
          headers: secrets.redactHeaders(res.headers),
          // A body cut at the limit may end inside a secret: that start is redacted too.
          body: secrets.redactBytes(bytes, cut),
        };
        const requestId = received.headers.get('x-request-id') ?? undefined;
        logger?.({ type: 'response', method, url: logUrl, attempt, status: received.status, requestId, ms: Math.round(performance.now() - started) });
        result = { received };
        if (retriesLeft && mayRetryStatus(retry, method, received.status)) {
          delay = retryDelay(retry, attempt, parseRetryAfter(received.headers.get('retry-after')));
        }
      } catch (thrown) {
        scope.dispose();
        const cause = scope.cause();
        if (cause?.kind === 'caller') throw cause.reason;
        const err = secrets.scrub(thrown);
        let failure: ModelArtsError;
        if (cause?.kind === 'total') failure = new RequestTimeoutError('total', config.totalTimeout, attempt);
        else if (cause?.kind === 'attempt') failure = new RequestTimeoutError('attempt', config.timeout, attempt);
        else if (err instanceof ModelArtsError) throw err;
        else {
          const message = secrets.redact(`could not complete ${method} ${new URL(url).origin}: ${describeFailure(err)}`);
          failure = new ConnectionError(message, attempt, { cause: err });
        }
        logger?.({ type: 'failure', method, url: logUrl, attempt, error: failure.message });
        result = { failure };
        if (retriesLeft && mayRetryFailure(retry, method, failure)) delay = retryDelay(retry, attempt, undefined);
      }
      // No retry when the policy says none, or when the wait would pass the deadline.
      if (delay === undefined || performance.now() + delay >= deadline) {
        if ('failure' in result) throw result.failure;
        return result.received;
      }
      const reason = 'failure' in result ? result.failure.name : `HTTP ${result.received.status}`;
      logger?.({ type: 'retry', method, url: logUrl, attempt, delayMs: delay, reason });
      await sleep(delay, signal);
    }
  };
}
