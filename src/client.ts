// The entry point applications use: createProcessorTasksClient(options).
import { createRawClient, deleteProcessorTaskPath, type RawClient } from '../generated/client.ts';
import { resolveCredentials, type Credentials, type CredentialsInput } from './credentials.ts';
import { checkEndpoint, regionEndpoint } from './endpoints.ts';
import { toServiceError } from './error-mapping.ts';
import { redact, redactingFetch } from './redaction.ts';
import { isTaskNotFound, ValidationError } from './errors.ts';
import { retryPolicy, type RetryOptions } from './retry.ts';
import { createTransport, outgoing, type CallContext, type Logger } from './transport.ts';
import { validateDuration, validatePathParams, validateProjectId, validateTaskId } from './validate.ts';
import { VERSION } from './version.ts';

export interface ProcessorTasksClientOptions {
  /** Region id, e.g. `cn-north-4`; resolved through the region table or HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION>. */
  region?: string;
  /** Explicit endpoint, e.g. `https://modelarts.cn-north-4.myhuaweicloud.com` or a local mock. Wins over `region`. */
  endpoint?: string;
  /** Token, AK/SK or temporary AK/SK; default from HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN. */
  credentials?: CredentialsInput | Credentials;
  /** Default project id; default HUAWEICLOUD_SDK_PROJECT_ID. */
  projectId?: string;
  /** Retry policy, a retry limit, or false. See RetryOptions for the defaults. */
  retry?: RetryOptions | number | false;
  /** Per-attempt timeout in ms (connect, headers and body). Default 30,000. */
  timeout?: number;
  /** Deadline for the whole call, retries and waits included, in ms. Default 120,000. */
  totalTimeout?: number;
  /** fetch implementation; default the global one. */
  fetch?: typeof globalThis.fetch;
  /** User-Agent header. */
  userAgent?: string;
  /** Receives request, response, retry and failure events; never headers or secrets. */
  logger?: Logger;
  /** Allow plain http:// to a host that is not loopback. Credentials then travel in clear text. */
  allowInsecureHttp?: boolean;
  /** Environment to read defaults from; default process.env. */
  env?: Record<string, string | undefined>;
}

export interface DeleteProcessorTaskInput {
  /** Defaults to the client's project id. */
  projectId?: string;
  taskId: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Treat "task does not exist" (400 ModelArts.4700) as success: `outcome: 'missing'`. */
  ignoreMissing?: boolean;
}

export interface DeleteProcessorTaskResult {
  outcome: 'deleted' | 'missing';
  projectId: string;
  taskId: string;
  status: number;
  /** X-Request-Id of the final response, for support cases. */
  requestId: string | undefined;
  attempts: number;
}

export const DEFAULT_TIMEOUT = 30_000;
export const DEFAULT_TOTAL_TIMEOUT = 120_000;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;

export class ProcessorTasksClient {
  readonly endpoint: string;
  readonly region: string | undefined;
  readonly projectId: string | undefined;
  /** The generated openapi-fetch client, with this client's auth, retries and timeouts beneath it. */
  readonly raw: RawClient;
  readonly #credentials: Credentials;
  readonly #send: ReturnType<typeof createTransport>;

  constructor(options: ProcessorTasksClientOptions = {}) {
    const env = options.env ?? process.env;
    this.region = options.region;
    if (options.endpoint !== undefined) {
      this.endpoint = checkEndpoint(options.endpoint, options.allowInsecureHttp);
    } else if (options.region !== undefined) {
      this.endpoint = checkEndpoint(regionEndpoint(options.region, env), options.allowInsecureHttp);
    } else {
      throw new ValidationError('region', 'give a region (e.g. "cn-north-4") or an endpoint');
    }
    const projectId = options.projectId ?? (env.HUAWEICLOUD_SDK_PROJECT_ID || undefined);
    this.projectId = projectId === undefined ? undefined : validateProjectId(projectId);
    this.#credentials = resolveCredentials(options.credentials, env);
    if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new ValidationError('fetch', 'must be a function');
    this.#send = createTransport({
      fetch: redactingFetch(options.fetch ?? globalThis.fetch, this.#credentials.secrets()),
      credentials: this.#credentials,
      retry: retryPolicy(options.retry),
      timeout: validateDuration('timeout', options.timeout, DEFAULT_TIMEOUT),
      totalTimeout: validateDuration('totalTimeout', options.totalTimeout, DEFAULT_TOTAL_TIMEOUT),
      userAgent: checkUserAgent(options.userAgent) ?? `modelarts-processor-tasks/${VERSION} node/${process.versions.node}`,
      logger: options.logger,
      maxBodyBytes: MAX_BODY_BYTES,
      maxErrorBodyBytes: MAX_ERROR_BODY_BYTES,
    });
    const send = this.#send;
    const pathPrefix = new URL(this.endpoint).pathname.replace(/\/$/, '');
    this.raw = createRawClient({
      baseUrl: this.endpoint,
      // A raw call's signal reaches us only through the Request openapi-fetch built from it;
      // its project (signed as X-Project-Id) is the one its path names.
      fetch: async (request: Request) => {
        const projectId = new URL(request.url).pathname.slice(pathPrefix.length).match(/^\/v2\/([0-9a-z]{32})\//)?.[1];
        return send(await outgoing(request), { signal: request.signal, projectId, attempts: 0 });
      },
    });
    this.raw.use({
      onRequest({ schemaPath, params }) {
        validatePathParams(schemaPath, params.path as Record<string, unknown> | undefined);
      },
    });
  }

  /**
   * Deletes a processing task. Resolves with the request id; rejects with a typed error
   * (ValidationError before sending, ClientRequestError / ServerResponseError, ConnectionError,
   * RequestTimeoutError) or, when `signal` aborts, with the signal's reason.
   */
  async deleteProcessorTask(input: DeleteProcessorTaskInput, options: CallOptions = {}): Promise<DeleteProcessorTaskResult> {
    if (typeof input !== 'object' || input === null) throw new ValidationError('input', 'must be { taskId, projectId? }');
    const rawProject = input.projectId ?? this.projectId;
    if (rawProject === undefined) {
      throw new ValidationError('projectId', 'none given: pass projectId, set it on the client, or set HUAWEICLOUD_SDK_PROJECT_ID');
    }
    const projectId = validateProjectId(rawProject);
    const taskId = validateTaskId(input.taskId);
    const ctx: CallContext = { signal: options.signal, projectId, attempts: 0, discardSuccessBody: true };
    // Straight to the transport, not through openapi-fetch: both ids are validated to
    // [A-Za-z0-9_-], so filling the spec's path template is all openapi-fetch would do, and
    // skipping its Request building is most of the client's own cost per call (npm run bench).
    const url = this.endpoint + deleteProcessorTaskPath({ project_id: projectId, task_id: taskId });
    const response = await this.#send({ method: 'DELETE', url, headers: {}, body: undefined }, ctx);
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (response.ok) {
      return { outcome: 'deleted', projectId, taskId, status: response.status, requestId, attempts: ctx.attempts };
    }
    const secrets = this.#credentials.secrets();
    // Redacted before mapping, which cuts long text bodies: a secret cut in two would no
    // longer match and half of it would reach the message.
    const err = toServiceError(
      { status: response.status, statusText: response.statusText, headers: response.headers, body: redact(await response.text(), secrets), attempts: ctx.attempts },
      secrets,
    );
    if (options.ignoreMissing && isTaskNotFound(err)) {
      return { outcome: 'missing', projectId, taskId, status: response.status, requestId: err.requestId, attempts: ctx.attempts };
    }
    throw err;
  }
}

function checkUserAgent(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // fetch would refuse a bad header value only when sending, as a (retried) connection error.
  if (typeof value !== 'string' || !/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value)) {
    throw new ValidationError('userAgent', 'must be printable ASCII, not empty, without surrounding spaces');
  }
  return value;
}

export function createProcessorTasksClient(options: ProcessorTasksClientOptions = {}): ProcessorTasksClient {
  return new ProcessorTasksClient(options);
}
