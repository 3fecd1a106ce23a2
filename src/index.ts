// The package entry: everything an application imports.
export {
  createProcessorTasksClient,
  ProcessorTasksClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT,
  DEFAULT_TOTAL_TIMEOUT,
  type ProcessorTasksClientOptions,
} from './client.ts';
export type { ApiResult, CallOptions, MissingCallOptions, MissingResult, WithMissing } from './call.ts';
export { DEFAULT_WAIT, type WaitOptions } from './waiters.ts';
export { AkSkCredentials, Credentials, credentialsFromEnv, TokenCredentials, TOKEN_VARIABLE, type CredentialsInput, type EnvCredentialsOptions } from './credentials.ts';
export { MODELARTS_REGIONS, regionEndpoint, regionOverrideVariable, type ModelArtsRegion } from './endpoints.ts';
export {
  ClientRequestError,
  ConnectionError,
  InvalidResponseError,
  isAuthError,
  isTaskNotFound,
  ModelArtsError,
  RedirectError,
  RequestTimeoutError,
  ServerResponseError,
  ServiceResponseError,
  ValidationError,
  WaitTimeoutError,
  type ProcessorTasksError,
} from './errors.ts';
export { DEFAULT_RETRY, type RetryOptions } from './retry.ts';
export type { LogEvent, Logger } from './transport.ts';
export { formatSdkDate, signRequest } from './signer.ts';
export { VERSION } from './version.ts';
export type * from '../generated/client.ts';
export {
  BatchStoppedError,
  DEFAULT_CONCURRENCY,
  DEFAULT_STOP_AFTER_FAILURES,
  deleteProcessorTasks,
  type BulkFailure,
  type BulkOptions,
  type BulkOutcome,
  type BulkProgress,
} from './bulk.ts';
