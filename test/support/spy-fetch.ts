// A fetch that records every request the client hands it (URL, method, headers, body) and
// answers from a function (by default 200 `{}`), or passes the request on to a real server.
// The tests of issue 12 count what reached it and where it was addressed.

export interface SentRequest {
  url: string;
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export type Responder = (sent: SentRequest, init: RequestInit) => Response | Promise<Response>;

export interface SpyFetch {
  fetch: typeof globalThis.fetch;
  calls: SentRequest[];
}

function headersOf(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(h).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

async function bodyOf(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  return new Response(body as BodyInit).text();
}

export const ok = (): Response => new Response('{}', { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'rid-spy' } });

export function spyFetch(respond: Responder = () => ok()): SpyFetch {
  const calls: SentRequest[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const sent: SentRequest = {
      url: request ? request.url : String(input),
      method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
      headers: headersOf(init?.headers ?? request?.headers),
      body: await bodyOf(init?.body ?? (request ? await request.clone().arrayBuffer() : undefined)),
    };
    calls.push(sent);
    return respond(sent, init ?? {});
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** Passes every request on to the real fetch (an echo server), recording it first. */
export function forwardingFetch(before?: (sent: SentRequest, init: RequestInit) => void | Promise<void>): SpyFetch {
  return spyFetch(async (sent, init) => {
    await before?.(sent, init);
    return globalThis.fetch(sent.url, init);
  });
}
