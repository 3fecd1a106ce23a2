// Secrets out of everything the client hands back. Credentials keep their secrets in private
// fields; what comes from outside (a server or a fetch implementation echoing a token, a key,
// a signature or a whole Authorization header in a header, a status text, a body or a thrown
// error) is redacted here, with every value the client put in a credential header during the
// call: the static secrets and each attempt's signature and Authorization value.
import { inspect } from 'node:util';

const MIN_SECRET = 4;
const REDACTED = '[redacted]';
const UNICODE_ESCAPE = Buffer.from('\\u', 'latin1');

/** The spellings a secret takes when echoed: as is, inside JSON, percent-encoded. */
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, json, json.replace(/\//g, '\\/'), encodeURIComponent(secret)])];
}

/** Replaces every occurrence of each secret with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET) continue;
    for (const s of spellings(secret)) if (out.includes(s)) out = out.split(s).join(REDACTED);
  }
  return out;
}

/**
 * The secrets of one call: the credentials' own, plus what each attempt puts in a credential
 * header (the signature changes with every X-Sdk-Date). Longest first, so an Authorization
 * value is replaced whole before the signature inside it.
 */
export class CallSecrets {
  #values: string[];
  #spelled: string[];
  #bytes: Buffer[];

  constructor(initial: readonly string[] | CallSecrets) {
    if (initial instanceof CallSecrets) {
      // A call starts from its client's secrets, spelled out once when the client was made.
      this.#values = [...initial.#values];
      this.#spelled = [...initial.#spelled];
      this.#bytes = [...initial.#bytes];
      return;
    }
    this.#values = [];
    this.#spelled = [];
    this.#bytes = [];
    for (const s of initial) this.add(s);
  }

  add(secret: string): void {
    if (secret.length < MIN_SECRET || this.#values.includes(secret)) return;
    this.#values.push(secret);
    for (const s of spellings(secret)) {
      if (this.#spelled.includes(s)) continue;
      this.#spelled.push(s);
      this.#bytes.push(Buffer.from(s, 'utf8'));
    }
    this.#values.sort((a, b) => b.length - a.length);
    const order = this.#spelled.map((s, i) => [s, this.#bytes[i]!] as const).sort((a, b) => b[0].length - a[0].length);
    this.#spelled = order.map(([s]) => s);
    this.#bytes = order.map(([, b]) => b);
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
    return this.#values;
  }

  mentionedIn(text: string): boolean {
    for (const s of this.#spelled) if (text.includes(s)) return true;
    return false;
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.#spelled) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }

  /** The body with every secret redacted; the same bytes (not a copy) when none occurs. */
  redactBytes(body: Uint8Array): Uint8Array {
    if (this.#bytes.length === 0 || body.length === 0) return body;
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    let out: Uint8Array = body;
    if (this.#bytes.some((b) => buf.indexOf(b) >= 0)) out = Buffer.from(this.redact(buf.toString('utf8')), 'utf8');
    // JSON may spell any character as \uXXXX, which no byte search sees but JSON.parse (the
    // error mapping's, openapi-fetch's) turns back into the secret: check the decoded strings.
    if (buf.indexOf(UNICODE_ESCAPE) >= 0) out = this.#redactJsonStrings(out);
    return out;
  }

  #redactJsonStrings(body: Uint8Array): Uint8Array {
    let doc: unknown;
    try {
      doc = JSON.parse(Buffer.from(body).toString('utf8'));
    } catch {
      return body;
    }
    let changed = false;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') {
        const r = this.redact(v);
        if (r !== v) changed = true;
        return r;
      }
      if (Array.isArray(v)) return v.map(walk);
      if (typeof v === 'object' && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k) as string, walk(x)]));
      }
      return v;
    };
    const clean = walk(doc);
    return changed ? Buffer.from(JSON.stringify(clean), 'utf8') : body;
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

  /** Does `value`, as util.inspect shows it (what custom inspectors such as Headers' show too), mention a secret? */
  mentionedInValue(value: unknown): boolean {
    let text: string;
    try {
      text = inspect(value, { depth: 10, showHidden: true, getters: false, maxStringLength: Infinity, maxArrayLength: Infinity, breakLength: Infinity });
    } catch {
      return true;
    }
    // inspect shows a string quoted, with `\` and possibly `'` escaped.
    return this.#values.some((s) => {
      const escaped = s.replace(/\\/g, '\\\\');
      return text.includes(s) || text.includes(escaped) || text.includes(escaped.replace(/'/g, "\\'")) || this.mentionedIn(text);
    });
  }

  /**
   * A thrown value that may carry the request (fetch errors hold its options): when it
   * mentions a secret, only name, code and message (redacted) survive, down the cause chain.
   */
  scrub(err: unknown): unknown {
    return this.mentionedInValue(err) ? this.#scrubbed(err, 0) : err;
  }

  #scrubbed(err: unknown, depth: number): Error {
    const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    const message = typeof e.message === 'string' ? e.message : typeof err === 'string' ? err : 'request failed';
    const cause = e.cause !== undefined && depth < 3 ? { cause: this.#scrubbed(e.cause, depth + 1) } : undefined;
    const copy = new Error(this.redact(message), cause);
    if (typeof e.name === 'string') copy.name = this.redact(e.name);
    if (typeof e.code === 'string') Object.assign(copy, { code: this.redact(e.code) });
    return copy;
  }
}
