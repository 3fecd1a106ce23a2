// A loopback server that reflects every request it receives back into its response, the way
// a careless gateway, proxy or error page does: each request header in response headers (as
// is, JSON-\u-escaped, percent-encoded upper and lower case, form-encoded, every byte
// percent-encoded), the credential headers in X-Request-Id, WWW-Authenticate, Set-Cookie, a
// Location (on a 3xx) and the status text, and all of it in the body (JSON, malformed JSON,
// text, HTML, or a long body cut by the client's error-body limit right inside a secret). It
// records what it received, so a test can compute every value the client sent (each
// attempt's signature included) and search every surface for them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';

export interface EchoRequest {
  method: string;
  /** Path and query, as the request line carried them. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
}

export type Shape = 'json' | 'malformed' | 'text' | 'html' | 'empty' | 'straddle';

export interface EchoReply {
  status: number;
  shape?: Shape;
  /** A fixed JSON body instead of the echo (to check that what holds no secret arrives unchanged). */
  body?: string;
}

/** The headers that carry a credential: what a server can echo that the client must redact. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-auth-token', 'x-security-token'] as const;

/** The error-body prefix the client reads (src/client.ts MAX_ERROR_BODY_BYTES); `straddle` cuts a secret in two there. */
export const ERROR_BODY_LIMIT = 64 * 1024;

// --- the spellings a reflected value takes ----------------------------------------------------

/** Every UTF-16 code unit as \uXXXX (mixed case, as encoders differ). */
export function uEscape(s: string, upper = false): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const hex = s.charCodeAt(i).toString(16).padStart(4, '0');
    out += `\\u${upper ? hex.toUpperCase() : hex}`;
  }
  return out;
}

export const pct = (s: string) => encodeURIComponent(s);
export const pctLower = (s: string) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
export const formEncoded = (s: string) => new URLSearchParams({ v: s }).toString().slice(2);
/** Every UTF-8 byte percent-encoded, letters and digits too. */
export const pctAll = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

/** What fits in a header value or status text as is (printable ASCII). */
const headerSafe = (s: string) => /^[\x20-\x7e]*$/.test(s);

const VARIANTS: [string, (s: string) => string][] = [
  ['u', (s) => uEscape(s, true)],
  ['pct', pct],
  ['pctl', pctLower],
  ['form', formEncoded],
  ['pcta', pctAll],
];

export interface EchoServer {
  url: string;
  origin: string;
  /** Every request received, in order. */
  received: EchoRequest[];
  /** Replies for the next requests, in order; after them, `fallback` (default 200 JSON). */
  plan(replies: EchoReply[], fallback?: EchoReply): void;
  /** Values the server also echoes, as if it had learnt them some other way (the secret key). */
  plant(values: string[]): void;
  /** Runs on each request before the reply (the tests move the fake clock here: one X-Sdk-Date, one signature per attempt). */
  onRequest: ((r: EchoRequest) => void) | undefined;
  reset(): void;
  close(): Promise<void>;
}

function collect(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function jsonString(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** The body of a reply: every echoed value in every spelling, in the shape asked for. */
function bodyOf(shape: Shape, r: EchoRequest, echoed: string[]): string {
  const all = echoed.join(' ');
  const first = echoed[0] ?? '';
  const spelled = VARIANTS.map(([name, f]) => `"${name}":"${jsonString(f(all))}"`).join(',');
  const requestEcho = JSON.stringify({ method: r.method, path: r.path, headers: r.headers, body: r.body.toString('utf8') });
  // The message carries the values as JSON escapes too, so that the message a client decodes holds them verbatim.
  const json =
    `{"error_code":"ModelArts.0101","error_msg":"echo ${jsonString(all)} ${uEscape(all)} ${jsonString(pct(all))} ${jsonString(pctLower(all))}",` +
    `"request_id":"${uEscape(first)}","error":{"code":"${jsonString(first)}","message":"${jsonString(all)}"},` +
    `"u_lower":"${uEscape(all)}",${spelled},"request":${requestEcho},"tasks":[],"count":0,"versions":[],"results":[],"items":[],"total":0}`;
  switch (shape) {
    case 'json':
      return json;
    case 'malformed':
      // Cut short: no client can parse it, but the fields at its start are still readable.
      return `{"error_code":"ModelArts.0101","request_id":"${uEscape(first)}","error_msg":"echo ${uEscape(all)} ${jsonString(all)} ${pct(all)}`;
    case 'text':
      return `echo ${all}\n${VARIANTS.map(([name, f]) => `${name}: ${f(all)}`).join('\n')}\n`;
    case 'html':
      return `<html><head><title>${all}</title></head><body><h1>Error</h1><p>${pct(all)}</p><pre>${uEscape(all)}</pre><p>${'x '.repeat(120)}${all}</p></body></html>`;
    case 'empty':
      return '';
    case 'straddle': {
      // The first echoed value starts before the limit and ends after it.
      const lead = `{"error_code":"ModelArts.0101","error_msg":"`;
      const cut = Math.max(1, Math.floor(Buffer.byteLength(first) / 2));
      const pad = ' '.repeat(Math.max(0, ERROR_BODY_LIMIT - Buffer.byteLength(lead) - cut));
      return `${lead}${pad}${first} ${all}"}`;
    }
  }
}

export async function startEchoServer(): Promise<EchoServer> {
  let queue: EchoReply[] = [];
  let fallback: EchoReply = { status: 200, shape: 'json' };
  let planted: string[] = [];
  const received: EchoRequest[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await collect(req);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    const r: EchoRequest = { method: req.method ?? '', path: req.url ?? '', headers, body };
    received.push(r);
    echo.onRequest?.(r);
    const reply = queue.shift() ?? fallback;
    const credentials = CREDENTIAL_HEADERS.map((h) => headers[h]).filter((v): v is string => v !== undefined);
    const echoed = [...credentials, ...planted];
    const safe = echoed.filter(headerSafe);
    const out: Record<string, string | string[]> = { 'content-type': reply.shape === 'html' ? 'text/html' : reply.shape === 'text' ? 'text/plain' : 'application/json' };
    for (const [name, value] of Object.entries(headers)) {
      if (headerSafe(value)) out[`x-echo-${name}`] = value;
    }
    for (const [i, value] of echoed.entries()) {
      if (headerSafe(value)) out[`x-echo-${i}`] = value;
      for (const [variant, f] of VARIANTS) out[`x-echo-${i}-${variant}`] = f(value);
    }
    out['x-request-id'] = safe[0] ?? 'rid-echo';
    out['www-authenticate'] = `SDK-HMAC-SHA256 realm="modelarts", echoed="${safe.join(' ')}"`;
    out['set-cookie'] = echoed.map((v, i) => `echo${i}=${pct(v)}; Path=/`);
    if (reply.status >= 300 && reply.status < 400) {
      const q = echoed.map((v, i) => `a${i}=${pct(v)}&b${i}=${pctLower(v)}&c${i}=${formEncoded(v)}&d${i}=${pctAll(v)}`).join('&');
      out.location = `https://elsewhere.example.test/callback?${q}&raw=${safe.join('')}`;
    }
    if (reply.status === 429 || reply.status === 503) out['retry-after'] = '0';
    const text = reply.body ?? bodyOf(reply.shape ?? 'json', r, echoed);
    const status = `Echo ${safe.join(' ')}`.slice(0, 2000);
    res.writeHead(reply.status, status, out);
    res.end(reply.status === 204 || reply.status === 304 ? undefined : text);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.statusCode = 599;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const echo: EchoServer = {
    url: origin,
    origin,
    received,
    plan(replies, fb) {
      queue = [...replies];
      if (fb) fallback = fb;
    },
    plant(values) {
      planted = [...values];
    },
    onRequest: undefined,
    reset() {
      received.length = 0;
      queue = [];
      fallback = { status: 200, shape: 'json' };
      planted = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return echo;
}

/**
 * An echo server under a fake clock (Date only; timers stay real) that moves one second per
 * request: one X-Sdk-Date, hence one signature, per attempt. `stop` puts the real clock back.
 */
export async function startClockedEchoServer(start: string): Promise<{ server: EchoServer; stop: () => Promise<void> }> {
  const server = await startEchoServer();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(start));
  server.onRequest = () => vi.setSystemTime(Date.now() + 1000);
  return {
    server,
    stop: async () => {
      vi.useRealTimers();
      await server.close();
    },
  };
}
