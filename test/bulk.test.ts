// The bulk API in-process: the real client over a fake fetch (status, delay and abort per
// task id), or a stub client where only the scheduling is under test, so that tens of
// thousands of ids take a second or two.
import { setImmediate as tick } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import {
  BatchStoppedError,
  createProcessorTasksClient,
  deleteProcessorTasks,
  ServiceResponseError,
  ValidationError,
  type BulkOptions,
  type BulkOutcome,
  type BulkProgress,
  type ProcessorTasksClient,
} from '../src/index.ts';
import { checkTypedInput } from '../src/call.ts';
import { PROJECT_ID } from './support/fixtures.ts';

type Answer = { status: number; body?: unknown; delayMs?: number };

/** A fetch that answers by task id and records calls, overlap and the signals it was given. */
function fakeService(answer: (taskId: string) => Answer = () => ({ status: 200 })) {
  const state = { calls: 0, inFlight: 0, maxInFlight: 0, taskIds: [] as string[], signals: new Map<string, AbortSignal>() };
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const taskId = String(input).split('/').pop()!;
    state.calls++;
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    state.taskIds.push(taskId);
    const signal = init?.signal ?? undefined;
    if (signal) state.signals.set(taskId, signal);
    try {
      const a = answer(taskId);
      await new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = setTimeout(resolve, a.delayMs ?? 0);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
      const body = a.body === undefined ? (a.status < 300 ? '{}' : null) : JSON.stringify(a.body);
      return new Response(body, { status: a.status, headers: { 'content-type': 'application/json', 'x-request-id': `rid-${taskId}` } });
    } finally {
      state.inFlight--;
    }
  };
  const client = createProcessorTasksClient({
    endpoint: 'http://127.0.0.1:9',
    projectId: PROJECT_ID,
    credentials: { token: 'tok' },
    retry: false,
    env: {},
    fetch: fetch as typeof globalThis.fetch,
  });
  return { client, state };
}

/** Every outcome, and what ended the iteration (undefined when it completed). */
async function drain(iter: AsyncIterable<BulkOutcome>) {
  const outcomes: BulkOutcome[] = [];
  try {
    for await (const o of iter) outcomes.push(o);
    return { outcomes, error: undefined as unknown };
  } catch (error) {
    return { outcomes, error };
  }
}

function ids(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

describe('deleteProcessorTasks', () => {
  it('deletes each distinct id once and reports duplicates, even those after the last outcome', async () => {
    const { client, state } = fakeService();
    const progress: BulkProgress[] = [];
    const { outcomes, error } = await drain(
      deleteProcessorTasks(client, ['a1', 'b1', 'a1', 'c1', 'b1'], { onProgress: (p) => progress.push(p) }),
    );
    expect(error).toBeUndefined();
    expect(outcomes.map((o) => o.taskId).sort()).toEqual(['a1', 'b1', 'c1']);
    expect(outcomes.every((o) => o.outcome === 'deleted' && o.status === 200 && o.requestId === `rid-${o.taskId}`)).toBe(true);
    expect(state.calls).toBe(3);
    expect(progress.at(-1)).toMatchObject({ deleted: 3, duplicates: 2 });

    // One at a time, the duplicate y1 is read only after the last outcome has been yielded.
    const late: BulkProgress[] = [];
    await drain(deleteProcessorTasks(client, ['x1', 'y1', 'y1'], { concurrency: 1, onProgress: (p) => late.push(p) }));
    expect(late.at(-1)).toMatchObject({ deleted: 2, duplicates: 1 });
  });

  it('yields invalid ids as "invalid" without sending them', async () => {
    const { client, state } = fakeService();
    const bad = ['bad id', '', 'x'.repeat(65), '../a', 'a/b', 'é'];
    const { outcomes } = await drain(deleteProcessorTasks(client, ['ok1', ...bad]));
    const invalid = outcomes.filter((o) => o.outcome === 'invalid');
    expect(invalid.map((o) => o.taskId)).toEqual(bad);
    for (const o of invalid) expect(o.outcome === 'invalid' && o.error).toBeInstanceOf(ValidationError);
    expect(state.taskIds).toEqual(['ok1']);
  });

  it('rejects a concurrency outside 1..256 before sending anything', async () => {
    const { client, state } = fakeService();
    for (const concurrency of [0, 257, 1.5, Number.NaN]) {
      const { error } = await drain(deleteProcessorTasks(client, ['a1'], { concurrency }));
      expect(error).toBeInstanceOf(ValidationError);
    }
    expect(state.calls).toBe(0);
  });

  it('never has more calls in flight than the concurrency, and reaches it', async () => {
    // Uneven delays, so that calls finish out of order and slots free up one at a time.
    const { client, state } = fakeService((id) => ({ status: 200, delayMs: 2 + (Number(id.slice(1)) % 5) * 2 }));
    const { outcomes } = await drain(deleteProcessorTasks(client, ids('t', 80), { concurrency: 7 }));
    expect(outcomes).toHaveLength(80);
    expect(state.maxInFlight).toBe(7);
  });

  it('stops after a 401: no further id is sent, the calls in flight finish, then BatchStoppedError', async () => {
    const { client, state } = fakeService((id) => ({
      status: 401,
      body: { error_code: 'APIGW.0301', error_msg: 'verify token failed' },
      // The first answers at once; the others are still in flight when it does.
      delayMs: id === 't0' ? 0 : 30,
    }));
    const { outcomes, error } = await drain(deleteProcessorTasks(client, ids('t', 100), { concurrency: 5 }));
    expect(error).toBeInstanceOf(BatchStoppedError);
    expect(state.calls).toBe(5);
    // Every call in flight was allowed to finish (none aborted) and its outcome yielded.
    expect(outcomes).toHaveLength(5);
    expect(outcomes.every((o) => o.outcome === 'failed' && o.status === 401 && o.errorCode === 'APIGW.0301')).toBe(true);
    expect([...state.signals.values()].some((s) => s.aborted)).toBe(false);
    const stopped = error as BatchStoppedError;
    expect(stopped.reason).toBe('auth');
    expect((stopped.cause as ServiceResponseError).status).toBe(401);
    expect(stopped.progress).toMatchObject({ failed: 5, deleted: 0 });
  });

  it('does not stop for a 403 about one task (ModelArts.4850, task initializing)', async () => {
    const { client } = fakeService((id) =>
      id.startsWith('init') ? { status: 403, body: { error_code: 'ModelArts.4850', error_msg: 'initializing' } } : { status: 200 },
    );
    const { outcomes, error } = await drain(deleteProcessorTasks(client, ['init1', 'ok1', 'ok2', 'init2', 'ok3'], { concurrency: 2 }));
    expect(error).toBeUndefined();
    expect(outcomes.filter((o) => o.outcome === 'deleted')).toHaveLength(3);
    expect(outcomes.filter((o) => o.outcome === 'failed')).toHaveLength(2);
  });

  it("stops on the caller's abort: no new calls, the calls in flight aborted, the signal's reason thrown", async () => {
    // The calls after the first would take 3 s: an abort that waited for them would show.
    const { client, state } = fakeService((id) => ({ status: 200, delayMs: id === 't0' ? 0 : 3000 }));
    const controller = new AbortController();
    const reason = new Error('stop now');
    let callsAtAbort = -1;
    const options: BulkOptions = { concurrency: 3, signal: controller.signal };
    const started = performance.now();
    const { outcomes, error } = await drain(
      (async function* () {
        for await (const o of deleteProcessorTasks(client, ids('t', 50), options)) {
          yield o;
          if (callsAtAbort < 0) {
            callsAtAbort = state.calls;
            controller.abort(reason);
          }
        }
      })(),
    );
    expect(error).toBe(reason);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(state.calls).toBe(callsAtAbort);
    expect(state.calls).toBeLessThanOrEqual(4);
    const inFlight = [...state.signals.entries()].filter(([id]) => id !== 't0');
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.every(([, s]) => s.aborted)).toBe(true);
    expect(outcomes[0]).toMatchObject({ taskId: 't0', outcome: 'deleted' });
  });

  it('yields outcomes while the source is idle, and an abort ends it without waiting for the source', async () => {
    const { client } = fakeService();
    const controller = new AbortController();
    const never = new Promise<never>(() => {});
    async function* idleAfterOne() {
      yield 'a1';
      await never;
    }
    const seen: string[] = [];
    const started = performance.now();
    const { error } = await drain(
      (async function* () {
        for await (const o of deleteProcessorTasks(client, idleAfterOne(), { signal: controller.signal })) {
          seen.push(o.taskId);
          yield o;
          controller.abort(new Error('enough'));
        }
      })(),
    );
    expect(seen).toEqual(['a1']);
    expect((error as Error).message).toBe('enough');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('a break in the consumer aborts the calls in flight and closes the source', async () => {
    const { client, state } = fakeService((id) => ({ status: 200, delayMs: id === 't0' ? 0 : 3000 }));
    let closed = false;
    let pulled = 0;
    async function* source() {
      try {
        for (const id of ids('t', 30)) {
          pulled++;
          yield id;
        }
      } finally {
        closed = true;
      }
    }
    const started = performance.now();
    for await (const o of deleteProcessorTasks(client, source(), { concurrency: 4 })) {
      expect(o.taskId).toBe('t0');
      break;
    }
    // Well under the 3 s the other calls would have taken.
    expect(performance.now() - started).toBeLessThan(1500);
    expect(closed).toBe(true);
    const others = [...state.signals.entries()].filter(([id]) => id !== 't0');
    expect(others.length).toBeGreaterThanOrEqual(3);
    expect(others.every(([, s]) => s.aborted)).toBe(true);
    const calls = state.calls;
    await new Promise((r) => setTimeout(r, 30));
    expect(state.calls).toBe(calls);
    expect(pulled).toBeLessThanOrEqual(4 + 1);
  });
});

/** A client that deletes anything after a turn of the event loop, for volume; `hang` never answers. */
function stubClient(hang?: Promise<void>): ProcessorTasksClient {
  return {
    projectId: PROJECT_ID,
    validate: (id: 'deleteProcessorTask', input: unknown) => checkTypedInput(id, input, { projectId: PROJECT_ID, secrets: [] }),
    async deleteProcessorTask({ taskId }: { taskId: string }) {
      if (taskId === 'hang' && hang) await hang;
      else await tick();
      return { data: {}, missing: false, status: 200, requestId: undefined, attempts: 1 };
    },
  } as unknown as ProcessorTasksClient;
}

describe('deleteProcessorTasks with many ids', () => {
  it('pulls a 20,000-id source lazily: never more than concurrency + 1 ids ahead of the outcomes', async () => {
    let pulled = 0;
    let maxAhead = 0;
    let yielded = 0;
    function* source() {
      for (let i = 0; i < 20_000; i++) {
        pulled++;
        yield `t${i}`;
      }
    }
    for await (const o of deleteProcessorTasks(stubClient(), source(), { concurrency: 16 })) {
      expect(o.outcome).toBe('deleted');
      yielded++;
      maxAhead = Math.max(maxAhead, pulled - yielded);
    }
    expect(yielded).toBe(20_000);
    expect(maxAhead).toBeLessThanOrEqual(16 + 1);
    expect(maxAhead).toBeGreaterThanOrEqual(15);
  });

  it('keeps no outcome once yielded, even while one call stays in flight the whole time', async () => {
    // A garbage collector on demand: the flag is read when gc is looked up in a new context.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let release!: () => void;
    const hang = new Promise<void>((resolve) => (release = resolve));
    const refs: WeakRef<BulkOutcome>[] = [];
    let n = 0;
    const source = ['hang', ...ids('t', 3000)];
    let aliveWhileHanging = -1;
    for await (const o of deleteProcessorTasks(stubClient(hang), source, { concurrency: 16 })) {
      n++;
      if (n % 100 === 0) refs.push(new WeakRef(o));
      if (n === 2990) {
        // WeakRefs are held until the end of the current job: let it end, then collect.
        await tick();
        gc();
        await tick();
        gc();
        aliveWhileHanging = refs.filter((r) => r.deref() !== undefined && r.deref() !== o).length;
        release();
      }
    }
    expect(n).toBe(3001);
    expect(refs.length).toBe(30);
    // Before the fix (Promise.race over the calls in flight) all 30 stayed alive.
    expect(aliveWhileHanging).toBeLessThanOrEqual(1);
  });
});

describe('deleteProcessorTasks from a slow async source', () => {
  it('starts each id as soon as it arrives and a slot is free', async () => {
    const { client, state } = fakeService(() => ({ status: 200, delayMs: 5 }));
    async function* trickle() {
      for (const id of ids('s', 6)) {
        await new Promise((r) => setTimeout(r, 10));
        yield id;
      }
    }
    const onProgress = vi.fn();
    const { outcomes } = await drain(deleteProcessorTasks(client, trickle(), { concurrency: 4, onProgress }));
    expect(outcomes.map((o) => o.taskId)).toEqual(ids('s', 6));
    expect(state.calls).toBe(6);
    expect(onProgress).toHaveBeenLastCalledWith(expect.objectContaining({ deleted: 6, inFlight: 0 }));
  });
});
