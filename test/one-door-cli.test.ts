// Issue 12, class 4, the CLI: whatever a server echoes (the token, the security token, each
// attempt's Authorization value and signature, the secret key), nothing of it reaches stdout
// or stderr, with or without --debug (which logs every request and prints stacks), for every
// command, every credential kind from the environment, and every kind of reply (errors,
// retries, redirects, cut bodies). main() runs in-process with fake terminals, the fake clock
// giving each attempt its own signature; two runs as a subprocess check the real binary path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { fakeIo } from './support/cli-io.ts';
import { runCli } from './support/cli-run.ts';
import { startClockedEchoServer, type EchoReply, type EchoServer, type Shape } from './support/echo-server.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';
import { dedupe, expectedAuthorization, findLeaks, sentSecrets } from './support/leak-scan.ts';
import { counter, credsArb, ownSecrets, type Creds } from './support/one-door.ts';

const RUNS = 200;

let server: EchoServer;
let stop: () => Promise<void>;
let bodyFile: string;

beforeAll(async () => {
  ({ server, stop } = await startClockedEchoServer('2026-03-01T09:00:00Z'));
  const dir = mkdtempSync(join(tmpdir(), 'one-door-cli-'));
  bodyFile = join(dir, 'task.json');
  writeFileSync(bodyFile, JSON.stringify({ name: 'V001', template: { id: 'sys_data_analyse' } }));
});

afterAll(async () => {
  await stop?.();
});

function envOf(c: Creds): Record<string, string> {
  const env: Record<string, string> = { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID };
  if (c.token !== undefined) env.HUAWEICLOUD_SDK_TOKEN = c.token;
  if (c.accessKey !== undefined) env.HUAWEICLOUD_SDK_AK = c.accessKey;
  if (c.secretKey !== undefined) env.HUAWEICLOUD_SDK_SK = c.secretKey;
  if (c.securityToken !== undefined) env.HUAWEICLOUD_SDK_SECURITY_TOKEN = c.securityToken;
  return env;
}

const COMMANDS: Record<string, () => string[]> = {
  list: () => ['list', '--output', 'json'],
  'list one page': () => ['list', '--limit', '10', '--offset', '0'],
  'describe json': () => ['describe', TASK_ID],
  'describe text': () => ['describe', TASK_ID, '--output', 'text'],
  update: () => ['update', TASK_ID, '--description', 'new text'],
  create: () => ['create', '--from-file', bodyFile, '--output', 'json'],
  'delete one': () => ['delete', TASK_ID],
  'delete several, json': () => ['delete', '--json', TASK_ID, 'AnotherTask000000001', 'Third_Task-03'],
};

const shapes: Shape[] = ['json', 'malformed', 'text', 'html', 'empty', 'straddle'];
const reply = (statuses: number[]) => fc.tuple(fc.constantFrom(...statuses), fc.constantFrom(...shapes)).map(([status, shape]): EchoReply => ({ status, shape }));
const replies = fc.oneof(
  fc.constant<EchoReply[]>([{ status: 200, shape: 'json' }]),
  reply([400, 401, 403, 404]).map((r) => [r]),
  fc.array(reply([500, 502, 503, 429]), { minLength: 3, maxLength: 3 }),
  fc.tuple(reply([503]), reply([302, 307])).map(([a, b]) => [a, b]),
  reply([301, 302, 308]).map((r) => [r]),
);

function secretsOf(creds: Creds) {
  return dedupe([...ownSecrets(creds), ...sentSecrets(server.received)]);
}

describe('class 4: the CLI prints no credential a server echoes', () => {
  it(`every command, every credential kind, with and without --debug (fast-check, ${RUNS} runs)`, async () => {
    const count = counter('class 4 CLI in-process');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(COMMANDS)), credsArb, replies, fc.boolean(), async (command, creds, plan, debug) => {
        server.reset();
        server.plan(plan, plan[plan.length - 1]);
        if (creds.secretKey !== undefined) server.plant([creds.secretKey]);
        const io = fakeIo({ env: envOf(creds) });
        const argv = [...COMMANDS[command]!(), '--endpoint', server.url, '--retries', '2', ...(debug ? ['--debug'] : [])];
        const code = await main(argv, io.io);
        const leaks = findLeaks({ stdout: io.stdout(), stderr: io.stderr() }, secretsOf(creds));
        const kinds = [...new Set(leaks.map((l) => `${l.split(':')[0]} ${l.replace(/^[^:]*: /, '').replace(/^piece of /, '').replace(/ at \d+$/, '').replace(/^request \d+ /, '')}`))].sort();
        await count.check(`${command}${debug ? ' --debug' : ''}${kinds.length ? `: leaks ${kinds.join(', ')}` : ''}`, () => {
          expect(server.received.length, `${command}: ${io.stderr()}`).toBeGreaterThan(0);
          // The values searched for are the ones sent: each Authorization recomputed from what the server received.
          for (const r of server.received) {
            if (creds.kind === 'token') expect(r.headers['x-auth-token']).toBe(creds.token);
            else expect(r.headers.authorization).toBe(expectedAuthorization(r, server.origin, creds.secretKey!));
          }
          expect(leaks, `${argv.join(' ')} exited ${code}`).toEqual([]);
          if (debug && server.received.length > 0) expect(io.stderr()).toContain('debug:');
        });
      }),
      { numRuns: RUNS },
    );
    count.report(RUNS);
  }, 300_000);
});

describe('class 4: the CLI as a subprocess prints no credential a server echoes', () => {
  it.each([
    ['token', { kind: 'token', token: 'tokCLI+sub/PROCESS=0123456789' } as Creds],
    ['temporary AK/SK', { kind: 'temporary AK/SK', accessKey: 'AKCLISUBPROCESS00000', secretKey: 'skCLI"sub\\PROCESS 0123456789', securityToken: 'stsCLI%sub&PROCESS<0123456789>' } as Creds],
  ])('%s: describe and delete, --debug, a 5xx retried then a redirect, and a cut error body', { timeout: 90_000 }, async (_kind, creds) => {
    for (const plan of [
      [{ status: 503, shape: 'json' }, { status: 302, shape: 'json' }],
      [{ status: 500, shape: 'straddle' }, { status: 500, shape: 'malformed' }, { status: 401, shape: 'html' }],
    ] as EchoReply[][]) {
      for (const args of [['describe', TASK_ID], ['delete', '--json', TASK_ID]]) {
        server.reset();
        server.plan(plan, plan[plan.length - 1]);
        if (creds.secretKey !== undefined) server.plant([creds.secretKey]);
        const r = await runCli([...args, '--endpoint', server.url, '--retries', '2', '--debug'], { env: envOf(creds) });
        expect(server.received.length, r.stderr).toBeGreaterThan(0);
        expect(r.code).not.toBe(0);
        expect(findLeaks({ stdout: r.stdout, stderr: r.stderr }, secretsOf(creds))).toEqual([]);
      }
    }
  });
});
