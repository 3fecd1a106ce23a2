// The error bodies the emulator answers with. Messages come from the spec's own named
// examples for that status and code (so a client sees what the contract documents); a code
// the spec has no example for falls back to the wording of Huawei's error-code appendix.

export interface ErrorBody {
  error_code: string;
  error_msg: string;
  request_id?: string;
}

/** A refusal a handler or a check raises; the server turns it into the response. */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly status: number,
    readonly code: string,
    /** Added to the documented message, after a colon. */
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }
}

// Huawei's error-code appendix (see /work/shared/reference), for codes without a spec example.
const APPENDIX: Record<string, string> = {
  'ModelArts.0101': 'Invalid request parameter.',
  'ModelArts.0010': 'Internal error.',
  'ModelArts.0210': 'The project id in the request URL does not match the token.',
  'ModelArts.2799': 'Too many requests. Try again later.',
  'ModelArts.4700': 'Task does not exist.',
  'ModelArts.4709': 'Data preprocessing task already exists.',
  'ModelArts.4850': 'Process task is initializing, the operation is forbidden.',
  'ModelArts.4851': 'Task version not found.',
  'APIGW.0101': 'The API does not exist or has not been published in the environment.',
  'APIGW.0301': 'Incorrect IAM authentication information.',
};

type Json = Record<string, any>;

/** Follows local `#/...` references of the bundled spec. */
function deref(spec: Json, node: Json | undefined): Json | undefined {
  let current = node;
  while (typeof current?.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce((obj: Json | undefined, key) => obj?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current;
}

/**
 * The documented message of every error example, keyed by HTTP status and code: one code can
 * mean two things (400 ModelArts.4700 "Task does not exist", 503 ModelArts.4700 "Unavailable
 * gateway."), so the status picks the example.
 */
function examplesOf(spec: Json): Map<string, string> {
  const found = new Map<string, string>();
  for (const item of Object.values(spec.paths ?? {}) as Json[]) {
    for (const operation of Object.values(item)) {
      for (const [status, raw] of Object.entries((operation as Json)?.responses ?? {})) {
        for (const media of Object.values(deref(spec, raw as Json)?.content ?? {}) as Json[]) {
          for (const example of Object.values(media.examples ?? {}) as Json[]) {
            const value = deref(spec, example)?.value as Json | undefined;
            const key = `${status} ${String(value?.error_code)}`;
            if (typeof value?.error_msg === 'string' && !found.has(key)) found.set(key, value.error_msg);
          }
        }
      }
    }
  }
  return found;
}

export interface ErrorCatalogue {
  body(error: ServiceError, requestId: string): ErrorBody;
}

export function errorCatalogue(spec: Json): ErrorCatalogue {
  const documented = examplesOf(spec);
  return {
    body(error, requestId) {
      const base = documented.get(`${error.status} ${error.code}`) ?? APPENDIX[error.code] ?? 'Error.';
      const error_msg = error.detail ? `${base.replace(/\.$/, '')}: ${error.detail}` : base;
      // Gateway errors carry the request id in the body too (Huawei's gateway documentation).
      return error.code.startsWith('APIGW.') ? { error_code: error.code, error_msg, request_id: requestId } : { error_code: error.code, error_msg };
    },
  };
}
