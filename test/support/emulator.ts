// Starting the emulator for a test file, on a free port, and the small tools its tests share.
import { request } from 'node:http';
import { afterAll, onTestFinished } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.ts';
import { createProcessorTasksClient, type ProcessorTasksClientOptions } from '../../src/index.ts';
import { PROJECT_ID } from './fixtures.ts';

export const TASKS_PATH = `/v2/${PROJECT_ID}/processor-tasks`;

/** Starts an emulator closed after the file's tests; responses checked against the spec. */
export async function useEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator({ port: 0, checkResponses: true, ...options });
  afterAll(() => emulator.close());
  return emulator;
}

/** A clock the test moves by hand, starting at the real time (AK/SK dates stay valid). */
/** Starts an emulator closed when the current test ends. */
export async function emulatorForTest(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator({ port: 0, checkResponses: true, ...options });
  onTestFinished(() => emulator.close());
  return emulator;
}

export function manualClock(start = Date.now()) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

export function clientFor(emulator: Emulator, options: Partial<ProcessorTasksClientOptions> = {}) {
  return createProcessorTasksClient({ endpoint: emulator.url, projectId: PROJECT_ID, credentials: { token: 'emulator-test-token' }, env: {}, ...options });
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One plain fetch, for what the client would refuse to send or hides. */
export async function send(emulator: Emulator, method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const res = await fetch(emulator.url + path, {
    method,
    headers: { 'X-Auth-Token': 'emulator-test-token', ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    body: init.body,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A request over node:http, which, unlike fetch, shows what happens to an oversized upload. */
export function rawRequest(
  url: string,
  options: { method: string; path: string; headers: Record<string, string | number>; write: (req: ReturnType<typeof request>) => void },
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url + options.path, { method: options.method, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      res.on('error', reject);
    });
    // The server may close while we still write: the response is what counts.
    req.on('error', (err) => reject(err));
    options.write(req);
  });
}
