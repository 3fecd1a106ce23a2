// Reading a request body within a size limit. A declared Content-Length over the limit is
// refused before a byte is read; a chunked body is counted as it arrives and refused as soon
// as it passes the limit, so no request is ever buffered beyond it.
import type { IncomingMessage } from 'node:http';
import { ServiceError } from './error-responses.ts';

export class BodyTooLarge extends ServiceError {
  constructor(limit: number) {
    super(400, 'ModelArts.0101', `request body is larger than ${limit} bytes`);
  }
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The body as the validator sees it: undefined when empty, decoded JSON for a JSON media
 * type (malformed JSON is refused here), the text otherwise (the validator then refuses the
 * media type).
 */
export function decodeBody(body: Buffer, contentType: string | undefined): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  if (contentType === undefined || !JSON_TYPE.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ServiceError(400, 'ModelArts.0101', `request body is not valid JSON (${(err as Error).message})`);
  }
}
