// Paging, once for every operation that pages with offset and limit (the generator records
// which ones, and their item and total fields). ModelArts' `offset` is a page index ("Start
// page of the paging list"; see the spec), so page n is offset=n. A page is fetched only when
// the previous one has been consumed, only one page is held at a time, and the iteration
// stops at the reported total. A server that returns the same page twice, or more pages than
// its own total allows, is refused rather than followed into an endless loop.
import type { OperationId, PageableOperationId } from '../generated/client.ts';
import { snapshotOf, type ApiResult, type CallOptions, type Core } from './call.ts';
import { InvalidResponseError, ValidationError } from './errors.ts';
import { OPERATIONS, PARAMETERS, type ParameterRule } from './validate.ts';

function queryRule(id: PageableOperationId, name: string): ParameterRule {
  const key = OPERATIONS[id as OperationId].params.find((k) => PARAMETERS[k]!.in === 'query' && PARAMETERS[k]!.name === name)!;
  return PARAMETERS[key]!;
}

/** A cheap identity of a page, to notice a server that does not advance. */
function fingerprint(items: readonly unknown[]): string {
  return items.length === 0 ? '' : `${items.length}:${JSON.stringify(items[0])}:${JSON.stringify(items[items.length - 1])}`;
}

/**
 * The items of every page, one at a time. Items are handed out from the page in hand without
 * an async generator's per-item machinery (a listing of 10,000 tasks paid for it more than for
 * all its requests' own work: npm run bench, B7); a page is still fetched only when wanted.
 */
export function paginate(
  call: Core,
  id: PageableOperationId,
  given: Record<string, unknown> | undefined,
  options: CallOptions | undefined,
): AsyncIterableIterator<unknown> {
  const source = pages(call, id, given, options);
  let items: readonly unknown[] = [];
  let i = 0;
  const iterator: AsyncIterableIterator<unknown> = {
    next(): Promise<IteratorResult<unknown>> {
      if (i < items.length) return Promise.resolve({ value: items[i++], done: false });
      return source.next().then((page) => {
        if (page.done) return { value: undefined, done: true };
        items = page.value;
        i = 0;
        return iterator.next();
      });
    },
    // Leaving a for-await early ends the page source too (no further page is fetched).
    return: async () => {
      await source.return(undefined);
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** Every page's items, fetched one page at a time. */
async function* pages(
  call: Core,
  id: PageableOperationId,
  given: Record<string, unknown> | undefined,
  options: CallOptions | undefined,
): AsyncGenerator<readonly unknown[], void, undefined> {
  // Every page is requested with the input as it read on the first: the same resource throughout.
  const input = snapshotOf(given) as Record<string, unknown> | undefined;
  const paging = OPERATIONS[id as OperationId]?.paging;
  if (!paging) throw new ValidationError('operationId', `${id} does not page`);
  const limitField = queryRule(id, paging.limit).field;
  const offsetField = queryRule(id, paging.offset).field;
  if (input !== undefined && (typeof input !== 'object' || input === null)) throw new ValidationError('input', 'must be an object');
  if (input !== undefined && offsetField in input) {
    throw new ValidationError(offsetField, 'is set by the iterator, page after page; call the operation itself for one page');
  }
  // The largest page the spec allows: fewer round trips for the same items.
  const pageSize = input?.[limitField] ?? queryRule(id, paging.limit).schema.maximum;
  let previous: string | undefined;
  let seen = 0;
  for (let page = 0; ; page++) {
    const result = (await call(id, { ...input, [limitField]: pageSize, [offsetField]: page }, options)) as ApiResult<Record<string, unknown>>;
    const data = result.data ?? {};
    const items = (data[paging.items] ?? []) as unknown[];
    const total = data[paging.total];
    if (!Array.isArray(items) || (total !== undefined && typeof total !== 'number')) {
      throw new InvalidResponseError(`${id} page ${page}: "${paging.items}" is not a list or "${paging.total}" not a number`, result.status, result.requestId, result.attempts);
    }
    if (items.length === 0) return;
    const print = fingerprint(items);
    if (print === previous) {
      throw new InvalidResponseError(`${id} page ${page} repeats page ${page - 1}: the server does not advance; stopped`, result.status, result.requestId, result.attempts);
    }
    previous = print;
    if (typeof pageSize === 'number' && total !== undefined && page > Math.ceil(total / pageSize)) {
      throw new InvalidResponseError(`${id} page ${page} is beyond the reported total of ${total}; stopped`, result.status, result.requestId, result.attempts);
    }
    seen += items.length;
    yield items;
    if (total === undefined ? typeof pageSize === 'number' && items.length < pageSize : seen >= total) return;
  }
}
