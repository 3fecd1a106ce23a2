// Maps an error response to its typed error. Bodies come in many shapes: ModelArts'
// `error_code`/`error_msg`, the gateway's with `request_id`, other Huawei services'
// `errorCode`/`errorMsg` or `code`/`message` (also nested under `error`), HTML from a proxy,
// plain text, or nothing. Every shape gives a useful message; none can leak a secret.
import {
  ClientRequestError,
  RedirectError,
  ServerResponseError,
  type ServiceErrorDetails,
  type ServiceResponseError,
} from './errors.ts';
import { redact } from './redaction.ts';

const MAX_MESSAGE = 500;

type Fields = { code?: string; msg?: string; requestId?: string };

function pick(obj: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = obj[key];
    if (typeof v === 'string' && v.length > 0) return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

function fieldsOf(body: unknown): Fields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const obj = body as Record<string, unknown>;
  const fields: Fields = {
    code: pick(obj, 'error_code', 'errorCode', 'code'),
    msg: pick(obj, 'error_msg', 'errorMsg', 'message', 'msg'),
    requestId: pick(obj, 'request_id', 'requestId'),
  };
  if ((!fields.code || !fields.msg) && typeof obj.error === 'object' && obj.error !== null) {
    const nested = fieldsOf(obj.error);
    fields.code ??= nested.code;
    fields.msg ??= nested.msg;
  }
  return fields;
}

/** The `"name": "string"` pairs of a JSON text that does not parse, first occurrence of each name. */
function stringFields(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const m of text.matchAll(/"([A-Za-z_]{1,32})"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g)) {
    if (Object.hasOwn(out, m[1]!)) continue;
    try {
      out[m[1]!] = JSON.parse(`"${m[2]!}"`) as string;
    } catch {
      // A bad escape: skip the field.
    }
  }
  return out;
}

/** A short, single-line, readable excerpt of a non-JSON body (HTML tags stripped). */
function excerpt(text: string): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

export interface ErrorResponse {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body as openapi-fetch decoded it (object when JSON), or its text. */
  body: unknown;
  attempts: number;
}

export function toServiceError(res: ErrorResponse, secrets: readonly string[]): ServiceResponseError {
  let body = res.body;
  let salvaged: Fields = {};
  if (typeof body === 'string' && /^\s*[[{]/.test(body)) {
    const text = body;
    try {
      body = JSON.parse(text);
    } catch {
      // Malformed JSON is reported as text below. It is often a body the transport cut at
      // its size limit, whose code (first in every known shape) is still there to read.
      salvaged = fieldsOf(stringFields(text));
    }
  }
  const f = typeof body === 'string' ? salvaged : fieldsOf(body);
  let msg = f.msg;
  if (msg === undefined && typeof body === 'string' && body.trim()) msg = excerpt(body);
  if (msg === undefined) msg = res.statusText || 'no error message in the response';
  const details: ServiceErrorDetails = {
    status: res.status,
    errorCode: f.code === undefined ? undefined : redact(f.code, secrets).slice(0, 64),
    errorMsg: redact(msg, secrets).slice(0, MAX_MESSAGE),
    requestId: res.headers.get('x-request-id') ?? f.requestId,
    attempts: res.attempts,
  };
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get('location');
    return new RedirectError(
      { ...details, errorMsg: `redirect to ${location ?? '(no location)'} not followed` },
      location ?? undefined,
    );
  }
  return res.status >= 500 ? new ServerResponseError(details) : new ClientRequestError(details);
}
