// The error bodies the emulator answers with. Messages come from the spec's own named
// examples (so a client sees what the contract documents); codes the spec has no example for
// yet fall back to the wording of Huawei's error-code appendix.

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

type Json = Record<string, unknown>;

/** Every `{ error_code, error_msg }` example value anywhere in the bundled spec, first one wins. */
function examplesOf(spec: Json): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const value = (node as Json).value as Json | undefined;
    if (value && typeof value.error_code === 'string' && typeof value.error_msg === 'string' && !found.has(value.error_code)) {
      found.set(value.error_code, value.error_msg);
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(spec);
  return found;
}

export interface ErrorCatalogue {
  body(error: ServiceError, requestId: string): ErrorBody;
}

export function errorCatalogue(spec: Json): ErrorCatalogue {
  const documented = examplesOf(spec);
  return {
    body(error, requestId) {
      const base = documented.get(error.code) ?? APPENDIX[error.code] ?? 'Error.';
      const error_msg = error.detail ? `${base.replace(/\.$/, '')}: ${error.detail}` : base;
      // Gateway errors carry the request id in the body too (Huawei's gateway documentation).
      return error.code.startsWith('APIGW.') ? { error_code: error.code, error_msg, request_id: requestId } : { error_code: error.code, error_msg };
    },
  };
}
