// The oracle of the redaction tests: every value the client put in a credential header (the
// token, the security token, each attempt's Authorization value and the signature in it),
// and the secret key, searched for in every surface an application can print, log or
// serialise. A surface is searched as it is and decoded (JSON \u and backslash escapes,
// percent-encoding, form encoding, in both orders), so a secret spelled any of the ways a
// server may echo it counts as found; the pure secrets are also searched for by every
// 12-character piece, so a secret cut in two counts too.
import { inspect } from 'node:util';
import { signRequest } from '../../src/index.ts';
import type { EchoRequest } from './echo-server.ts';

export interface SecretValue {
  label: string;
  value: string;
  /** Search for its pieces too: true for material that is secret throughout (not the Authorization value, half of which is public). */
  pieces: boolean;
}

const PIECE = 12;

/** What each request carried in its credential headers. Signatures are per attempt: one per X-Sdk-Date. */
export function sentSecrets(received: readonly EchoRequest[]): SecretValue[] {
  const out: SecretValue[] = [];
  received.forEach((r, i) => {
    const auth = r.headers.authorization;
    if (auth !== undefined) {
      out.push({ label: `request ${i + 1} Authorization`, value: auth, pieces: false });
      const sig = /Signature=([0-9a-f]+)/.exec(auth)?.[1];
      if (sig) out.push({ label: `request ${i + 1} signature`, value: sig, pieces: true });
    }
    if (r.headers['x-auth-token'] !== undefined) out.push({ label: `request ${i + 1} X-Auth-Token`, value: r.headers['x-auth-token'], pieces: true });
    if (r.headers['x-security-token'] !== undefined) out.push({ label: `request ${i + 1} X-Security-Token`, value: r.headers['x-security-token'], pieces: true });
  });
  return dedupe(out);
}

export function dedupe(values: SecretValue[]): SecretValue[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v.value) ? false : (seen.add(v.value), true)));
}

function sdkDate(text: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) throw new Error(`not an X-Sdk-Date: ${text}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

/**
 * The Authorization value a request must have carried, recomputed from what the server
 * received and the secret key: proof that the values searched for are the ones that were sent.
 */
export function expectedAuthorization(r: EchoRequest, origin: string, secretKey: string): string {
  const auth = r.headers.authorization ?? '';
  const accessKey = /Access=([^,]+)/.exec(auth)?.[1] ?? '';
  const contentType = r.headers['content-type'];
  const signed = signRequest({
    method: r.method,
    url: origin + r.path,
    accessKey,
    secretKey,
    ...(r.headers['x-security-token'] ? { securityToken: r.headers['x-security-token'] } : {}),
    ...(r.headers['x-project-id'] ? { projectId: r.headers['x-project-id'] } : {}),
    ...(r.body.length > 0 ? { body: new Uint8Array(r.body) } : {}),
    ...(contentType ? { headers: { 'content-type': contentType } } : {}),
    date: sdkDate(r.headers['x-sdk-date'] ?? ''),
  });
  return signed.Authorization!;
}

// --- decoding the spellings ---------------------------------------------------------------------

function unescapeJson(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\(["'\\/])/g, '$1')
    .replace(/\\t/g, '\t');
}

function decodePercent(text: string, plus: boolean): string {
  const t = plus ? text.replace(/\+/g, ' ') : text;
  return t.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

/** The text and the ways a reader may decode it. */
function views(text: string): string[] {
  const out = new Set<string>([text]);
  const j = unescapeJson(text);
  out.add(j);
  for (const plus of [false, true]) {
    out.add(decodePercent(text, plus));
    out.add(decodePercent(j, plus));
    out.add(unescapeJson(decodePercent(text, plus)));
  }
  return [...out];
}

function hasLetters(piece: string): boolean {
  return (piece.match(/[A-Za-z0-9]/g)?.length ?? 0) >= 6;
}

/** Every `where: label` found: a secret (or, for pure secrets, a 12-character piece of one) in a surface, spelled any way. */
export function findLeaks(surfaces: Record<string, string>, secrets: readonly SecretValue[]): string[] {
  const pieces = new Map<string, string>();
  for (const s of secrets) {
    if (!s.pieces || s.value.length < PIECE) continue;
    for (let i = 0; i + PIECE <= s.value.length; i++) {
      const p = s.value.slice(i, i + PIECE);
      if (hasLetters(p)) pieces.set(p, s.label);
    }
  }
  const found = new Set<string>();
  for (const [where, text] of Object.entries(surfaces)) {
    if (text.length === 0) continue;
    for (const view of views(text)) {
      for (const s of secrets) if (s.value.length >= 4 && view.includes(s.value)) found.add(`${where}: ${s.label}`);
      if (pieces.size === 0) continue;
      for (let i = 0; i + PIECE <= view.length; i++) {
        const label = pieces.get(view.slice(i, i + PIECE));
        if (label !== undefined) {
          found.add(`${where}: piece of ${label} at ${i}`);
          break;
        }
      }
    }
  }
  return [...found];
}

// --- the surfaces -------------------------------------------------------------------------------

const INSPECT = { depth: Infinity, showHidden: true, getters: true, maxStringLength: Infinity, maxArrayLength: Infinity, breakLength: Infinity } as const;

function isBuiltinPrototype(proto: object): boolean {
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  const global = typeof name === 'string' ? (globalThis as unknown as Record<string, { prototype?: unknown } | undefined>)[name] : undefined;
  return global?.prototype === proto;
}

/** Every string reachable from a value: own properties of any kind (getters called), getters of non-builtin prototypes, causes, Headers, Maps. */
export function reachableStrings(root: unknown, limit = 6): string {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, depth: number) => {
    if (typeof v === 'string') {
      out.push(v);
      return;
    }
    if (typeof v === 'symbol') {
      out.push(v.description ?? '');
      return;
    }
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v) || depth > limit) return;
    seen.add(v);
    if (v instanceof Headers) {
      v.forEach((value, name) => out.push(`${name}: ${value}`));
      return;
    }
    if (v instanceof Map) for (const [k, x] of v) (visit(k, depth + 1), visit(x, depth + 1));
    if (v instanceof Set) for (const x of v) visit(x, depth + 1);
    if (v instanceof Response) {
      out.push(v.statusText, v.url);
      visit(v.headers, depth + 1);
    }
    const read = (holder: object, key: string | symbol) => {
      const d = Object.getOwnPropertyDescriptor(holder, key);
      if (!d) return;
      if (typeof key === 'string') out.push(key);
      let value: unknown;
      try {
        value = 'value' in d ? d.value : d.get?.call(v);
      } catch {
        return;
      }
      visit(value, depth + 1);
    };
    for (const key of Reflect.ownKeys(v)) read(v, key);
    for (let p = Object.getPrototypeOf(v); p && !isBuiltinPrototype(p); p = Object.getPrototypeOf(p)) {
      for (const key of Reflect.ownKeys(p)) {
        const d = Object.getOwnPropertyDescriptor(p, key);
        if (d?.get && key !== '__proto__') read(p, key);
      }
    }
  };
  visit(root, 0);
  return out.join('\n');
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (err) {
    return `JSON.stringify threw ${String(err)}`;
  }
}

/** What an application can print of a value: JSON, util.inspect (all of it), and every string reachable from it. */
export function valueSurfaces(value: unknown, name: string): Record<string, string> {
  return {
    [`JSON.stringify(${name})`]: json(value),
    [`inspect(${name})`]: inspect(value, INSPECT),
    [`strings of ${name}`]: reachableStrings(value),
  };
}

/** What an application can print of an error: message, String, stack, JSON, inspect, each cause's, and every reachable string. */
export function errorSurfaces(err: unknown, name = 'err'): Record<string, string> {
  const out: Record<string, string> = { ...valueSurfaces(err, name), [`String(${name})`]: String(err) };
  let e = err as { message?: unknown; stack?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const at = depth === 0 ? name : `${name}${'.cause'.repeat(depth)}`;
    out[`${at}.message`] = String(e.message);
    out[`${at}.stack`] = String(e.stack);
    e = e.cause as typeof e;
  }
  return out;
}

/** Everything a raw openapi-fetch result carries: data, error, the response's status text and headers. */
export function rawResultSurfaces(result: { data?: unknown; error?: unknown; response?: Response }, name = 'raw'): Record<string, string> {
  const headers: string[] = [];
  result.response?.headers.forEach((v, k) => headers.push(`${k}: ${v}`));
  return {
    ...valueSurfaces(result.data, `${name}.data`),
    ...valueSurfaces(result.error, `${name}.error`),
    [`${name}.response.statusText`]: result.response?.statusText ?? '',
    [`${name}.response.headers`]: headers.join('\n'),
  };
}
