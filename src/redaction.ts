// Secrets out of everything the client hands back. Credentials keep their secrets in private
// fields; what comes from outside (a server or a fetch implementation echoing a token, a key,
// a signature or a whole Authorization header in a header, a status text, a body or a thrown
// error) is redacted here, with every value the client put in a credential header during the
// call: the static secrets and each attempt's signature and Authorization value.
//
// A secret is found however it is spelled: as is, JSON-escaped, percent-encoded (either
// case, any characters), form-encoded, or \u-escaped, in any mix. Text that holds an escape
// is searched decoded, each decoded character remembering the span of the original it came
// from, so that exactly those spans are replaced and everything else is left as it was.
import { inspect } from 'node:util';

const MIN_SECRET = 4;
const REDACTED = '[redacted]';

/** The spellings a secret takes when echoed that a plain search finds: as is, inside JSON, percent- or form-encoded. */
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const pct = encodeURIComponent(secret);
  return [...new Set([secret, json, json.replace(/\//g, '\\/'), pct, pct.replace(/%20/g, '+')])];
}

// --- decoding ---------------------------------------------------------------------------------

/** Only a text holding one of these can spell a secret in an escape. */
const ESCAPE = /[%\\]/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', "'": "'", b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function hexAt(text: string, at: number, digits: number): number {
  let n = 0;
  for (let i = at; i < at + digits; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
    if (d < 0) return -1;
    n = n * 16 + d;
  }
  return n;
}

/** One UTF-8 character spelled as %XX escapes at `at`: its text and where it ends, or undefined. */
function percentChar(text: string, at: number): { chars: string; end: number } | undefined {
  const lead = hexAt(text, at + 1, 2);
  const n = lead < 0 ? 0 : lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (n === 0) return undefined;
  let cp = n === 1 ? lead : lead & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const at2 = at + 3 * k;
    const b = text.charCodeAt(at2) === 0x25 ? hexAt(text, at2 + 1, 2) : -1;
    if (b < 0x80 || b > 0xbf) return undefined;
    cp = (cp << 6) | (b & 0x3f);
  }
  return cp > 0x10ffff ? undefined : { chars: String.fromCodePoint(cp), end: at + 3 * n };
}

interface Spans {
  from: number[];
  to: number[];
}

/** The escape at `i` (a %XX sequence, a JSON escape, a form space): what it decodes to and where it ends, or undefined. */
function escapeAt(text: string, i: number, plus: boolean): { chars: string; end: number } | undefined {
  const c = text.charCodeAt(i);
  if (c === 0x25) return percentChar(text, i);
  if (c === 0x5c) {
    const e = text[i + 1];
    if (e === 'u') {
      const u = hexAt(text, i + 2, 4);
      return u < 0 ? undefined : { chars: String.fromCharCode(u), end: i + 6 };
    }
    return e !== undefined && SIMPLE_ESCAPES[e] !== undefined ? { chars: SIMPLE_ESCAPES[e], end: i + 2 } : undefined;
  }
  return c === 0x2b && plus ? { chars: ' ', end: i + 1 } : undefined;
}

/**
 * `text` with percent-escapes, JSON escapes and (with `plus`) form spaces decoded. Without
 * `spans` it copies the text between escapes in runs (a large body with a few escapes costs
 * little more than a copy); with `spans` it records, per decoded UTF-16 unit, the span
 * [from, to) of the original it came from.
 */
function decode(text: string, plus: boolean, spans?: Spans): string {
  if (!spans) {
    const starts = plus ? /[%\\+]/g : /[%\\]/g;
    let out = '';
    let at = 0;
    for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
      const e = escapeAt(text, m.index, plus);
      if (e === undefined) continue;
      out += text.slice(at, m.index) + e.chars;
      at = starts.lastIndex = e.end;
    }
    return at === 0 ? text : out + text.slice(at);
  }
  let out = '';
  for (let i = 0; i < text.length; ) {
    const e = escapeAt(text, i, plus);
    const chars = e?.chars ?? text[i]!;
    const next = e?.end ?? i + 1;
    for (let k = 0; k < chars.length; k++) {
      spans.from.push(i);
      spans.to.push(next);
    }
    out += chars;
    i = next;
  }
  return out;
}

function replaceSpans(text: string, cuts: [number, number][]): string {
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of cuts) {
    if (to <= at) continue;
    if (from >= at) out += text.slice(at, from) + REDACTED;
    at = to;
  }
  return out + text.slice(at);
}

/** The text decoded once and, when that still holds escapes, twice (a JSON string holding an escaped spelling). */
function decodings(text: string, plus: boolean): string[] {
  const once = decode(text, plus);
  return ESCAPE.test(once) ? [once, decode(once, plus)] : [once];
}

/** Redacts each secret as it reads decoded, once or twice. The common case (none occurs) decodes without spans. */
function redactDecoded(text: string, values: readonly string[], plus: boolean): string {
  const plain = decodings(text, plus);
  const found = values.filter((v) => plain.some((p) => p.includes(v)));
  if (found.length === 0) return text;
  const s1: Spans = { from: [], to: [] };
  const d1 = decode(text, plus, s1);
  const s2: Spans = { from: [], to: [] };
  const d2 = decode(d1, plus, s2);
  const cuts: [number, number][] = [];
  for (const v of found) {
    for (let k = d1.indexOf(v); k >= 0; k = d1.indexOf(v, k + 1)) cuts.push([s1.from[k]!, s1.to[k + v.length - 1]!]);
    // Through both layers: a unit of d2 spans units of d1, each of which spans the original.
    for (let k = d2.indexOf(v); k >= 0; k = d2.indexOf(v, k + 1)) cuts.push([s1.from[s2.from[k]!]!, s1.to[s2.to[k + v.length - 1]! - 1]!]);
  }
  return replaceSpans(text, cuts);
}

/** The secrets to search for and their plain spellings, longest first (an Authorization value goes whole before the signature in it). */
class SecretSet {
  readonly values: string[] = [];
  readonly spelled: string[] = [];
  #bytes: Buffer[] | undefined;
  withSpace = false;

  add(secret: string): void {
    if (secret.length < MIN_SECRET || this.values.includes(secret)) return;
    this.values.push(secret);
    this.values.sort((a, b) => b.length - a.length);
    this.withSpace ||= secret.includes(' ');
    for (const s of spellings(secret)) if (!this.spelled.includes(s)) this.spelled.push(s);
    this.spelled.sort((a, b) => b.length - a.length);
    this.#bytes = undefined;
  }

  copyInto(other: SecretSet): void {
    other.values.push(...this.values);
    other.spelled.push(...this.spelled);
    other.withSpace = this.withSpace;
  }

  /** The spellings as UTF-8, for searching a body without decoding it; made when first needed (each attempt adds a signature). */
  get bytes(): Buffer[] {
    return (this.#bytes ??= this.spelled.map((s) => Buffer.from(s, 'utf8')));
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.spelled) if (out.includes(s)) out = out.split(s).join(REDACTED);
    if (this.values.length === 0) return out;
    if (ESCAPE.test(out)) out = redactDecoded(out, this.values, false);
    if (this.withSpace && out.includes('+')) out = redactDecoded(out, this.values, true);
    return out;
  }

  mentionedIn(text: string): boolean {
    for (const s of this.spelled) if (text.includes(s)) return true;
    if (this.values.length === 0) return false;
    const has = (plain: string[]) => this.values.some((v) => plain.some((p) => p.includes(v)));
    return (ESCAPE.test(text) && has(decodings(text, false))) || (this.withSpace && text.includes('+') && has(decodings(text, true)));
  }
}

function setOf(secrets: readonly string[]): SecretSet {
  const set = new SecretSet();
  for (const s of secrets) set.add(s);
  return set;
}

/** Replaces every occurrence of each secret, however spelled, with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  return setOf(secrets).redact(text);
}

const redactors = new WeakMap<readonly string[], SecretSet>();

/** `redact` for a list of secrets that never changes (a client's), prepared once: validation runs it on every key. */
export function redactorFor(secrets: readonly string[]): (text: string) => string {
  let set = redactors.get(secrets);
  if (set === undefined) redactors.set(secrets, (set = setOf(secrets)));
  return (text) => set.redact(text);
}

// --- thrown values ---------------------------------------------------------------------------------

function isBuiltinPrototype(proto: object): boolean {
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  const global = typeof name === 'string' ? (globalThis as unknown as Record<string, { prototype?: unknown } | undefined>)[name] : undefined;
  return global?.prototype === proto;
}

function readProperty(holder: object, receiver: object, key: string | symbol): unknown {
  try {
    const d = Object.getOwnPropertyDescriptor(holder, key);
    return d === undefined ? undefined : 'value' in d ? d.value : d.get?.call(receiver);
  } catch {
    return undefined;
  }
}

/**
 * Every string reachable from a thrown value, beyond what util.inspect shows: getters of the
 * value's own classes (an adapter's `get request()`), non-enumerable and symbol-keyed fields.
 */
function reachableStrings(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const visit = (v: unknown, depth: number): void => {
    if (typeof v === 'string') {
      out.push(v);
      return;
    }
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v) || depth > 8 || seen.size > 10_000) return;
    seen.add(v);
    if (v instanceof Headers) {
      v.forEach((value, name) => out.push(name, value));
      return;
    }
    if (v instanceof Map) for (const [k, x] of v) (visit(k, depth + 1), visit(x, depth + 1));
    if (v instanceof Set) for (const x of v) visit(x, depth + 1);
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key === 'string') out.push(key);
      visit(readProperty(v, v, key), depth + 1);
    }
    for (let p = Object.getPrototypeOf(v) as object | null; p !== null && !isBuiltinPrototype(p); p = Object.getPrototypeOf(p) as object | null) {
      for (const key of Reflect.ownKeys(p)) if (key !== '__proto__' && Object.getOwnPropertyDescriptor(p, key)?.get) visit(readProperty(p, v, key), depth + 1);
    }
  };
  visit(root, 0);
  return out;
}

/**
 * The secrets of one call: the credentials' own, plus what each attempt puts in a credential
 * header (the signature changes with every X-Sdk-Date).
 */
export class CallSecrets {
  readonly #set = new SecretSet();

  constructor(initial: readonly string[] | CallSecrets) {
    // A call starts from its client's secrets, spelled out once when the client was made.
    if (initial instanceof CallSecrets) initial.#set.copyInto(this.#set);
    else for (const s of initial) this.#set.add(s);
  }

  add(secret: string): void {
    this.#set.add(secret);
  }

  /** Records what an attempt sends in its credential headers. */
  addCredentialHeaders(headers: Record<string, string>): void {
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (lower === 'authorization') {
        this.add(value);
        const signature = /Signature=([0-9A-Fa-f]+)/.exec(value)?.[1];
        if (signature) this.add(signature);
      } else if (lower === 'x-auth-token' || lower === 'x-security-token') {
        this.add(value);
      }
    }
  }

  get values(): readonly string[] {
    return this.#set.values;
  }

  mentionedIn(text: string): boolean {
    return this.#set.mentionedIn(text);
  }

  redact(text: string): string {
    return this.#set.redact(text);
  }

  /**
   * The body with every secret redacted; the same bytes (not a copy) when none occurs. `cut`:
   * the body is a prefix of a longer one, which may end inside a secret; that start goes too.
   */
  redactBytes(body: Uint8Array, cut = false): Uint8Array {
    if (this.#set.values.length === 0 || body.length === 0) return body;
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const escaped = buf.indexOf(0x25) >= 0 || buf.indexOf(0x5c) >= 0 || (this.#set.withSpace && buf.indexOf(0x2b) >= 0);
    if (!cut && !escaped && !this.#set.bytes.some((b) => buf.indexOf(b) >= 0)) return body;
    const text = buf.toString('utf8');
    let clean = this.#set.redact(text);
    if (cut) clean = this.#redactTail(clean);
    return clean === text ? body : Buffer.from(clean, 'utf8');
  }

  /** A text cut short that ends with the start of a secret (4 characters or more, spelled any way): that start replaced. */
  #redactTail(text: string): string {
    // A cut may also fall inside an escape or a UTF-8 sequence: what is left of it goes with the secret.
    const partial = /(?:%[0-9A-Fa-f]?|\\(?:u[0-9A-Fa-f]{0,3})?|\ufffd+)$/.exec(text);
    const whole = partial ? text.slice(0, partial.index) : text;
    const longest = this.#set.values[0]?.length ?? 0;
    const start = Math.max(0, whole.length - longest * 12);
    const spans: Spans = { from: [], to: [] };
    const tail = decode(whole.slice(start), false, spans);
    for (const v of this.#set.values) {
      for (let k = Math.min(v.length - 1, tail.length); k >= MIN_SECRET; k--) {
        if (tail.endsWith(v.slice(0, k))) return `${whole.slice(0, start + spans.from[tail.length - k]!)}${REDACTED}`;
      }
    }
    return text;
  }

  /** Headers with every secret redacted; the same object when none occurs. */
  redactHeaders(headers: Headers): Headers {
    let dirty = false;
    headers.forEach((value) => {
      dirty ||= this.mentionedIn(value);
    });
    if (!dirty) return headers;
    const clean = new Headers();
    headers.forEach((value, name) => clean.append(name, this.redact(value)));
    return clean;
  }

  /** Does `value` mention a secret: as util.inspect shows it (custom inspectors such as Headers' too), or in any string reachable from it? */
  mentionedInValue(value: unknown): boolean {
    let text: string;
    try {
      text = inspect(value, { depth: 10, showHidden: true, getters: false, maxStringLength: Infinity, maxArrayLength: Infinity, breakLength: Infinity });
    } catch {
      return true;
    }
    // inspect shows a string quoted, with `\` and possibly `'` escaped: decoding undoes both.
    return this.mentionedIn(text) || reachableStrings(value).some((s) => this.mentionedIn(s));
  }

  /**
   * A thrown value that may carry the request (fetch errors hold its options): when it
   * mentions a secret, only name, code, message (redacted) and the errors of an
   * AggregateError survive, down the cause chain.
   */
  scrub(err: unknown): unknown {
    return this.mentionedInValue(err) ? this.#scrubbed(err, 0) : err;
  }

  #scrubbed(err: unknown, depth: number): Error {
    const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; errors?: unknown };
    const message = typeof e.message === 'string' ? e.message : typeof err === 'string' ? err : 'request failed';
    const cause = e.cause !== undefined && depth < 3 ? { cause: this.#scrubbed(e.cause, depth + 1) } : undefined;
    const copy = new Error(this.redact(message), cause);
    if (typeof e.name === 'string') copy.name = this.redact(e.name);
    if (typeof e.code === 'string') Object.assign(copy, { code: this.redact(e.code) });
    // Which addresses were tried and how each failed decides whether a POST may be retried.
    if (Array.isArray(e.errors) && depth < 3) Object.assign(copy, { errors: e.errors.slice(0, 16).map((x) => this.#scrubbed(x, depth + 1)) });
    return copy;
  }
}
