// The first ten minutes with the CLI and the library (issue 13): a dead or failing service
// stops a batch early; signals report what was sent but not answered; the confirmation is
// asked where a person can answer (a pseudo-terminal here, through util-linux `script`);
// credentials and defaults are read as the library reads them; JSON loggers keep why a call
// failed. Subprocesses run the CLI as users do.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../scripts/paths.ts';
import { main } from '../src/cli/main.ts';
import {
  ClientRequestError,
  ConnectionError,
  createProcessorTasksClient,
  InvalidResponseError,
  RedirectError,
  RequestTimeoutError,
  ServerResponseError,
  ValidationError,
  WaitTimeoutError,
  BatchStoppedError,
} from '../src/index.ts';
import { fakeIo } from './support/cli-io.ts';
import { CLI_MAIN, jsonLines, lines, runCli } from './support/cli-run.ts';
import { startCliServer, type CliServer } from './support/cli-server.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';

const TOKEN = 'tok-SECRET-ux-3c5e7a9b';
const env = { HUAWEICLOUD_SDK_TOKEN: TOKEN };
const servers: CliServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function server(options?: Parameters<typeof startCliServer>[0]) {
  const s = await startCliServer(options);
  servers.push(s);
  return s;
}
const at = (url: string) => ['--endpoint', url, '--project-id', PROJECT_ID];
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Runs a shell command line in a pseudo-terminal (util-linux `script`), feeding `keys` to it after `afterMs`. */
function inPty(command: string, keys: string, options: { afterMs?: number; envs?: Record<string, string> } = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'dumb', ...env, ...options.envs },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const timer = setTimeout(() => child.stdin.write(keys), options.afterMs ?? 3000);
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(kill);
      resolve({ code, output: output.replace(/\r/g, '') });
    });
  });
}

const cli = `node --import tsx ${JSON.stringify(CLI_MAIN)}`;

describe.concurrent('a batch stops early when the service cannot help', { timeout: 90_000 }, () => {
  it('a dead endpoint: 500 ids end after a few connection failures, with one line and exit 4', async () => {
    const port = await freePort();
    const r = await runCli(['delete', ...at(`http://127.0.0.1:${port}`), '--json', '--yes', '-f', '-'], { env, input: ids('dead', 500).join('\n') });
    expect(r.code).toBe(4);
    const out = jsonLines(r.stdout);
    const failed = out.filter((l) => l.outcome === 'failed');
    // Five in a row stop it; at most the seven others in flight (concurrency 8) finish too.
    expect(failed.length).toBeGreaterThanOrEqual(5);
    expect(failed.length).toBeLessThanOrEqual(12);
    expect(out.at(-1)).toMatchObject({ summary: { stopped: 'unavailable', failed: failed.length } });
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^modelarts-tasks: batch stopped: \d+ failures in a row reaching the service \(last: could not complete DELETE .*ECONNREFUSED.*\); no further ids were sent$/)]);
  });

  it('a service that answers 500 every time stops the same way; --stop-after-failures 0 goes on', async () => {
    const s = await server();
    const stop = await runCli(['delete', ...at(s.url), '--yes', '--retries', '0', '-f', '-'], { env, input: ids('fail', 100).join('\n') });
    expect(stop.code).toBe(4);
    expect(s.requests).toBeLessThanOrEqual(12);
    expect(lines(stop.stderr)).toHaveLength(1);
    const s2 = await server();
    const all = await runCli(['delete', ...at(s2.url), '--yes', '--retries', '0', '--stop-after-failures', '0', '--quiet', '-f', '-'], { env, input: ids('fail', 30).join('\n') });
    expect(all.code).toBe(1);
    expect(s2.requests).toBe(30);
  });

  it('one failure about a task does not count: successes in between reset the run', async () => {
    const s = await server();
    const mixed = ids('ok', 40).flatMap((id, i) => (i % 2 ? [id, `fail${i}`] : [id]));
    const r = await runCli(['delete', ...at(s.url), '--yes', '--retries', '0', '-c', '1', '--json', ...mixed], { env });
    expect(r.code).toBe(1);
    expect(jsonLines(r.stdout).at(-1)).toMatchObject({ summary: { deleted: 40, failed: 20 } });
  });
});

describe.concurrent('signals', { timeout: 90_000 }, () => {
  async function interrupted(signal: 'SIGINT' | 'SIGTERM') {
    const s = await server({ delayMs: 10_000 });
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, 'delete', ...at(s.url), '--json', '--yes', '-c', '2', ...ids('sig', 40)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const poll = setInterval(() => {
      if (s.requests >= 2) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(poll);
    return { code, stdout, stderr, sent: s.requests };
  }

  it.each([
    ['SIGTERM', 143, 'terminated'],
    ['SIGINT', 130, 'interrupted'],
  ] as const)('%s: exit %i; the ids in flight are "unknown" (sent, outcome not known), counted apart', async (signal, exit, word) => {
    const r = await interrupted(signal);
    expect(r.code).toBe(exit);
    expect(r.sent).toBe(2);
    const out = jsonLines(r.stdout);
    expect(out.filter((l) => l.outcome === 'unknown').map((l) => l.error)).toEqual([
      'sent, then aborted: the task may or may not have been deleted',
      'sent, then aborted: the task may or may not have been deleted',
    ]);
    expect(out.at(-1)).toMatchObject({ summary: { unknown: 2, failed: 0, deleted: 0, stopped: word } });
    expect(lines(r.stderr)).toEqual([`modelarts-tasks: ${word}; 2 sent without an answer (outcome unknown, listed above); no further ids were sent`]);
  });
});

describe.concurrent('the confirmation, in a pseudo-terminal', { timeout: 90_000 }, () => {
  it('ids piped in: the question goes to the terminal (/dev/tty); "y" deletes, "n" sends nothing', async () => {
    const s = await server();
    const list = ids('tty', 21).join(' ');
    const yes = await inPty(`printf '%s\\n' ${list} | ${cli} delete ${at(s.url).join(' ')} --from-file -`, 'y\n');
    expect(yes.output).toContain(`modelarts-tasks: delete more than 20 tasks in project ${PROJECT_ID} at ${s.url}? [y/N]`);
    expect(yes.code).toBe(0);
    expect(s.requests).toBe(21);
    const no = await inPty(`printf '%s\\n' ${list} | ${cli} delete ${at(s.url).join(' ')} --from-file -`, 'n\n');
    expect(no.code).toBe(1);
    expect(no.output).toContain('modelarts-tasks: not confirmed; nothing was sent');
    expect(s.requests).toBe(21);
  });

  it('Ctrl-C at the question says nothing was sent and exits 130', async () => {
    const s = await server();
    const r = await inPty(`${cli} delete ${at(s.url).join(' ')} ${ids('cc', 25).join(' ')}`, '\x03');
    expect(r.output).toContain('[y/N]');
    expect(r.output).toContain('modelarts-tasks: interrupted at the confirmation; nothing was sent');
    expect(r.code).toBe(130);
    expect(s.requests).toBe(0);
  });

  it('with no terminal at all, more than 20 ids need --yes', async () => {
    const s = await server();
    const r = await runCli(['delete', ...at(s.url), '-f', '-'], { env, input: ids('nt', 21).join('\n') });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['modelarts-tasks: refusing to delete more than 20 tasks without confirmation: there is no terminal to ask on; pass --yes (nothing was sent)']);
    expect(s.requests).toBe(0);
  });

  it('the summary times the work, not the wait at the question', async () => {
    const s = await server();
    const f = fakeIo({ env, stdinTTY: true, stderrTTY: true });
    const wait = 4000;
    setTimeout(() => (f.io.stdin as unknown as { end(s: string): void }).end('y\n'), wait);
    const code = await main(['delete', ...at(s.url), '--json', ...ids('tm', 21)], f.io);
    expect(code).toBe(0);
    const summary = jsonLines(f.stdout()).at(-1)!.summary as { ms: number; deleted: number };
    expect(summary.deleted).toBe(21);
    expect(summary.ms).toBeLessThan(wait);
  });
});

describe.concurrent('conventions', { timeout: 90_000 }, () => {
  it('credentials: the CLI reads them as the library does, and errors name the variable to fix', async () => {
    const [badToken, akOnly, skOnly] = await Promise.all([
      runCli(['delete', ...at('http://127.0.0.1:9'), TASK_ID], { env: { HUAWEICLOUD_SDK_TOKEN: 'tok with spaces' } }),
      runCli(['delete', ...at('http://127.0.0.1:9'), TASK_ID], { env: { HUAWEICLOUD_SDK_AK: 'AK0123456789' } }),
      runCli(['delete', ...at('http://127.0.0.1:9'), TASK_ID], { env: { HUAWEICLOUD_SDK_SK: 'SK-secret-value' } }),
    ]);
    expect(lines(badToken.stderr)).toEqual(['modelarts-tasks: HUAWEICLOUD_SDK_TOKEN: must be printable ASCII without spaces (the value is not shown)']);
    expect(lines(akOnly.stderr)).toEqual(['modelarts-tasks: HUAWEICLOUD_SDK_SK: is not set, but HUAWEICLOUD_SDK_AK is: AK/SK signing needs both']);
    expect(lines(skOnly.stderr)).toEqual(['modelarts-tasks: HUAWEICLOUD_SDK_AK: is not set, but HUAWEICLOUD_SDK_SK is: AK/SK signing needs both']);
    for (const r of [badToken, akOnly, skOnly]) expect(r.code).toBe(2);
    expect(badToken.stderr + akOnly.stderr + skOnly.stderr).not.toMatch(/tok with spaces|SK-secret-value/);
  });

  it('HUAWEICLOUD_SDK_REGION is the default --region; one-task delete prints the id; --output json is --json; --quiet', async () => {
    const s = await server();
    const regional = { ...env, HUAWEICLOUD_SDK_REGION: 'cn-east-3', HUAWEICLOUD_SDK_REGION_MODELARTS_CN_EAST_3: s.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID };
    const [one, json, alias, quiet] = await Promise.all([
      runCli(['delete', 'one1'], { env: regional }),
      runCli(['delete', '--output', 'json', 'two1', 'two2'], { env: regional }),
      runCli(['delete', '--json', 'two1', 'two2'], { env: regional }),
      runCli(['delete', '--quiet', 'q1', 'q2', 'fail9'], { env: regional }),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(lines(one.stdout)).toEqual(['deleted  one1', expect.stringMatching(/^deleted 1, missing 0, failed 0, invalid 0, duplicates 0 in /)]);
    const strip = (t: string) => jsonLines(t).map((l) => ('summary' in l ? { summary: { ...l.summary, ms: 0 } } : { ...l, requestId: null }));
    expect(strip(json.stdout)).toEqual(strip(alias.stdout));
    expect(lines(quiet.stdout)).toEqual([expect.stringMatching(/^failed {3}fail9 /)]);
    expect(s.taskIds).toEqual(expect.arrayContaining(['one1', 'two1', 'two2', 'q1', 'q2']));
  });

  it('ids files may carry a comment after an id; a # inside an id stays part of it (invalid)', async () => {
    const s = await server();
    const dir = mkdtempSync(join(tmpdir(), 'modelarts-ux-'));
    writeFileSync(join(dir, 'ids.txt'), 'c1   # first run\nc2\t# tab then comment\n# whole line\nc3#not-a-comment\n');
    const r = await runCli(['delete', ...at(s.url), '--json', '-f', join(dir, 'ids.txt')], { env });
    expect(r.code).toBe(2);
    expect(jsonLines(r.stdout).filter((l) => l.taskId).map((l) => [l.taskId, l.outcome])).toEqual(
      expect.arrayContaining([['c1', 'deleted'], ['c2', 'deleted'], ['c3#not-a-comment', 'invalid']]),
    );
  });

  it('the progress bar shows the rate, the ETA and every count', async () => {
    const s = await server({ delayMs: 60 });
    const f = fakeIo({ env, stderrTTY: true });
    const code = await main(['delete', ...at(s.url), '-c', '2', '--yes', ...ids('pb', 14), 'miss1', 'bad id!'], f.io);
    expect(code).toBe(2);
    expect(f.stderr()).toMatch(/deleting \[[^\]]*\] \d+% \d+\/16 [\d.-]+\/s ETA \S+ \| \d+ deleted, \d+ missing, \d+ failed, \d+ invalid, \d+ unknown, \d+ dup/);
  });
});

describe.concurrent('npm run mock', { timeout: 90_000 }, () => {
  function mock(port: number) {
    return spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/mock.ts'), '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  /** Everything the child prints, from the start, and a wait for a pattern in it. */
  function watch(child: ReturnType<typeof mock>) {
    let out = '';
    const waiters: (() => void)[] = [];
    const on = (d: Buffer) => {
      out += d.toString();
      for (const w of waiters.splice(0)) w();
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.on('close', () => on(Buffer.alloc(0)));
    return {
      text: () => out,
      until: async (pattern: RegExp) => {
        while (!pattern.test(out) && child.exitCode === null) await new Promise<void>((resolve) => waiters.push(resolve));
        return out;
      },
    };
  }

  it('a port in use is one line naming it and --port, no stack trace; the request log hides credentials', async () => {
    const port = await freePort();
    const first = mock(port);
    const firstOut = watch(first);
    try {
      await firstOut.until(/listening on/);
      const res = await fetch(`http://127.0.0.1:${port}/v2/${PROJECT_ID}/processor-tasks/${TASK_ID}`, {
        method: 'DELETE',
        headers: { 'X-Auth-Token': TOKEN, Authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=c0ffee1234', 'X-Sdk-Date': '20200608T023900Z' },
      });
      expect(res.status).toBe(200);
      // The request was logged (with its headers), credentials censored.
      const log = await firstOut.until(/Responding with/);
      expect(log).toMatch(/"x-auth-token":"\[redacted\]"/);
      expect(log).toMatch(/"authorization":"\[redacted\]"/);
      expect(log).not.toContain(TOKEN);
      expect(log).not.toContain('c0ffee1234');
      const second = mock(port);
      const secondOut = watch(second);
      await new Promise((resolve) => second.on('close', resolve));
      expect(second.exitCode).toBe(1);
      expect(secondOut.text().trim()).toBe(`npm run mock: port ${port} is in use; choose another with \`npm run mock -- --port <n>\` (or MOCK_PORT)`);
    } finally {
      first.kill('SIGTERM');
    }
  });
});

describe('JSON.stringify of every error class keeps why the call failed', () => {
  it('message, code, status, requestId and the cause\'s errno; never a secret', async () => {
    const port = await freePort();
    const client = createProcessorTasksClient({ endpoint: `http://127.0.0.1:${port}`, projectId: PROJECT_ID, credentials: { token: TOKEN }, retry: false, env: {} });
    const refused = (await client.deleteProcessorTask({ taskId: TASK_ID }).catch((e: unknown) => e)) as ConnectionError;
    expect(JSON.parse(JSON.stringify(refused))).toMatchObject({ name: 'ConnectionError', attempts: 1, cause: { code: 'ECONNREFUSED' }, message: expect.stringContaining('ECONNREFUSED') });
    const details = { status: 400, errorCode: 'ModelArts.4700', errorMsg: 'Task does not exist', requestId: 'rid-1', attempts: 2 };
    const cases: [Error, Record<string, unknown>][] = [
      [new ValidationError('taskId', 'must be a string'), { name: 'ValidationError', field: 'taskId', message: 'taskId: must be a string' }],
      [new ClientRequestError(details), { name: 'ClientRequestError', status: 400, errorCode: 'ModelArts.4700', errorMsg: 'Task does not exist', requestId: 'rid-1', attempts: 2 }],
      [new ServerResponseError({ ...details, status: 503 }), { name: 'ServerResponseError', status: 503, requestId: 'rid-1' }],
      [new RedirectError({ ...details, status: 302 }, 'https://elsewhere.example'), { name: 'RedirectError', status: 302, location: 'https://elsewhere.example' }],
      [new InvalidResponseError('not JSON', 200, 'rid-2', 1), { name: 'InvalidResponseError', status: 200, requestId: 'rid-2', message: 'not JSON' }],
      [new RequestTimeoutError('attempt', 500, 1), { name: 'RequestTimeoutError', kind: 'attempt', timeoutMs: 500, attempts: 1 }],
      [new WaitTimeoutError('waitUntilProcessorTaskDeleted', 1000, 3, { status: 1 }), { name: 'WaitTimeoutError', message: expect.stringContaining('3 polls') }],
      [new BatchStoppedError('auth', new ClientRequestError({ ...details, status: 401, errorCode: 'APIGW.0301' }), { deleted: 0, missing: 0, failed: 1, invalid: 0, unknown: 0, duplicates: 0, inFlight: 0 }), { name: 'BatchStoppedError', message: expect.stringContaining('authentication'), cause: { name: 'ClientRequestError' } }],
    ];
    for (const [err, expected] of cases) expect(JSON.parse(JSON.stringify(err)), err.name).toMatchObject(expected);
    expect(JSON.stringify(refused)).not.toContain(TOKEN);
  });
});
