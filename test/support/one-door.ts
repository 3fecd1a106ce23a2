// Shared by the tests of issue 12 ("one door"): credentials of each kind, a client over a spy
// fetch, calls of any operation through the typed client and through client.raw, and a run
// counter whose totals a closing note can quote.
import fc from 'fast-check';
import { expect } from 'vitest';
import { createProcessorTasksClient, type ProcessorTasksClient, type ProcessorTasksClientOptions } from '../../src/index.ts';
import { PROJECT_ID } from './fixtures.ts';
import type { SpecOperation } from './spec-operations.ts';
import { spyFetch, type Responder, type SpyFetch } from './spy-fetch.ts';

export const ENDPOINT = 'https://modelarts.cn-north-4.myhuaweicloud.com';

export type CredentialKind = 'token' | 'AK/SK' | 'temporary AK/SK';
export const CREDENTIAL_KINDS: readonly CredentialKind[] = ['token', 'AK/SK', 'temporary AK/SK'];

export interface Creds {
  kind: CredentialKind;
  token?: string;
  accessKey?: string;
  secretKey?: string;
  securityToken?: string;
}

// Random-looking, so that no piece of one occurs in any other text by chance.
export const FIXED: Record<CredentialKind, Creds> = {
  token: { kind: 'token', token: 'tQ9vX2mLp7WzR4kJd8HnB5cY3fGs' },
  'AK/SK': { kind: 'AK/SK', accessKey: 'AKONEDOOR00000000TST', secretKey: 'sV6nQ1tZ8yC3wM5kS0gF2uAeR7hJ' },
  'temporary AK/SK': { kind: 'temporary AK/SK', accessKey: 'AKONEDOOR00000000STS', secretKey: 'kE4rT8yU2iO6pA0sD3fG7hJ1lZx', securityToken: 'hP2lX7dR4jU9eA6cW1zO3tIbN8qM' },
};

export function credentialsOption(c: Creds): ProcessorTasksClientOptions['credentials'] {
  if (c.kind === 'token') return { token: c.token! };
  return { accessKey: c.accessKey!, secretKey: c.secretKey!, ...(c.securityToken === undefined ? {} : { securityToken: c.securityToken }) };
}

/** The credential's own secrets (what the client knows before it sends anything). */
export function ownSecrets(c: Creds): { label: string; value: string; pieces: boolean }[] {
  const out: { label: string; value: string; pieces: boolean }[] = [];
  if (c.token !== undefined) out.push({ label: 'token', value: c.token, pieces: true });
  if (c.secretKey !== undefined) out.push({ label: 'secret key', value: c.secretKey, pieces: true });
  if (c.securityToken !== undefined) out.push({ label: 'security token', value: c.securityToken, pieces: true });
  return out;
}

// --- generated credentials -------------------------------------------------------------------

const core = fc.stringMatching(/^[A-Za-z0-9]{12}$/);
/** The characters that have to be escaped somewhere: JSON, URLs, HTML, regexes, headers. */
const SPICE = [...'%+/=\\"\'<>&!~*()#?;:,.-_@[]{}|^`$'];
const spice = fc.string({ unit: fc.constantFrom(...SPICE), maxLength: 6 });
/** A value that may go in a header: printable ASCII, no space. */
const headerSecret = fc.tuple(core, spice, core).map(([a, s, b]) => `${a}${s}${b}`);
/** A secret key is never sent, so it may hold anything but line breaks and NUL. */
const secretKeyArb = fc
  .tuple(core, fc.string({ unit: fc.constantFrom(...SPICE, ' ', '\t', 'é', '€', '中', '\u{1F511}'), maxLength: 6 }), core)
  .map(([a, s, b]) => `${a}${s}${b}`);
const accessKeyArb = fc.stringMatching(/^[A-Z0-9]{20}$/);

export const credsArb: fc.Arbitrary<Creds> = fc.oneof(
  headerSecret.map((token): Creds => ({ kind: 'token', token })),
  fc.tuple(accessKeyArb, secretKeyArb).map(([accessKey, secretKey]): Creds => ({ kind: 'AK/SK', accessKey, secretKey })),
  fc.tuple(accessKeyArb, secretKeyArb, headerSecret).map(([accessKey, secretKey, securityToken]): Creds => ({ kind: 'temporary AK/SK', accessKey, secretKey, securityToken })),
);

// --- clients and calls ---------------------------------------------------------------------------

export function spyClient(
  creds: Creds,
  options: Partial<ProcessorTasksClientOptions> & { respond?: Responder } = {},
): { client: ProcessorTasksClient; spy: SpyFetch } {
  const { respond, ...rest } = options;
  const spy = spyFetch(respond);
  const client = createProcessorTasksClient({
    endpoint: ENDPOINT,
    projectId: PROJECT_ID,
    credentials: credentialsOption(creds),
    fetch: spy.fetch,
    retry: false,
    env: {},
    ...rest,
  });
  return { client, spy };
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** The typed method of an operation, called as an application calls it. */
export function typedCall(client: ProcessorTasksClient, op: SpecOperation, input: unknown, options?: unknown): Promise<unknown> {
  const method = (client as unknown as Record<string, AnyMethod>)[op.id];
  if (typeof method !== 'function') throw new Error(`the client has no method ${op.id}`);
  return method.call(client, input, options);
}

/** The raw openapi-fetch method of an operation: client.raw.GET(path, init) and so on. */
export function rawCall(client: ProcessorTasksClient, op: SpecOperation, init: unknown): Promise<unknown> {
  return (client.raw as unknown as Record<string, AnyMethod>)[op.method]!(op.path, init);
}

/** Settles a call; a synchronous throw is a defect (a method must return a promise), reported as a SynchronousThrow error. */
export async function settle(run: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  let promise: Promise<unknown>;
  try {
    promise = run();
  } catch (error) {
    return { error: Object.assign(new Error(`threw synchronously instead of rejecting: ${String(error)}`), { name: 'SynchronousThrow', thrown: error }) };
  }
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

/** The class of what a call ended with, for the tallies: `ValidationError`, `TypeError`, `resolved`... */
export function outcomeName(error: unknown): string {
  if (error === undefined) return 'resolved';
  return error instanceof Error ? error.name : typeof error;
}

/** `origin + pathname` of a URL: what names the resource. */
export function resourceOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

// --- counting the generated cases -----------------------------------------------------------------

/**
 * With ONE_DOOR_COUNT_FAILURES=1 a property records each failing case instead of stopping at
 * the first (and shrinking it), so that a run against an old release can say how many of the
 * generated cases fail, and of which kind; the test still fails if any did.
 */
const COUNT_FAILURES = process.env.ONE_DOOR_COUNT_FAILURES === '1';

/** Counts the cases of a property; `report` checks the count and prints it for the closing note. */
export function counter(name: string) {
  const tally: Record<string, number> = {};
  const failed: Record<string, number> = {};
  const firstFailure: Record<string, string> = {};
  let runs = 0;
  const list = (t: Record<string, number>) =>
    Object.entries(t)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  return {
    run(kind?: string) {
      runs++;
      if (kind !== undefined) tally[kind] = (tally[kind] ?? 0) + 1;
    },
    /** Runs one case, counted under `kind` (or the label it returns). */
    async check(kind: string, body: () => Promise<string | void> | string | void): Promise<void> {
      runs++;
      try {
        const label = (await body()) ?? kind;
        tally[label] = (tally[label] ?? 0) + 1;
      } catch (err) {
        if (!COUNT_FAILURES) throw err;
        failed[kind] = (failed[kind] ?? 0) + 1;
        firstFailure[kind] ??= String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 300);
      }
    },
    get runs() {
      return runs;
    },
    tally,
    report(expected: number) {
      const nFailed = Object.values(failed).reduce((a, b) => a + b, 0);
      const detail = list(tally);
      console.info(`[one-door] ${name}: ${runs} generated cases${detail ? ` (${detail})` : ''}`);
      if (nFailed > 0) {
        console.info(`[one-door] ${name}: ${nFailed} of ${runs} FAILED (${list(failed)})`);
        for (const [k, m] of Object.entries(firstFailure)) console.info(`[one-door]   first failure, ${k}: ${m}`);
      }
      expect(runs).toBe(expected);
      expect(nFailed, `${nFailed} of ${runs} cases failed`).toBe(0);
    },
  };
}
