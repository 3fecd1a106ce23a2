// The global flags every command shares, settled into one client. The library resolves what
// the environment says (credentials, default project, default region), exactly as it does for
// applications; the CLI adds the flags on top and rewords the library's errors with the flag
// or variable the user has to fix.
import { createProcessorTasksClient, resolveTarget as resolveClientTarget, type ProcessorTasksClient } from '../client.ts';
import { credentialsFromEnv, TOKEN_VARIABLE } from '../credentials.ts';
import type { ModelArtsRegion } from '../endpoints.ts';
import { ValidationError } from '../errors.ts';
import type { Logger } from '../transport.ts';
import { UsageError } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import type { Printer } from './output.ts';

export interface GlobalOptions {
  region: string | undefined;
  endpoint: string | undefined;
  projectId: string | undefined;
  tokenEnv: string;
  /** --token-env was given: the variable must then be set. */
  tokenEnvExplicit: boolean;
  retries: number | undefined;
  timeout: number | undefined;
  debug: boolean;
  quiet: boolean;
}

// Library field names as the CLI user knows them.
const FLAG_OF: Record<string, string> = {
  projectId: '--project-id',
  region: '--region',
  endpoint: '--endpoint',
  timeout: '--timeout',
  'retry.limit': '--retries',
  concurrency: '--concurrency',
};

/** A library ValidationError, reworded with the flag that caused it (`extra` maps derived flags). */
export function asUsageError(err: ValidationError, extra?: (field: string) => string | undefined): UsageError {
  if (err.field === 'credentials') {
    return new UsageError(`no credentials: set ${TOKEN_VARIABLE} to an IAM token, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (see --help)`);
  }
  const flag = extra?.(err.field) ?? FLAG_OF[err.field];
  let reason = err.reason;
  // The library's way out (an option) is no flag of the CLI.
  if (err.field === 'endpoint') reason = reason.replace('use https://, a loopback host, or allowInsecureHttp: true', 'use https:// or a loopback host');
  return new UsageError(`${flag ?? err.field}: ${reason}`);
}

/** Runs `fn` (sync or async), turning a library ValidationError into a UsageError naming the flag. */
export function settled<T>(fn: () => T, extra?: (field: string) => string | undefined): T {
  const reword = (err: unknown): never => {
    throw err instanceof ValidationError ? asUsageError(err, extra) : err;
  };
  try {
    const result = fn();
    return (result instanceof Promise ? result.catch(reword) : result) as T;
  } catch (err) {
    return reword(err);
  }
}

export interface Target {
  projectId: string;
  /** Where requests go, for the confirmation prompt and dry runs. */
  endpoint: string;
}

/**
 * Project and endpoint, checked, as the library resolves them (no credentials needed: a dry
 * run has none). The CLI only says in its own words, naming its flags, what is missing.
 */
export function resolveTarget(g: GlobalOptions, env: CliIo['env'], secrets: readonly string[]): Target {
  if (g.projectId === undefined && !env.HUAWEICLOUD_SDK_PROJECT_ID) throw new UsageError('no project id: pass --project-id or set HUAWEICLOUD_SDK_PROJECT_ID');
  if (g.endpoint === undefined && g.region === undefined && !env.HUAWEICLOUD_SDK_REGION) {
    throw new UsageError('no endpoint: pass --region (e.g. cn-north-4) or --endpoint <url>, or set HUAWEICLOUD_SDK_REGION');
  }
  const target = settled(() => resolveClientTarget({ endpoint: g.endpoint, region: g.region as ModelArtsRegion | undefined, projectId: g.projectId }, env, secrets));
  return { projectId: target.projectId!, endpoint: target.endpoint };
}

/** Every secret the run may hold, for the printer to redact. */
export function secretsOf(env: CliIo['env'], tokenEnv: string | undefined): string[] {
  const names = ['HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', TOKEN_VARIABLE];
  if (tokenEnv) names.push(tokenEnv);
  return names.map((n) => env[n]).filter((v): v is string => typeof v === 'string' && v.length > 0);
}

function debugLogger(printer: Printer): Logger {
  return (event) => printer.err(`debug: ${JSON.stringify(event)}`);
}

/** The client for a command: target (resolved here unless the command already did), credentials from the environment, retries, timeout, logger. */
export function clientFor(g: GlobalOptions, io: CliIo, printer: Printer, target: Target = resolveTarget(g, io.env, secretsOf(io.env, g.tokenEnv))): ProcessorTasksClient {
  const credentials = settled(
    () => credentialsFromEnv(io.env, { tokenVariable: g.tokenEnv, requireToken: g.tokenEnvExplicit }),
    (field) => (field === g.tokenEnv && g.tokenEnvExplicit ? `${g.tokenEnv} (named by --token-env)` : undefined),
  );
  return settled(() =>
    createProcessorTasksClient({
      endpoint: target.endpoint,
      projectId: target.projectId,
      credentials,
      ...(g.retries !== undefined ? { retry: g.retries } : {}),
      ...(g.timeout !== undefined ? { timeout: g.timeout } : {}),
      ...(g.debug ? { logger: debugLogger(printer) } : {}),
      env: io.env,
    }),
  );
}
