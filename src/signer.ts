/**
 * Huawei Cloud `SDK-HMAC-SHA256` (AK/SK) request signing, as pure functions.
 *
 * Everything the signature depends on is an argument (including the date), so
 * the same input always yields the same headers and the functions can be
 * checked byte for byte against Huawei's Node signer
 * (`@huaweicloud/huaweicloud-sdk-core`, `auth/AKSKSigner`).
 *
 * Where this module deliberately differs from that signer, it follows what the
 * request actually carries on the wire (and what Huawei's Go/Python signers and
 * the gateway canonicalise), because a signature over bytes the server never
 * sees cannot verify:
 * - header values are trimmed of leading/trailing HTTP whitespace (fetch's
 *   `Headers` strips it and the gateway canonicalises trimmed values); the Node
 *   signer signs them untrimmed;
 * - header names are ordered by UTF-16 code unit in both CanonicalHeaders and
 *   SignedHeaders; the Node signer orders CanonicalHeaders with
 *   `localeCompare`, which disagrees with its own SignedHeaders when names mix
 *   `_`, `-` and digits at the same position;
 * - the path is percent-decoded before being encoded, so an already-encoded
 *   path (what `URL#pathname` always is) is not encoded twice; the Node signer
 *   encodes `url.parse(...).pathname` again, turning `%20` into `%2520`;
 * - the host is `URL#host`, which drops a default port as fetch's Host header
 *   does; the Node signer keeps `:443` when it is written in the URL;
 * - standard methods are upper-cased as fetch does before sending;
 * - `Content-Type` and `X-Sdk-Content-Sha256` are recognised in any letter
 *   case, since header names are case-insensitive; the Node signer only looks
 *   at the exact spellings `content-type` and `X-Sdk-Content-Sha256`;
 * - the body is hashed as the bytes sent; the Node signer hashes
 *   `JSON.stringify(data)`, which is the same bytes only for a JSON document.
 */
import { createHmac, hash } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';

/** hex(sha256('')): hashing nothing is the common case (every GET and DELETE), so skip it. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// Tables for the per-character encoding loop, which runs only on components
// that actually need encoding (see NEEDS_ENCODING).
const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e
  ) {
    UNRESERVED[c] = 1;
  }
}
const PCT: readonly string[] = Array.from(
  { length: 256 },
  (_, b) => (b < 16 ? '%0' : '%') + b.toString(16).toUpperCase(),
);

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

/**
 * RFC 3986 percent-encoding of `s` from index `from` on (the caller has
 * already checked that the prefix needs no change). In a path, `/` separates
 * segments and existing `%XX` escapes are decoded first, so that an encoded
 * path and its decoded form canonicalise identically.
 */
function encodeFrom(s: string, from: number, path: boolean): string {
  let out = s.slice(0, from);
  const n = s.length;
  for (let i = from; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if (UNRESERVED[c] === 1 || (path && c === 0x2f)) {
        out += s[i];
      } else if (path && c === 0x25) {
        // charCodeAt past the end is NaN, which hexDigit rejects.
        const hi = hexDigit(s.charCodeAt(i + 1));
        const lo = hi < 0 ? -1 : hexDigit(s.charCodeAt(i + 2));
        if (lo < 0) {
          out += '%25'; // a lone '%' is data, as Go and Python read it
        } else {
          const b = (hi << 4) | lo;
          out += b < 0x80 && (UNRESERVED[b] === 1 || b === 0x2f) ? String.fromCharCode(b) : PCT[b];
          i += 2;
        }
      } else {
        out += PCT[c];
      }
      continue;
    }
    if (c < 0x800) {
      out += PCT[0xc0 | (c >> 6)]! + PCT[0x80 | (c & 0x3f)]!;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = c <= 0xdbff ? s.charCodeAt(i + 1) : NaN;
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c & 0x3ff) << 10) + (d & 0x3ff);
        out += PCT[0xf0 | (cp >> 18)]! + PCT[0x80 | ((cp >> 12) & 0x3f)]! +
          PCT[0x80 | ((cp >> 6) & 0x3f)]! + PCT[0x80 | (cp & 0x3f)]!;
        i++;
        continue;
      }
      c = 0xfffd; // a lone surrogate goes on the wire as U+FFFD (URL, TextEncoder)
    }
    out += PCT[0xe0 | (c >> 12)]! + PCT[0x80 | ((c >> 6) & 0x3f)]! + PCT[0x80 | (c & 0x3f)]!;
  }
  return out;
}

// One regex test per component to find the common already-canonical case:
// irregexp scans a character class about twice as fast as a charCodeAt loop.
const NEEDS_ENCODING = /[^A-Za-z0-9\-._~]/;
const PATH_NEEDS_ENCODING = /[^A-Za-z0-9\-._~/]/;

function encodeComponent(s: string): string {
  const m = NEEDS_ENCODING.exec(s);
  return m === null ? s : encodeFrom(s, m.index, false);
}

// toISOString plus slicing costs ~5x this table lookup, and it runs per request.
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

/** `2020-06-08T02:39:00Z` → `20200608T023900Z` (UTC). */
export function formatSdkDate(date: Date): string {
  const year = date != null && typeof date.getUTCFullYear === 'function' ? date.getUTCFullYear() : NaN;
  // NaN (invalid Date) fails too; the format has room for four year digits only.
  if (!(year >= 0 && year <= 9999)) {
    throw new RangeError('formatSdkDate: date must be a valid Date in years 0000-9999');
  }
  return (year >= 1000 ? '' : year >= 100 ? '0' : year >= 10 ? '00' : '000') + year +
    TWO_DIGITS[date.getUTCMonth() + 1] + TWO_DIGITS[date.getUTCDate()] + 'T' +
    TWO_DIGITS[date.getUTCHours()] + TWO_DIGITS[date.getUTCMinutes()] + TWO_DIGITS[date.getUTCSeconds()] + 'Z';
}

/**
 * Canonical URI: `%XX` escapes decoded, every byte outside RFC 3986
 * unreserved (and `/`) encoded as uppercase `%XX` of its UTF-8, a `/` appended
 * when missing. Accepts an encoded path (`URL#pathname`) or a raw one.
 */
export function canonicalUri(path: string): string {
  const m = PATH_NEEDS_ENCODING.exec(path);
  const encoded = m === null ? path : encodeFrom(path, m.index, true);
  return encoded.charCodeAt(encoded.length - 1) === 0x2f ? encoded : encoded + '/';
}

/**
 * Canonical query: decoded as `application/x-www-form-urlencoded` (`+` is a
 * space, as the gateway reads it), pairs sorted by key then value in UTF-16
 * code-unit order (repeated keys keep every value), each side RFC 3986
 * encoded, a key without `=` given an empty value.
 */
export function canonicalQuery(search: URLSearchParams | string): string {
  let params: URLSearchParams;
  if (typeof search === 'string') {
    if (search.length === 0 || search === '?') return '';
    params = new URLSearchParams(search);
  } else {
    params = search;
  }
  const pairs: [string, string][] = [];
  params.forEach((value, key) => {
    pairs.push([key, value]);
  });
  if (pairs.length > 1) {
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  }
  let out = '';
  for (let i = 0; i < pairs.length; i++) {
    const [key, value] = pairs[i]!;
    out += (i === 0 ? '' : '&') + encodeComponent(key) + '=' + encodeComponent(value);
  }
  return out;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Strips what fetch's `Headers` strips, so we sign the value that is sent. */
function trimHttpWhitespace(v: string): string {
  let s = 0;
  let e = v.length;
  while (s < e && isWs(v.charCodeAt(s))) s++;
  while (e > s && isWs(v.charCodeAt(e - 1))) e--;
  return s === 0 && e === v.length ? v : v.slice(s, e);
}

export type HeaderInput = Record<string, string | undefined> | Headers;

// Headers are kept as two parallel arrays: a request has a handful, where a
// linear scan beats a dictionary object and an insertion sort beats
// Array#sort with a comparator over pairs.

/** Adds a header, joining a case-variant repeat with ', ' as `Headers` does on the wire. */
function put(names: string[], values: string[], name: string, value: string): void {
  const i = names.indexOf(name);
  if (i < 0) {
    names.push(name);
    values.push(value);
  } else {
    values[i] += ', ' + value;
  }
}

function collect(headers: HeaderInput, names: string[], values: string[]): void {
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    // Headers has already lower-cased names and trimmed values; put() still
    // joins repeats because iteration yields each Set-Cookie separately.
    (headers as Headers).forEach((value, name) => put(names, values, name, value));
    return;
  }
  const record = headers as Record<string, string | undefined>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = record[key];
    // Optional headers are often spread in as undefined; they are not sent.
    if (value === undefined || value === null) continue;
    put(names, values, key.toLowerCase(), trimHttpWhitespace(value));
  }
}

function render(names: string[], values: string[]): { canonical: string; signed: string } {
  // Code-unit order (what `<` compares) for both lists: they must agree, which
  // the Node signer's localeCompare for CanonicalHeaders does not guarantee.
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    const value = values[i]!;
    let j = i - 1;
    for (; j >= 0 && names[j]! > name; j--) {
      names[j + 1] = names[j]!;
      values[j + 1] = values[j]!;
    }
    names[j + 1] = name;
    values[j + 1] = value;
  }
  let canonical = '';
  let signed = '';
  for (let i = 0; i < names.length; i++) {
    canonical += names[i]! + ':' + values[i]! + '\n';
    signed += i === 0 ? names[i]! : ';' + names[i]!;
  }
  return { canonical, signed };
}

/**
 * CanonicalHeaders (`name:value\n` each, ending in `\n`) and SignedHeaders
 * (`;`-joined) for exactly the headers given: names lower-cased, values
 * trimmed, case-variant repeats joined, undefined values skipped.
 */
export function canonicalHeaders(headers: HeaderInput): { canonical: string; signed: string } {
  const names: string[] = [];
  const values: string[] = [];
  collect(headers, names, values);
  return render(names, values);
}

export interface CanonicalRequestParts {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
}

export function canonicalRequest(req: CanonicalRequestParts): string {
  return req.method + '\n' + req.canonicalUri + '\n' + req.canonicalQuery + '\n' +
    req.canonicalHeaders + '\n' + req.signedHeaders + '\n' + req.payloadHash;
}

// The one-shot crypto.hash (Node >= 20.12) skips creating a Hash object,
// roughly halving the cost of each digest.
export function stringToSign(sdkDate: string, canonicalRequestText: string): string {
  return ALGORITHM + '\n' + sdkDate + '\n' + hash('sha256', canonicalRequestText, 'hex');
}

export function signature(sk: string, stringToSignText: string): string {
  return createHmac('sha256', sk).update(stringToSignText).digest('hex');
}

export function payloadHash(body?: string | Uint8Array): string {
  return body === undefined || body === null || body.length === 0 ? EMPTY_BODY_SHA256 : hash('sha256', body, 'hex');
}

/** fetch upper-cases these six before sending and leaves other methods alone. */
function normalizeMethod(method: string): string {
  switch (method) {
    case 'DELETE': case 'GET': case 'HEAD': case 'OPTIONS': case 'POST': case 'PUT':
      return method;
  }
  const upper = method.toUpperCase();
  switch (upper) {
    case 'DELETE': case 'GET': case 'HEAD': case 'OPTIONS': case 'POST': case 'PUT':
      return upper;
  }
  return method;
}

/**
 * A URL string whose WHATWG parse would change nothing: http(s), a lower-case
 * DNS name whose last label starts with a letter (so it is not an IPv4
 * number), no port or userinfo, a path of unreserved characters without '.'
 * (so no dot segments), a printable-ASCII query. For such strings (what a
 * client builds) one regex match is cheaper than `new URL()` plus its
 * getters. xn-- labels, which WHATWG validates, are excluded by the caller.
 * Groups: host, path, query (with '?').
 */
const PLAIN_URL = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(\/[\w~/-]*)(\?[!-~]*?)?(?:#|$)/;

export interface SignRequestInput {
  method: string;
  url: string | URL;
  headers?: HeaderInput;
  body?: string | Uint8Array;
  accessKey: string;
  secretKey: string;
  securityToken?: string;
  projectId?: string;
  date: Date;
}

function requireString(value: unknown, what: string): asserts value is string {
  // The message names the field only: a value here may be the secret key.
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`signRequest: ${what} must be a non-empty string`);
  }
}

/**
 * Returns the headers to add to the request: `X-Sdk-Date`, `Authorization`,
 * and `X-Security-Token` / `X-Project-Id` when given.
 *
 * Signed headers: `host` (from the URL unless a `host` header is passed),
 * `x-sdk-date`, the two above when given, and every header passed in, as
 * Huawei's Node signer does. In particular names containing `_` ARE signed:
 * the Python SDK drops them, but the Node signer keeps them and we match the
 * Node signer byte for byte. Not signed: a passed `Authorization` or
 * `X-Sdk-Date` (ours replace them, so signing the old values would sign bytes
 * that are not sent), a passed `X-Security-Token` / `X-Project-Id` when the
 * corresponding option is given (same reason), and a `Content-Type` holding
 * `multipart/form-data` (its boundary is chosen by the body encoder after
 * signing; the Node signer leaves it out too). A non-empty
 * `X-Sdk-Content-Sha256` header (e.g. `UNSIGNED-PAYLOAD`) replaces the body
 * hash, as the gateway allows.
 */
export function signRequest(input: SignRequestInput): Record<string, string> {
  if (input == null) throw new TypeError('signRequest: input is required');
  const { accessKey, secretKey, securityToken, projectId, body, headers } = input;
  requireString(input.method, 'method');
  requireString(accessKey, 'accessKey');
  requireString(secretKey, 'secretKey');
  const sdkDate = formatSdkDate(input.date);
  let host: string;
  let uri: string;
  let search: string;
  const plain = typeof input.url === 'string' ? PLAIN_URL.exec(input.url) : null;
  if (plain !== null && !plain[1]!.includes('xn--')) {
    host = plain[1]!;
    uri = plain[2]!.endsWith('/') ? plain[2]! : plain[2]! + '/';
    search = plain[3] ?? '';
  } else {
    const url = typeof input.url === 'string' ? new URL(input.url) : input.url;
    host = url.host;
    uri = canonicalUri(url.pathname);
    search = url.search;
  }

  const token = typeof securityToken === 'string' && securityToken.length > 0 ? securityToken : undefined;
  const project = typeof projectId === 'string' && projectId.length > 0 ? projectId : undefined;

  let canonical: string;
  let signed: string;
  const names: string[] = [];
  const values: string[] = [];
  if (headers != null) collect(headers, names, values);
  let contentSha: string | undefined;
  if (names.length === 0) {
    // No caller headers (DeleteProcessorTask's case): ours are already in
    // sorted order, so skip the arrays and the sort.
    canonical = 'host:' + host + '\n' +
      (project === undefined ? '' : 'x-project-id:' + project + '\n') +
      'x-sdk-date:' + sdkDate + '\n' +
      (token === undefined ? '' : 'x-security-token:' + token + '\n');
    signed = project === undefined
      ? (token === undefined ? 'host;x-sdk-date' : 'host;x-sdk-date;x-security-token')
      : (token === undefined ? 'host;x-project-id;x-sdk-date' : 'host;x-project-id;x-sdk-date;x-security-token');
  } else {
    let hasHost = false;
    let kept = 0;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const value = values[i]!;
      switch (name) {
        case 'authorization':
        case 'x-sdk-date':
          continue;
        case 'x-security-token':
          if (token !== undefined) continue;
          break;
        case 'x-project-id':
          if (project !== undefined) continue;
          break;
        case 'content-type':
          if (value.includes('multipart/form-data')) continue;
          break;
        case 'x-sdk-content-sha256':
          if (value.length > 0) contentSha = value;
          break;
        case 'host':
          // An empty one is ignored, as the Node signer does, rather than signed.
          if (value.length === 0) continue;
          hasHost = true;
          break;
      }
      names[kept] = name;
      values[kept] = value;
      kept++;
    }
    if (kept < names.length) {
      names.length = kept;
      values.length = kept;
    }
    if (!hasHost) {
      names.push('host');
      values.push(host);
    }
    names.push('x-sdk-date');
    values.push(sdkDate);
    if (token !== undefined) {
      names.push('x-security-token');
      values.push(token);
    }
    if (project !== undefined) {
      names.push('x-project-id');
      values.push(project);
    }
    ({ canonical, signed } = render(names, values));
  }

  const request = normalizeMethod(input.method) + '\n' + uri + '\n' +
    (search.length > 1 ? canonicalQuery(search) : '') + '\n' +
    canonical + '\n' + signed + '\n' +
    (contentSha ?? payloadHash(body));
  const sig = signature(secretKey, stringToSign(sdkDate, request));

  const out: Record<string, string> = { 'X-Sdk-Date': sdkDate };
  if (token !== undefined) out['X-Security-Token'] = token;
  if (project !== undefined) out['X-Project-Id'] = project;
  out['Authorization'] = `${ALGORITHM} Access=${accessKey}, SignedHeaders=${signed}, Signature=${sig}`;
  return out;
}
