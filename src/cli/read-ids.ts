// Task ids from the command line, a file or stdin. Files and stdin are read line by line
// through readline, which pauses the stream while the bulk loop is busy, so only a few KiB
// beyond the ids in flight are ever held, however large the input.
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { UsageError } from './exit-codes.ts';

/** Far above any task id (64 characters): a longer line means the input is not a list of ids. */
export const MAX_LINE_BYTES = 4096;

/** The input could not be read, or is not a list of ids. */
export class IdsInputError extends UsageError {
  override name = 'IdsInputError';
}

/** Fails the stream at the first line longer than `max` bytes, before readline buffers it whole. */
class LineLengthGuard extends Transform {
  #run = 0;
  #line = 1;
  constructor(
    private readonly max: number,
    private readonly name: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      this.#run += (nl === -1 ? chunk.length : nl) - from;
      if (this.#run > this.max) {
        callback(new IdsInputError(`${this.name}: line ${this.#line} is longer than ${this.max} bytes; expected one task id per line`));
        return;
      }
      if (nl === -1) break;
      this.#run = 0;
      this.#line++;
      from = nl + 1;
    }
    callback(null, chunk);
  }
}

/**
 * An id, or nothing for a blank line or a `#` comment line. A comment may also follow an id
 * after white space (`SNEJua7qdZZN8GvkcEr  # old run`), as in shell scripts; a `#` with no
 * space before it stays part of the line, so `abc#def` is reported as an invalid id rather
 * than silently becoming `abc`.
 */
export function idOfLine(line: string): string | undefined {
  const id = line.replace(/(^|\s)#.*$/, '').trim();
  return id === '' ? undefined : id;
}

export interface ReadOptions {
  /** For messages: the file's path, or "stdin". */
  name: string;
  /** Closes the input, ending the iteration, e.g. on Ctrl-C while stdin is idle. */
  signal?: AbortSignal;
  /** Destroy the input when done (a file we opened; never stdin). */
  owned: boolean;
}

export async function* readIds(input: Readable, options: ReadOptions): AsyncGenerator<string, void, undefined> {
  let failure: Error | undefined;
  const guard = new LineLengthGuard(MAX_LINE_BYTES, options.name);
  // pipeline() carries the input's own errors (EIO, EISDIR...) to one place; readline alone would drop them.
  const lines = createInterface({ input: pipeline(input, guard, () => {}), crlfDelay: Infinity });
  const stop = (error?: Error) => {
    failure ??= error;
    lines.close();
  };
  const onError = (error: Error) =>
    stop(error instanceof IdsInputError ? error : new IdsInputError(`cannot read ids from ${options.name}: ${error.message}`));
  guard.on('error', onError);
  input.on('error', onError);
  const onAbort = () => stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let first = true;
    for await (const raw of lines) {
      const line = first ? raw.replace(/^\uFEFF/, '') : raw;
      first = false;
      const id = idOfLine(line);
      if (id !== undefined) yield id;
      if (failure) break;
    }
    if (failure) throw failure;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    lines.close();
    // The error listeners stay: destroying mid-stream makes the pipeline emit one more error.
    if (options.owned) input.destroy();
    else input.unpipe(guard);
  }
}

/** Opens the ids file now, so that a missing or unreadable file is a usage error before anything is sent. */
export async function openIdsFile(path: string): Promise<Readable> {
  let handle;
  try {
    handle = await open(path, 'r');
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (err) {
    await handle?.close();
    const e = err as NodeJS.ErrnoException;
    throw new IdsInputError(`cannot read ids file ${JSON.stringify(path)}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  return handle.createReadStream({ autoClose: true });
}

/** Counts the id lines of a file (duplicates and invalid ones included), streaming. */
export async function countIdLines(path: string): Promise<number> {
  let n = 0;
  for await (const _ of readIds(await openIdsFile(path), { name: path, owned: true })) n++;
  return n;
}

/** The ids of the command line, then those of the file or stdin. */
export async function* chain(first: readonly string[], rest: AsyncIterable<string> | undefined): AsyncGenerator<string, void, undefined> {
  yield* first;
  if (rest) yield* rest;
}
