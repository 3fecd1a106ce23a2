// The entry point applications use: createProcessorTasksClient(options). The client's
// methods, one per operation of the spec, are generated (generated/client.ts); this module
// settles the options once (endpoint, credentials, project, retries, timeouts) and wires the
// generic core, the paginator, the waiters and the guarded raw client to one transport.
import { ProcessorTasksOperations, type DescribeProcessorTaskInput, type OperationId, type OperationTypes, type PageableOperationId, type RawClient } from '../generated/client.ts';
import { checkTypedInput, createCore, snapshotOf, type ApiResult, type CallOptions, type Core, type MissingCallOptions, type MissingResult } from './call.ts';
import { resolveCredentials, type Credentials, type CredentialsInput } from './credentials.ts';
import { checkEndpoint, regionEndpoint, type ModelArtsRegion } from './endpoints.ts';
import { ValidationError } from './errors.ts';
import { paginate } from './paginate.ts';
import { createGuardedRawClient } from './raw-client.ts';
import { retryPolicy, type RetryOptions } from './retry.ts';
import { createTransport, type Logger } from './transport.ts';
import { checkProjectId, validateDuration } from './validate.ts';
import { VERSION } from './version.ts';
import { waitFor, type WaitOptions } from './waiters.ts';

export interface ProcessorTasksClientOptions {
  /**
   * Region id, e.g. `cn-north-4`; resolved through the region table or
   * HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION>. Default HUAWEICLOUD_SDK_REGION. Any other
   * endpoint: `endpoint`.
   */
  region?: ModelArtsRegion;
  /** Explicit endpoint, e.g. `https://modelarts.cn-north-4.myhuaweicloud.com` or a local mock. Wins over `region`. */
  endpoint?: string;
  /**
   * Token, AK/SK or temporary AK/SK; default from the environment: HUAWEICLOUD_SDK_TOKEN,
   * else HUAWEICLOUD_SDK_AK / _SK (/ _SECURITY_TOKEN).
   */
  credentials?: CredentialsInput | Credentials;
  /** Default project id; default HUAWEICLOUD_SDK_PROJECT_ID. */
  projectId?: string;
  /** Retry policy, a retry limit, or false. See RetryOptions for the defaults. */
  retry?: RetryOptions | number | false;
  /** Per-attempt timeout in ms (connect, headers and body). @defaultValue 30000 */
  timeout?: number;
  /** Deadline for the whole call, retries and waits included, in ms. @defaultValue 120000 */
  totalTimeout?: number;
  /** Largest success body read, in bytes; a larger one fails with InvalidResponseError. @defaultValue 16 MiB */
  maxResponseBytes?: number;
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

export const DEFAULT_TIMEOUT = 30_000;
export const DEFAULT_TOTAL_TIMEOUT = 120_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;
// The statuses Describe reports for a task that will not change any more (the spec's enum:
// 2 completed, 3 failed, 4 stopped).
const FINISHED = new Set([2, 3, 4]);

function checkUserAgent(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // fetch would refuse a bad header value only when sending, as a (retried) connection error.
  if (typeof value !== 'string' || !/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value)) {
    throw new ValidationError('userAgent', 'must be printable ASCII, not empty, without surrounding spaces');
  }
  return value;
}

function checkByteLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_RESPONSE_BYTES;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError('maxResponseBytes', 'must be a positive integer number of bytes');
  }
  return value;
}

export interface ClientTarget {
  /** Origin and base path, without a trailing slash. */
  endpoint: string;
  /** The region the endpoint came from, when it came from one. */
  region: string | undefined;
  /** The default project, checked; undefined when none is given or set. */
  projectId: string | undefined;
}

type TargetOptions = Pick<ProcessorTasksClientOptions, 'region' | 'endpoint' | 'projectId' | 'allowInsecureHttp'>;

function resolveEndpoint(options: TargetOptions, env: Record<string, string | undefined>): Omit<ClientTarget, 'projectId'> {
  if (options.endpoint !== undefined) return { endpoint: checkEndpoint(options.endpoint, options.allowInsecureHttp), region: undefined };
  const region = options.region ?? (env.HUAWEICLOUD_SDK_REGION || undefined);
  if (region === undefined) throw new ValidationError('region', 'give a region (e.g. "cn-north-4") or an endpoint, or set HUAWEICLOUD_SDK_REGION');
  return { endpoint: checkEndpoint(regionEndpoint(region, env), options.allowInsecureHttp), region };
}

/**
 * Where calls go and which project they name by default, from the options and the
 * environment (HUAWEICLOUD_SDK_REGION, HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION>,
 * HUAWEICLOUD_SDK_PROJECT_ID): the one resolution the client and the CLI share, which needs no
 * credentials (a dry run has none). `secrets` keep a credential out of a message about the project.
 */
export function resolveTarget(options: TargetOptions, env: Record<string, string | undefined>, secrets: readonly string[] = []): ClientTarget {
  return { ...resolveEndpoint(options, env), projectId: resolveProject(options, env, secrets) };
}

function resolveProject(options: TargetOptions, env: Record<string, string | undefined>, secrets: readonly string[]): string | undefined {
  const project = options.projectId ?? (env.HUAWEICLOUD_SDK_PROJECT_ID || undefined);
  return project === undefined ? undefined : checkProjectId(project, { secrets });
}

// A client's credential secrets, for the modules beside it (bulk, CLI) that build messages
// from caller input; kept off the client object so that nothing can print them.
const SECRETS = new WeakMap<ProcessorTasksClient, readonly string[]>();

/** Internal: the secrets a message about `client`'s input must never quote. */
export function secretsOfClient(client: ProcessorTasksClient): readonly string[] {
  return SECRETS.get(client) ?? [];
}

export class ProcessorTasksClient extends ProcessorTasksOperations {
  readonly endpoint: string;
  readonly region: string | undefined;
  readonly projectId: string | undefined;
  /** The generated openapi-fetch client, with this client's checks, auth, retries and timeouts beneath it. */
  readonly raw: RawClient;
  readonly #core: Core;
  readonly #secrets: readonly string[];

  constructor(options: ProcessorTasksClientOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'must be an object');
    const env = options.env ?? process.env;
    // In this order: where, then who (the credentials' secrets keep a message about the project clean).
    ({ endpoint: this.endpoint, region: this.region } = resolveEndpoint(options, env));
    const credentials = resolveCredentials(options.credentials, env);
    this.#secrets = credentials.secrets();
    SECRETS.set(this, this.#secrets);
    this.projectId = resolveProject(options, env, this.#secrets);
    if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new ValidationError('fetch', 'must be a function');
    const send = createTransport({
      fetch: options.fetch ?? globalThis.fetch,
      credentials,
      retry: retryPolicy(options.retry),
      timeout: validateDuration('timeout', options.timeout, DEFAULT_TIMEOUT),
      totalTimeout: validateDuration('totalTimeout', options.totalTimeout, DEFAULT_TOTAL_TIMEOUT),
      userAgent: checkUserAgent(options.userAgent) ?? `modelarts-processor-tasks/${VERSION} node/${process.versions.node}`,
      logger: options.logger,
      maxBodyBytes: checkByteLimit(options.maxResponseBytes),
      maxErrorBodyBytes: MAX_ERROR_BODY_BYTES,
    });
    const config = { endpoint: this.endpoint, projectId: this.projectId, send, secrets: this.#secrets };
    this.#core = createCore(config);
    this.raw = createGuardedRawClient(config);
  }

  /** Calls any operation of the spec by its operationId; each typed method is this call. */
  call<K extends OperationId>(
    id: K,
    input: OperationTypes[K]['input'],
    options?: MissingCallOptions,
  ): Promise<ApiResult<OperationTypes[K]['data']> | MissingResult> {
    return this.#core(id, input, options) as Promise<ApiResult<OperationTypes[K]['data']> | MissingResult>;
  }

  /** Every item of a pageable operation, page after page; each `<operationId>All` is this. */
  paginate<K extends PageableOperationId>(
    id: K,
    input: Omit<OperationTypes[K]['input'], 'offset'>,
    options?: CallOptions,
  ): AsyncIterableIterator<OperationTypes[K]['item']> {
    return paginate(this.#core, id, input as Record<string, unknown>, options) as AsyncIterableIterator<OperationTypes[K]['item']>;
  }

  /**
   * Polls DescribeProcessorTask until the task is gone (400 `ModelArts.4700`).
   * Rejects with WaitTimeoutError after `timeout` (default 5 minutes).
   * @returns the final, "missing" Describe result.
   */
  waitUntilProcessorTaskDeleted(input: DescribeProcessorTaskInput, options?: WaitOptions): Promise<MissingResult> {
    return this.#pollDescribe('waitUntilProcessorTaskDeleted', input, options, (r) => r.missing) as Promise<MissingResult>;
  }

  /**
   * Polls DescribeProcessorTask until the task has finished: status 2 (completed), 3 (failed)
   * or 4 (stopped). Rejects with WaitTimeoutError after `timeout` (default 5 minutes), and
   * with the Describe error if the task disappears.
   * @returns the last Describe result, whose `data.status` says how the task ended.
   */
  waitUntilProcessorTaskFinished(
    input: DescribeProcessorTaskInput,
    options?: WaitOptions,
  ): Promise<ApiResult<OperationTypes['describeProcessorTask']['data']>> {
    return this.#pollDescribe('waitUntilProcessorTaskFinished', input, options, (r) => !r.missing && FINISHED.has(r.data.status as number), false) as Promise<
      ApiResult<OperationTypes['describeProcessorTask']['data']>
    >;
  }

  /** Describe, polled until `done`; a missing task is an answer only when `ignoreMissing`. */
  #pollDescribe(
    name: string,
    given: DescribeProcessorTaskInput,
    options: WaitOptions | undefined,
    done: (r: ApiResult<OperationTypes['describeProcessorTask']['data']> | MissingResult) => boolean,
    ignoreMissing = true,
  ): Promise<ApiResult<OperationTypes['describeProcessorTask']['data']> | MissingResult> {
    // Read once: every poll names the task the first one did.
    const input = snapshotOf(given) as DescribeProcessorTaskInput;
    return waitFor(
      name,
      async (signal) => {
        const r = await this.describeProcessorTask(input, { signal, ignoreMissing });
        return { done: done(r), value: r, state: r.missing ? 'missing' : { status: r.data.status } };
      },
      options,
    );
  }

  /**
   * Checks an operation's input as a call would, without sending anything: throws the
   * ValidationError the call would throw. For dry runs, and for bulk work that checks each
   * id before it takes a slot.
   */
  validate<K extends OperationId>(id: K, input: OperationTypes[K]['input']): void {
    checkTypedInput(id, input, { projectId: this.projectId, secrets: this.#secrets });
  }
}

export function createProcessorTasksClient(options: ProcessorTasksClientOptions = {}): ProcessorTasksClient {
  return new ProcessorTasksClient(options);
}
