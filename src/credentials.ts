// Credentials: an IAM token, or AK/SK (with a security token when temporary). Secrets live
// in private fields, which JSON.stringify, util.inspect and structured logging never see;
// the custom inspect and toJSON say what kind of credential it is and nothing more.
import { ValidationError } from './errors.ts';
import { signRequest } from './signer.ts';

export type CredentialsInput =
  | { token: string }
  | { accessKey: string; secretKey: string; securityToken?: string };

export interface SignableRequest {
  method: string;
  url: string;
  projectId: string | undefined;
  /** Signed with its hash; absent when the operation has no body (GET, DELETE, Stop). */
  body?: Uint8Array | undefined;
  /** Signed when the request has a body. */
  contentType?: string | undefined;
}

const inspect = Symbol.for('nodejs.util.inspect.custom');

export abstract class Credentials {
  /** Headers that authenticate one attempt; AK/SK signs afresh each time, with a new date. */
  abstract authHeaders(req: SignableRequest, now: Date): Record<string, string>;
  /** Every secret value, for redaction. */
  abstract secrets(): readonly string[];
  abstract describe(): string;
  toJSON(): string {
    return this.describe();
  }
  [inspect](): string {
    return this.describe();
  }
  toString(): string {
    return this.describe();
  }
}

// Messages name the field, never the value: the value may be the secret.
function nonEmpty(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'must be a non-empty string');
  if (/[\r\n\0]/.test(value)) throw new ValidationError(field, 'must not contain line breaks or NUL');
  return value;
}

/**
 * A value sent in a header (token, AK, security token): visible ASCII only. fetch refuses
 * other characters only when sending, which would surface as a retried ConnectionError, and
 * trims surrounding whitespace, so a signed X-Security-Token would differ from the one sent.
 */
function headerSafe(field: string, value: unknown): string {
  const text = nonEmpty(field, value);
  if (!/^[\x21-\x7e]+$/.test(text)) {
    throw new ValidationError(field, 'must be printable ASCII without spaces (the value is not shown)');
  }
  return text;
}

export class TokenCredentials extends Credentials {
  readonly #headers: Record<string, string>;
  readonly #token: string;
  constructor(token: string) {
    super();
    this.#token = headerSafe('credentials.token', token);
    this.#headers = { 'X-Auth-Token': this.#token };
  }
  authHeaders(): Record<string, string> {
    return this.#headers;
  }
  secrets(): readonly string[] {
    return [this.#token];
  }
  describe(): string {
    return 'TokenCredentials { token: [redacted] }';
  }
}

export class AkSkCredentials extends Credentials {
  readonly accessKey: string;
  readonly #secretKey: string;
  readonly #securityToken: string | undefined;
  constructor(accessKey: string, secretKey: string, securityToken?: string) {
    super();
    this.accessKey = headerSafe('credentials.accessKey', accessKey);
    this.#secretKey = nonEmpty('credentials.secretKey', secretKey);
    this.#securityToken = securityToken === undefined ? undefined : headerSafe('credentials.securityToken', securityToken);
  }
  authHeaders(req: SignableRequest, now: Date): Record<string, string> {
    return signRequest({
      method: req.method,
      url: req.url,
      accessKey: this.accessKey,
      secretKey: this.#secretKey,
      ...(this.#securityToken === undefined ? {} : { securityToken: this.#securityToken }),
      ...(req.projectId === undefined ? {} : { projectId: req.projectId }),
      ...(req.body === undefined ? {} : { body: req.body }),
      ...(req.contentType === undefined ? {} : { headers: { 'content-type': req.contentType } }),
      date: now,
    });
  }
  secrets(): readonly string[] {
    return this.#securityToken === undefined ? [this.#secretKey] : [this.#secretKey, this.#securityToken];
  }
  describe(): string {
    const kind = this.#securityToken === undefined ? 'AK/SK' : 'temporary AK/SK';
    return `AkSkCredentials { ${kind}, accessKey: ${JSON.stringify(this.accessKey)}, secretKey: [redacted] }`;
  }
}

export const TOKEN_VARIABLE = 'HUAWEICLOUD_SDK_TOKEN';

export interface EnvCredentialsOptions {
  /** The variable that holds an IAM token. @defaultValue "HUAWEICLOUD_SDK_TOKEN" */
  tokenVariable?: string;
  /** The token variable must be set (the CLI's --token-env named it). */
  requireToken?: boolean;
}

/** A credential built from an environment variable: a bad value is reported under the variable's name. */
function fromVariable<T>(name: string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(name, err.reason);
    throw err;
  }
}

/**
 * Credentials from the environment, as Huawei's SDKs and this package's CLI read them: an IAM
 * token (HUAWEICLOUD_SDK_TOKEN), else AK/SK (HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, with
 * HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials). Errors name the variable to fix.
 */
export function credentialsFromEnv(env: Record<string, string | undefined>, options: EnvCredentialsOptions = {}): Credentials {
  const tokenVariable = options.tokenVariable ?? TOKEN_VARIABLE;
  const token = env[tokenVariable];
  if (token) return fromVariable(tokenVariable, () => new TokenCredentials(token));
  if (options.requireToken) throw new ValidationError(tokenVariable, 'is not set');
  const ak = env.HUAWEICLOUD_SDK_AK;
  const sk = env.HUAWEICLOUD_SDK_SK;
  if (ak && !sk) throw new ValidationError('HUAWEICLOUD_SDK_SK', 'is not set, but HUAWEICLOUD_SDK_AK is: AK/SK signing needs both');
  if (sk && !ak) throw new ValidationError('HUAWEICLOUD_SDK_AK', 'is not set, but HUAWEICLOUD_SDK_SK is: AK/SK signing needs both');
  if (ak && sk) {
    const accessKey = fromVariable('HUAWEICLOUD_SDK_AK', () => headerSafe('accessKey', ak));
    const secretKey = fromVariable('HUAWEICLOUD_SDK_SK', () => nonEmpty('secretKey', sk));
    const securityToken = env.HUAWEICLOUD_SDK_SECURITY_TOKEN || undefined;
    if (securityToken !== undefined) fromVariable('HUAWEICLOUD_SDK_SECURITY_TOKEN', () => headerSafe('securityToken', securityToken));
    return new AkSkCredentials(accessKey, secretKey, securityToken);
  }
  throw new ValidationError(
    'credentials',
    `none given: pass { token } or { accessKey, secretKey }, or set ${tokenVariable} (an IAM token), or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK`,
  );
}

function isCredentials(value: unknown): value is Credentials {
  const c = value as Credentials | null | undefined;
  return typeof c?.authHeaders === 'function' && typeof c.secrets === 'function' && typeof c.describe === 'function';
}

/** Builds credentials from options, else from the environment (credentialsFromEnv). */
export function resolveCredentials(
  input: CredentialsInput | Credentials | undefined,
  env: Record<string, string | undefined>,
): Credentials {
  // By shape, not class: a Credentials of the package's other build (ESM and CJS) is one too.
  if (isCredentials(input)) return input;
  if (input !== undefined && input !== null) {
    // `'token' in input` throws a TypeError on a string: say what was expected instead.
    if (typeof input !== 'object') throw new ValidationError('credentials', 'must be { token } or { accessKey, secretKey, securityToken? }');
    if ('token' in input) return new TokenCredentials(input.token);
    return new AkSkCredentials(input.accessKey, input.secretKey, input.securityToken);
  }
  return credentialsFromEnv(env);
}
