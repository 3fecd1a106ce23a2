// Reading the query of a validated request, and cutting pages. `offset` is a 0-based PAGE
// index (api-contract.md): page n holds records n*limit .. n*limit+limit-1.
import type { Operation } from './request-validation.ts';

export class Query {
  readonly #params: URLSearchParams;
  readonly #defaults: Map<string, unknown>;
  constructor(params: URLSearchParams, operation: Operation) {
    this.#params = params;
    // Defaults are the spec's (`schema.default`); the handler's fallback applies only when
    // the spec gives none.
    this.#defaults = new Map(
      (operation.resource.request?.query ?? []).flatMap((p) => {
        const schema = p.schema as { default?: unknown } | undefined;
        return schema?.default === undefined ? [] : [[p.name, schema.default] as const];
      }),
    );
  }
  string(name: string): string | undefined {
    const v = this.#params.get(name);
    if (v !== null) return v;
    const d = this.#defaults.get(name);
    return d === undefined ? undefined : String(d);
  }
  int(name: string, fallback: number): number {
    const v = this.string(name);
    return v === undefined || v === '' ? fallback : Number(v);
  }
  bool(name: string, fallback: boolean): boolean {
    const v = this.string(name);
    return v === undefined || v === '' ? fallback : v === 'true';
  }
  /** A `style: form, explode: false` array (`a,b`), also accepted repeated. */
  list(name: string): string[] | undefined {
    const all = this.#params.getAll(name);
    return all.length === 0 ? undefined : all.flatMap((v) => v.split(',')).filter((v) => v !== '');
  }
}

export function page<T>(items: readonly T[], offset: number, limit: number): T[] {
  return items.slice(offset * limit, offset * limit + limit);
}

export type Order = 'asc' | 'desc';

/** Sorts by `key`, ties broken by `tie` ascending, so every page of one listing is stable. */
export function sortBy<T>(items: T[], key: (item: T) => string | number, order: Order, tie: (item: T) => string): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    const ta = tie(a);
    const tb = tie(b);
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
}
