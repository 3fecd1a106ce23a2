// The generic core behind every typed method: one function calls any operation of the spec by
// its operationId. It defaults the project, checks every input against the spec's rules
// (src/validate.ts), fills the path and query and encodes the body (src/serialize.ts), hands
// the request to the transport (attempts, signing, timeouts, retries, redaction), maps an
// error answer to its typed error (src/error-mapping.ts), accepts the "not found" codes the
// caller chose to ignore, and decodes the success body. Nothing here knows any operation:
// adding one to the spec adds an entry to the table it reads.
import type { OperationId } from '../generated/client.ts';
import { toServiceError } from './error-mapping.ts';
import { InvalidResponseError, ValidationError } from './errors.ts';
import { CallSecrets, redact } from './redaction.ts';
import { fillPath, jsonBody, queryString } from './serialize.ts';
import type { Received, Send } from './transport.ts';
import { checkInput, OPERATIONS, ownFields, PARAMETERS, type CheckContext, type CheckedInput, type OperationRule } from './validate.ts';

export interface CallOptions {
  /** Aborts the call (and its retries); it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface MissingCallOptions extends CallOptions {
  /**
   * Resolve with `{ missing: true }` instead of rejecting when the resource does not exist
   * (the operation's documented "not found" codes, e.g. 400 `ModelArts.4700`).
   */
  ignoreMissing?: boolean;
}

/** A successful call. */
export interface ApiResult<T> {
  /** The decoded success body, typed from the spec; `undefined` for a response without content (204). */
  data: T;
  status: number;
  /** X-Request-Id of the final response, for support cases. */
  requestId: string | undefined;
  /** Requests sent, retries included. */
  attempts: number;
  missing: false;
}

/** What a call with `ignoreMissing: true` resolves with when the resource does not exist. */
export interface MissingResult {
  data: undefined;
  missing: true;
  status: number;
  /** The "not found" code the service answered, e.g. `ModelArts.4700`. */
  errorCode: string;
  requestId: string | undefined;
  attempts: number;
}

/** The result type of a call with options `O`: `MissingResult` is possible only when `ignoreMissing` may be true. */
export type WithMissing<T, O> = 'ignoreMissing' extends keyof O
  ? [O['ignoreMissing' & keyof O]] extends [false | undefined]
    ? ApiResult<T>
    : ApiResult<T> | MissingResult
  : ApiResult<T>;

export interface CoreConfig {
  /** Origin and base path, without a trailing slash. */
  endpoint: string;
  projectId: string | undefined;
  send: Send;
  /** The credentials' secrets, for redaction and for never quoting one in a ValidationError. */
  secrets: readonly string[];
}

const PROJECT = 'project_id';

function ruleOf(id: unknown, secrets: readonly string[]): OperationRule {
  if (typeof id !== 'string' || !Object.hasOwn(OPERATIONS, id)) {
    throw new ValidationError('operationId', `not an operation of the spec: ${typeof id === 'string' ? JSON.stringify(redact(id, secrets)) : typeof id}`);
  }
  return OPERATIONS[id as OperationId];
}

function checkOptions(options: unknown, op: OperationRule, id: string): MissingCallOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'must be an object { signal?, ignoreMissing? }');
  const { signal, ignoreMissing } = options as MissingCallOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new ValidationError('options.signal', 'must be an AbortSignal');
  if (ignoreMissing !== undefined && typeof ignoreMissing !== 'boolean') throw new ValidationError('options.ignoreMissing', 'must be a boolean');
  if (ignoreMissing && op.missing.length === 0) {
    throw new ValidationError('options.ignoreMissing', `${id} documents no "not found" answer to ignore`);
  }
  return { signal, ignoreMissing };
}

/** The project a call names: the one given (checked, never replaced), else the client's. */
export function projectOf(given: unknown, fallback: string | undefined): unknown {
  if (given !== undefined) return given;
  if (fallback === undefined) {
    throw new ValidationError('projectId', 'none given: pass projectId, set it on the client, or set HUAWEICLOUD_SDK_PROJECT_ID');
  }
  return fallback;
}

/**
 * Reads the typed input once: every own field into a map (a getter runs once), refusing
 * fields the operation does not have, so a typo is an error rather than a silently dropped value.
 */
function readTyped(input: unknown, op: OperationRule, id: string, secrets: readonly string[]): Record<string, unknown> {
  if (input === undefined) return {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError('input', `must be an object of ${id}'s parameters`);
  }
  const values = ownFields(input);
  const known = new Set<string>(op.params.map((k) => PARAMETERS[k]!.field));
  if (op.body) known.add('body');
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      // The field is named by the caller's key, which must not be quoted if it is a credential.
      throw new ValidationError(redact(key, secrets), `is not an input of ${id}${known.size > 0 ? ` (its inputs: ${[...known].join(', ')})` : ''}`);
    }
  }
  return values;
}

/**
 * The caller's input read once, own field by own field, for work that sends several requests
 * from one input (pages, polls): a getter or Proxy must not name another resource on a later
 * request than on the first. Anything but an object is returned as it is, for the call to refuse.
 */
export function snapshotOf(input: unknown): unknown {
  return typeof input !== 'object' || input === null || Array.isArray(input) ? input : ownFields(input);
}

/** The typed input of operation `id`, checked: what `call` sends, and what bulk checks ahead. */
export function checkTypedInput(id: OperationId, input: unknown, config: Pick<CoreConfig, 'projectId' | 'secrets'>): CheckedInput {
  return checkTyped(ruleOf(id, config.secrets), id, input, config);
}

function checkTyped(op: OperationRule, id: string, input: unknown, config: Pick<CoreConfig, 'projectId' | 'secrets'>): CheckedInput {
  const values = readTyped(input, op, id, config.secrets);
  const ctx: CheckContext = { secrets: config.secrets };
  return checkInput(
    op,
    (p) => (p.in === 'path' && p.name === PROJECT ? projectOf(values[p.field], config.projectId) : values[p.field]),
    { given: Object.hasOwn(values, 'body'), value: values.body },
    'typed',
    ctx,
  );
}

/** Bytes as UTF-8 text. */
const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

function decode(received: Received, attempts: number): unknown {
  if (received.body.length === 0) return undefined;
  try {
    return JSON.parse(utf8(received.body));
  } catch {
    throw new InvalidResponseError(
      `HTTP ${received.status} success body is not JSON`,
      received.status,
      received.headers.get('x-request-id') ?? undefined,
      attempts,
    );
  }
}

export function createCore(config: CoreConfig) {
  const clientSecrets = new CallSecrets(config.secrets);
  return async function call(id: OperationId, input: unknown, options?: unknown): Promise<ApiResult<unknown> | MissingResult> {
    const op = ruleOf(id, config.secrets);
    const opts = checkOptions(options, op, id);
    const checked = checkTyped(op, id, input, config);
    const url = config.endpoint + fillPath(op.path, checked.path) + queryString(op, checked.query);
    const body = jsonBody(checked);
    const secrets = new CallSecrets(clientSecrets);
    const ctx = { signal: opts.signal, projectId: checked.path[PROJECT], attempts: 0, secrets };
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    const received = await config.send({ method: op.method, url, headers, body }, ctx);
    const requestId = received.headers.get('x-request-id') ?? undefined;
    if (received.status >= 200 && received.status < 300) {
      // An empty-object body carries nothing: it is read (the transport did) and not parsed.
      const data = op.success.body === 'json' ? decode(received, ctx.attempts) : op.success.body === 'empty' ? {} : undefined;
      return { data, status: received.status, requestId, attempts: ctx.attempts, missing: false };
    }
    const err = toServiceError(
      { status: received.status, statusText: received.statusText, headers: received.headers, body: utf8(received.body), attempts: ctx.attempts },
      secrets.values,
    );
    if (opts.ignoreMissing && err.status === 400 && err.errorCode !== undefined && op.missing.includes(err.errorCode)) {
      return { data: undefined, missing: true, status: err.status, errorCode: err.errorCode, requestId: err.requestId, attempts: ctx.attempts };
    }
    throw err;
  };
}

export type Core = ReturnType<typeof createCore>;
