// The package entry: everything an application imports.
export {
  createProcessorTasksClient,
  ProcessorTasksClient,
  DEFAULT_TIMEOUT,
  DEFAULT_TOTAL_TIMEOUT,
  type ProcessorTasksClientOptions,
  type DeleteProcessorTaskInput,
  type DeleteProcessorTaskResult,
  type CallOptions,
} from './client.ts';
export { AkSkCredentials, Credentials, TokenCredentials, type CredentialsInput } from './credentials.ts';
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
} from './errors.ts';
export { DEFAULT_RETRY, type RetryOptions } from './retry.ts';
export type { LogEvent, Logger } from './transport.ts';
export { formatSdkDate, signRequest } from './signer.ts';
export { VERSION } from './version.ts';
export type { paths, components, RawClient } from '../generated/client.ts';
export {
  BatchStoppedError,
  DEFAULT_CONCURRENCY,
  deleteProcessorTasks,
  type BulkOptions,
  type BulkOutcome,
  type BulkProgress,
} from './bulk.ts';
