// Secrets out of everything the client hands back. Credentials keep secrets in private
// fields; these helpers cover what comes from outside: a server or a fetch implementation
// echoing a token or key in a header, a status text, a body or a thrown error.
import { inspect } from 'node:util';

/** Replaces every occurrence of each secret with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

// inspect, not a walk of own properties: it also sees what custom inspectors (Headers) show.
function mentionsSecret(value: unknown, secrets: readonly string[]): boolean {
  let text: string;
  try {
    text = inspect(value, { depth: 10, showHidden: true, getters: false, maxStringLength: Infinity, maxArrayLength: Infinity, breakLength: Infinity });
  } catch {
    return true;
  }
  // inspect shows a string quoted, with `\` and possibly `'` escaped.
  return secrets.some((s) => {
    const escaped = s.replace(/\\/g, '\\\\');
    return text.includes(s) || text.includes(escaped) || text.includes(escaped.replace(/'/g, "\\'"));
  });
}

/** Only name, code and message (redacted) survive, down the cause chain: any other field may hold the request. */
function scrubbed(err: unknown, secrets: readonly string[], depth = 0): Error {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const message = typeof e.message === 'string' ? e.message : typeof err === 'string' ? err : 'request failed';
  const cause = e.cause !== undefined && depth < 3 ? { cause: scrubbed(e.cause, secrets, depth + 1) } : undefined;
  const copy = new Error(redact(message, secrets), cause);
  if (typeof e.name === 'string') copy.name = redact(e.name, secrets);
  if (typeof e.code === 'string') Object.assign(copy, { code: redact(e.code, secrets) });
  return copy;
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * The fetch beneath the transport, so that nothing downstream (logger, result, typed errors,
 * `raw` callers) can hold a secret the server or the fetch implementation echoed: response
 * headers and status text are redacted, and a thrown error that mentions a secret (as
 * errors that carry the request's options do) is replaced by a scrubbed copy.
 */
export function redactingFetch(inner: typeof globalThis.fetch, secrets: readonly string[]): typeof globalThis.fetch {
  return async (input, init) => {
    let res: Response;
    try {
      res = await inner(input, init);
    } catch (err) {
      throw mentionsSecret(err, secrets) ? scrubbed(err, secrets) : err;
    }
    // Checked without allocating: this runs on every response.
    const mentions = (text: string) => secrets.some((s) => s.length >= 4 && text.includes(s));
    let dirty = mentions(res.statusText);
    res.headers.forEach((value) => {
      dirty ||= mentions(value);
    });
    if (!dirty) return res;
    const headers = new Headers();
    res.headers.forEach((value, name) => headers.append(name, redact(value, secrets)));
    return new Response(NULL_BODY_STATUS.has(res.status) ? null : res.body, {
      status: res.status,
      statusText: redact(res.statusText, secrets),
      headers,
    });
  };
}
