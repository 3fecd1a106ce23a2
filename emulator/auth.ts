// Authentication, as the API gateway does it: an IAM token (`--token`), or an AK/SK
// `SDK-HMAC-SHA256` signature (`--ak`/`--sk`) checked against a canonical request rebuilt from
// the bytes received (method, raw path, raw query, the headers SignedHeaders names, the
// body's hash), never from what a client meant to send. Without either flag any non-empty
// credential passes, as with Prism. The canonical pieces come from src/signer.ts, whose
// output is checked byte for byte against Huawei's own signer and published vector.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ALGORITHM,
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  payloadHash,
  signature,
  stringToSign,
} from '../src/signer.ts';

/** The gateway's clock-skew window (Huawei's API-signing guide). */
export const MAX_SKEW_MS = 15 * 60 * 1000;

export interface AuthConfig {
  token?: string | undefined;
  accessKey?: string | undefined;
  secretKey?: string | undefined;
  securityToken?: string | undefined;
}

export interface ReceivedRequest {
  method: string;
  /** Path as received, percent-encoding untouched. */
  rawPath: string;
  /** Query string as received, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Why a request is refused (401 APIGW.0301), or undefined when it may pass. */
export type AuthVerdict = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): AuthVerdict => ({ ok: false, reason });
const PASS: AuthVerdict = { ok: true };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

const AUTHORIZATION = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function parseSdkDate(text: string): number | undefined {
  const m = SDK_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  // Date.UTC rolls 20200231 over into March: only a date that reads back the same is one.
  return formatSdkDate(new Date(ms)) === text ? ms : undefined;
}

/** Checks an AK/SK signature against the configured key pair. */
export function verifySignature(req: ReceivedRequest, config: Required<Pick<AuthConfig, 'accessKey' | 'secretKey'>> & AuthConfig, now: number): AuthVerdict {
  const authorization = header(req.headers, 'authorization');
  if (authorization === undefined) return refuse('no Authorization header');
  const m = AUTHORIZATION.exec(authorization.trim());
  if (!m || !authorization.startsWith(ALGORITHM)) return refuse(`Authorization is not an ${ALGORITHM} signature`);
  const [, access, signedList, claimed] = m as unknown as [string, string, string, string];
  if (!same(access, config.accessKey)) return refuse('unknown access key');

  const signed = signedList.split(';');
  if (signed.some((name) => name === '' || name !== name.toLowerCase())) return refuse('SignedHeaders must be lower-case names');
  for (const required of ['host', 'x-sdk-date']) {
    if (!signed.includes(required)) return refuse(`SignedHeaders must include ${required}`);
  }
  const securityToken = header(req.headers, 'x-security-token');
  // A security token that is sent must be signed, or anyone could swap it.
  if (securityToken !== undefined && !signed.includes('x-security-token')) return refuse('X-Security-Token is sent but not signed');
  if (config.securityToken !== undefined && (securityToken === undefined || !same(securityToken, config.securityToken))) {
    return refuse('these credentials are temporary: the security token is missing or wrong');
  }

  const sdkDate = header(req.headers, 'x-sdk-date') ?? '';
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === undefined) return refuse('X-Sdk-Date is not YYYYMMDDTHHMMSSZ');
  if (Math.abs(now - signedAt) > MAX_SKEW_MS) return refuse('X-Sdk-Date is more than 15 minutes from the server time');

  const values: Record<string, string> = {};
  for (const name of signed) {
    const value = header(req.headers, name);
    if (value === undefined) return refuse(`signed header ${name} was not received`);
    values[name] = value;
  }
  const { canonical, signed: signedHeaders } = canonicalHeaders(values);
  if (signedHeaders !== signed.join(';')) return refuse('SignedHeaders is not sorted or repeats a name');
  const contentSha = header(req.headers, 'x-sdk-content-sha256');
  const text = canonicalRequest({
    method: req.method,
    canonicalUri: canonicalUri(req.rawPath),
    canonicalQuery: canonicalQuery(req.rawQuery),
    canonicalHeaders: canonical,
    signedHeaders,
    // A signed X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD) stands for the body, as the gateway allows.
    payloadHash: contentSha !== undefined && contentSha !== '' && signed.includes('x-sdk-content-sha256') ? contentSha : payloadHash(req.body),
  });
  const expected = signature(config.secretKey, stringToSign(sdkDate, text));
  return same(expected, claimed) ? PASS : refuse('signature does not match the request received');
}

export function authenticate(req: ReceivedRequest, config: AuthConfig, now: number): AuthVerdict {
  const token = header(req.headers, 'x-auth-token');
  const signedRequest = header(req.headers, 'authorization') !== undefined;
  const strict = config.token !== undefined || config.accessKey !== undefined;
  if (!strict) {
    // As Prism: a credential must be there, any value passes.
    if (token !== undefined && token !== '') return PASS;
    if (signedRequest && header(req.headers, 'x-sdk-date')) return PASS;
    return refuse('no X-Auth-Token and no AK/SK signature');
  }
  if (token !== undefined) {
    if (config.token === undefined) return refuse('IAM tokens are not accepted here (the emulator checks AK/SK)');
    return same(token, config.token) ? PASS : refuse('token is not valid');
  }
  if (signedRequest) {
    if (config.accessKey === undefined || config.secretKey === undefined) return refuse('AK/SK signatures are not accepted here (the emulator checks IAM tokens)');
    return verifySignature(req, { ...config, accessKey: config.accessKey, secretKey: config.secretKey }, now);
  }
  return refuse('no X-Auth-Token and no AK/SK signature');
}
