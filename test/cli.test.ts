// The modelarts-tasks CLI, run as a subprocess the way users and scripts run it, against the
// Prism mock and against a loopback server that counts requests and requests in flight. The
// terminal-only behaviour (prompt, progress bar) and Ctrl-C run main() in-process with fake
// terminals, since a piped subprocess never has a TTY. Subprocesses cost about a second each,
// so each run is asked several questions and independent runs go concurrently.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EXIT, exitCodeFor, main } from '../src/cli/main.ts';
import { fakeIo } from './support/cli-io.ts';
import { jsonLines, lines, runCli, type CliResult, type CliRunOptions } from './support/cli-run.ts';
import { startCliServer, type CliServer } from './support/cli-server.ts';
import { PROJECT_ID, TASK_ID } from './support/fixtures.ts';

const TOKEN = 'tok-SECRET-5f3a9c1e7b2d4860';
const withToken = { HUAWEICLOUD_SDK_TOKEN: TOKEN };
const STACK_LINE = /^\s+at .+/m;
const servers: CliServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function server(options?: Parameters<typeof startCliServer>[0]): Promise<CliServer> {
  const s = await startCliServer(options);
  servers.push(s);
  return s;
}

/**
 * Runs the CLI and checks what must hold for every run: the token never appears in stdout or
 * stderr, and there is no stack trace unless --debug was given.
 */
async function cli(args: string[], options?: CliRunOptions): Promise<CliResult> {
  const r = await runCli(args, options);
  expect(r.stdout + r.stderr, 'token leaked').not.toContain(TOKEN);
  if (!args.includes('--debug')) expect(r.stderr, 'stack trace without --debug').not.toMatch(STACK_LINE);
  return r;
}

function target(url: string): string[] {
  return ['--endpoint', url, '--project-id', PROJECT_ID];
}

/** The stderr of a failed run: exactly one line, "modelarts-tasks: ...". */
function oneErrorLine(r: CliResult): string {
  const errLines = lines(r.stderr);
  expect(errLines, r.stderr).toHaveLength(1);
  expect(errLines[0]).toMatch(/^modelarts-tasks: \S/);
  return errLines[0]!;
}

function ids(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
}

describe('exit-code precedence', () => {
  it('is 3 > 2 > 1 > 0', () => {
    expect(exitCodeFor({ failed: 0, invalid: 0, stopped: undefined })).toBe(EXIT.ok);
    expect(exitCodeFor({ failed: 2, invalid: 0, stopped: undefined })).toBe(1);
    expect(exitCodeFor({ failed: 2, invalid: 1, stopped: undefined })).toBe(2);
    expect(exitCodeFor({ failed: 2, invalid: 1, stopped: 'auth' })).toBe(3);
    expect(exitCodeFor({ failed: 0, invalid: 0, stopped: 'auth' })).toBe(3);
  });
});

// Generous timeouts: a subprocess normally takes about a second, far more on a loaded machine.
describe.concurrent('modelarts-tasks as a subprocess', { timeout: 90_000 }, () => {
  it('delete --help exits 0 and shows examples, credentials and exit codes', async () => {
    const r = await cli(['delete', '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('modelarts-tasks delete --region cn-north-4');
    expect(r.stdout).toMatch(/--from-file <path>/);
    expect(r.stdout).toMatch(/--token-env <name>/);
    expect(r.stdout).toContain('Exit codes');
  });

  it('an unknown flag exits 2 with one line, no stack trace', async () => {
    const r = await cli(['delete', '--frobnicate', TASK_ID]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneErrorLine(r)).toContain("unknown option '--frobnicate'");
  });

  it('an unreadable ids file exits 2 with one line, no stack trace', async () => {
    const r = await cli(['delete', ...target('http://127.0.0.1:9'), '-f', join(tmpdir(), 'no-such-dir-modelarts', 'ids.txt')], { env: withToken });
    expect(r.code).toBe(2);
    expect(oneErrorLine(r)).toMatch(/^modelarts-tasks: cannot read ids file ".*ids.txt": no such file$/);
  });

  it('deletes through the Prism mock with a token (JSON lines with every field) or AK/SK (human): exit 0', async () => {
    const mockUrl = inject('mockUrl');
    const [json, human] = await Promise.all([
      cli(['delete', ...target(mockUrl), '--json', TASK_ID, 'AcYfsdfhGyrWL5TtahH', TASK_ID], { env: withToken }),
      cli(['delete', '--endpoint', mockUrl, TASK_ID, 'AcYfsdfhGyrWL5TtahH'], {
        env: { HUAWEICLOUD_SDK_AK: 'AK0123456789', HUAWEICLOUD_SDK_SK: 'SK-very-secret-value', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID },
      }),
    ]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toBe('');
    const out = jsonLines(json.stdout);
    const tasks = out.filter((l) => 'taskId' in l);
    expect(tasks).toHaveLength(2);
    for (const t of tasks) {
      expect(Object.keys(t).sort()).toEqual(['errorCode', 'outcome', 'requestId', 'status', 'taskId']);
      expect(t).toMatchObject({ outcome: 'deleted', status: 200, errorCode: null, requestId: '0fd3c0dbe7f4c1d9a6e5e2a4c8f5b7a1' });
    }
    expect(out.at(-1)).toEqual({ summary: { deleted: 2, missing: 0, failed: 0, invalid: 0, unknown: 0, duplicates: 1, ms: expect.any(Number) } });

    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr).toBe('');
    expect(human.stdout).toMatch(/^deleted 2, missing 0, failed 0, invalid 0, duplicates 0 in \d+\.\d s\n$/);
    expect(human.stdout + human.stderr).not.toContain('SK-very-secret-value');
  });

  it('exit 1 when some fail, with status, error code, request id and message per failure', async () => {
    const s = await server();
    const r = await cli(['delete', ...target(s.url), '--json', '--retries', '0', 'ok1', 'miss1', 'fail1', 'ok2'], { env: withToken });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const byId = Object.fromEntries(jsonLines(r.stdout).filter((l) => l.taskId).map((l) => [l.taskId, l]));
    expect(byId.ok1).toMatchObject({ outcome: 'deleted', status: 200, requestId: expect.stringMatching(/^req-/) });
    expect(byId.miss1).toMatchObject({ outcome: 'failed', status: 400, errorCode: 'ModelArts.4700', error: expect.stringContaining('does not exist') });
    expect(byId.fail1).toMatchObject({ outcome: 'failed', status: 500, errorCode: 'ModelArts.0010', requestId: expect.stringMatching(/^req-/) });
    expect(jsonLines(r.stdout).at(-1)).toMatchObject({ summary: { deleted: 2, failed: 2, missing: 0 } });
  });

  it('invalid ids are reported one by one and never sent; with a failure too, exit 2 wins over 1', async () => {
    const s = await server();
    const r = await cli(['delete', ...target(s.url), '--json', '--retries', '0', 'ok1', 'bad id!', 'fail1', '../etc', 'x'.repeat(65)], { env: withToken });
    expect(r.code).toBe(2);
    const out = jsonLines(r.stdout);
    const invalid = out.filter((l) => l.outcome === 'invalid');
    expect(invalid.map((l) => l.taskId).sort()).toEqual(['../etc', 'bad id!', 'x'.repeat(65)]);
    for (const l of invalid) expect(l).toMatchObject({ status: null, errorCode: null, requestId: null, error: expect.stringContaining('taskId: must be') });
    expect(out.at(-1)).toMatchObject({ summary: { deleted: 1, failed: 1, invalid: 3 } });
    expect([...s.taskIds].sort()).toEqual(['fail1', 'ok1']);
  });

  it('stops early on 401: 100 ids at concurrency 4 send at most 4 requests, exit 3 (over 2 for an invalid id)', async () => {
    const s = await server({ refuseAll: true, delayMs: 30 });
    const input = ['bad id!', ...ids('task', 100)].join('\n');
    const r = await cli(['delete', ...target(s.url), '--json', '-c', '4', '-f', '-', '--yes'], { env: withToken, input });
    expect(r.code).toBe(3);
    expect(s.requests).toBeGreaterThanOrEqual(1);
    expect(s.requests).toBeLessThanOrEqual(4);
    const out = jsonLines(r.stdout);
    const failed = out.filter((l) => l.outcome === 'failed');
    expect(failed).toHaveLength(s.requests);
    for (const f of failed) expect(f).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
    expect(out.at(-1)).toMatchObject({ summary: { deleted: 0, failed: s.requests, invalid: 1, stopped: 'authentication' } });
    expect(oneErrorLine(r)).toMatch(/batch stopped: authentication or authorization refused.*no further ids were sent/);
    expect(s.tokens).toEqual(new Set([TOKEN]));
  });

  it('a dry run lists what would be deleted and the invalid ids, sends nothing, needs no credentials', async () => {
    const s = await server();
    const r = await cli(['delete', ...target(s.url), '--dry-run', '--json', '-f', '-'], { input: 'ok1\nbad id!\nok2\nok1\n' });
    expect(r.code).toBe(2);
    expect(jsonLines(r.stdout)).toEqual([
      { taskId: 'ok1', outcome: 'would-delete', status: null, errorCode: null, requestId: null },
      { taskId: 'bad id!', outcome: 'invalid', status: null, errorCode: null, requestId: null, error: expect.stringContaining('must be') },
      { taskId: 'ok2', outcome: 'would-delete', status: null, errorCode: null, requestId: null },
      { summary: { deleted: 0, missing: 0, failed: 0, invalid: 1, unknown: 0, duplicates: 1, ms: expect.any(Number), dryRun: true, wouldDelete: 2 } },
    ]);
    expect(s.requests).toBe(0);
  });

  it('reads ids from stdin: trimmed, blank lines and # comments skipped, duplicates once', async () => {
    const s = await server();
    const input = '\uFEFF  t1  \n\n# a comment\n\tt2\r\n t1\n   # indented comment\nt3';
    const r = await cli(['delete', ...target(s.url), '--json', '--from-file', '-'], { env: withToken, input });
    expect(r.code, r.stderr).toBe(0);
    expect(jsonLines(r.stdout).at(-1)).toMatchObject({ summary: { deleted: 3, failed: 0, invalid: 0, duplicates: 1 } });
    expect([...s.taskIds].sort()).toEqual(['t1', 't2', 't3']);
  });

  it('never has more than --concurrency (4) requests in flight, and reaches it', async () => {
    // Answers take 150 ms, so that even a slow machine starts all four before the first returns.
    const s = await server({ delayMs: 150 });
    const r = await cli(['delete', ...target(s.url), '--concurrency', '4', '--yes', ...ids('c', 24)], { env: withToken });
    expect(r.code, r.stderr).toBe(0);
    expect(s.requests).toBe(24);
    expect(s.maxInFlight).toBe(4);
    // More than 5 ids, yet no progress bar and no prompt: stderr is not a terminal.
    expect(r.stderr).toBe('');
  });

  it('keeps the token out of --debug logs and out of an error message that echoes it', async () => {
    const s = await server();
    const r = await cli(['delete', ...target(s.url), '--debug', '--retries', '0', 'echo1', 'ok1'], { env: withToken });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^failed {3}echo1 {2}HTTP 400 ModelArts\.0101: token \[redacted\] is not valid here/m);
    expect(r.stderr).toMatch(/^debug: \{"type":"request"/m);
    // It was used: the server saw it.
    expect(s.tokens).toEqual(new Set([TOKEN]));
  });
});

describe('modelarts-tasks in-process, with fake terminals', () => {
  async function inProcess(argv: string[], options: Parameters<typeof fakeIo>[0] = {}) {
    const f = fakeIo({ env: withToken, ...options });
    const code = await main(argv, f.io);
    expect(f.stdout() + f.stderr()).not.toContain(TOKEN);
    return { code, stdout: f.stdout(), stderr: f.stderr() };
  }

  it('usage errors exit 2 with one line: no command, no ids, bad project id, bad number, unset --token-env, no credentials', async () => {
    const s = await server();
    const runs = await Promise.all([
      inProcess([]),
      inProcess(['delete', ...target(s.url)]),
      inProcess(['delete', '--endpoint', s.url, '--project-id', 'NOT-A-PROJECT', TASK_ID]),
      inProcess(['delete', ...target(s.url), '--concurrency', '0', TASK_ID]),
      inProcess(['delete', ...target(s.url), '--token-env', 'MY_IAM_TOKEN', TASK_ID]),
      inProcess(['delete', ...target(s.url), TASK_ID], { env: {} }),
      inProcess(['delete', ...target(s.url), '--token-env', 'MIIxyz+/=', TASK_ID]),
      inProcess(['delete', '--project-id', PROJECT_ID, TASK_ID]),
    ]);
    const messages = runs.map((r) => {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(STACK_LINE);
      return oneErrorLine({ ...r, ms: 0 });
    });
    expect(messages).toEqual([
      "modelarts-tasks: no command given; try 'modelarts-tasks --help'",
      'modelarts-tasks: no task ids: give them as arguments or with --from-file <path|->',
      expect.stringMatching(/^modelarts-tasks: --project-id: must be 32 characters matching \^\[0-9a-z\]\{32\}\$/),
      expect.stringMatching(/--concurrency.*must be an integer from 1 to 256/),
      'modelarts-tasks: MY_IAM_TOKEN (named by --token-env): is not set',
      expect.stringMatching(/^modelarts-tasks: no credentials: set HUAWEICLOUD_SDK_TOKEN .* HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/),
      expect.stringMatching(/--token-env.*takes the NAME of an environment variable/),
      'modelarts-tasks: no endpoint: pass --region (e.g. cn-north-4) or --endpoint <url>, or set HUAWEICLOUD_SDK_REGION',
    ]);
    expect(messages[6]).not.toContain('MIIxyz');
    expect(s.requests).toBe(0);
  });

  it('prints the stack of an error under --debug only', async () => {
    const path = join(tmpdir(), 'no-such-dir-modelarts', 'ids.txt');
    const debug = await inProcess(['delete', ...target('http://127.0.0.1:9'), '-f', path, '--debug']);
    expect(debug.code).toBe(2);
    expect(lines(debug.stderr)[0]).toMatch(/^modelarts-tasks: cannot read ids file/);
    expect(debug.stderr).toMatch(STACK_LINE);
  });

  it('--help of the program exits 0 with examples', async () => {
    const r = await inProcess(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain("modelarts-tasks delete --help");
  });

  it('--ignore-missing turns a missing task into success; human output lists only problems', async () => {
    const s = await server();
    const lenient = await inProcess(['delete', ...target(s.url), '--json', '--ignore-missing', 'ok3', 'miss2']);
    expect(lenient.code).toBe(0);
    expect(jsonLines(lenient.stdout)).toContainEqual({ taskId: 'miss2', outcome: 'missing', status: 400, errorCode: null, requestId: expect.any(String) });
    expect(jsonLines(lenient.stdout).at(-1)).toMatchObject({ summary: { deleted: 1, missing: 1, failed: 0 } });

    const human = await inProcess(['delete', ...target(s.url), '--retries', '0', 'ok4', 'bad id!', 'fail2', 'init1']);
    expect(human.code).toBe(2);
    expect(lines(human.stdout).sort()).toEqual([
      expect.stringMatching(/^deleted 1, missing 0, failed 2, invalid 1, duplicates 0 in /),
      expect.stringMatching(/^failed {3}fail2 {2}HTTP 500 ModelArts\.0010: Internal error\. \(request id req-\d+\)$/),
      expect.stringMatching(/^failed {3}init1 {2}HTTP 403 ModelArts\.4850: /),
      'invalid  "bad id!"  must be 1 to 64 characters matching ^[A-Za-z0-9_-]{1,64}$',
    ]);
  });

  it('reads ids from a file after the arguments; a human dry run lists them; escapes control characters', async () => {
    const s = await server();
    const dir = mkdtempSync(join(tmpdir(), 'modelarts-cli-'));
    writeFileSync(join(dir, 'ids.txt'), '# ids\n f1\n\nf2\r\nf1\nbad\u001b[31mred\n');
    const dry = await inProcess(['delete', ...target(s.url), '-n', 'arg1', '-f', join(dir, 'ids.txt')], { env: {} });
    expect(dry.code).toBe(2);
    expect(lines(dry.stdout)).toEqual([
      'would delete  arg1',
      'would delete  f1',
      'would delete  f2',
      'invalid  "bad\\u001b[31mred"  must be 1 to 64 characters matching ^[A-Za-z0-9_-]{1,64}$',
      expect.stringMatching(/^dry run: 3 would be deleted, 1 invalid, 1 duplicate; nothing was sent/),
    ]);
    expect(s.requests).toBe(0);
    const real = await inProcess(['delete', ...target(s.url), '--json', 'arg1', '-f', join(dir, 'ids.txt')]);
    expect(real.code).toBe(2);
    expect(real.stdout).not.toContain('\u001b');
    expect([...s.taskIds].sort()).toEqual(['arg1', 'f1', 'f2']);
  });

  it('a token from the variable named by --token-env is used and never shown', async () => {
    const s = await server();
    const r = await inProcess(['delete', ...target(s.url), '--token-env', 'MY_IAM_TOKEN', '--retries', '0', 'echo2'], {
      env: { MY_IAM_TOKEN: `${TOKEN}-custom` },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('token [redacted] is not valid here');
    expect(r.stdout + r.stderr).not.toContain(`${TOKEN}-custom`);
    expect(s.tokens).toEqual(new Set([`${TOKEN}-custom`]));
  });

  it('keeps to the default concurrency of 8, and reaches it', async () => {
    const s = await server({ delayMs: 150 });
    const r = await inProcess(['delete', ...target(s.url), '--yes', ...ids('d', 24)]);
    expect(r.code).toBe(0);
    expect(s.requests).toBe(24);
    expect(s.maxInFlight).toBe(8);
  });

  it('draws a progress bar on a terminal for more than 5 ids, not for 5, not with --json', async () => {
    // 12 ids two at a time, 80 ms each: long enough for the bar's 10 redraws a second to show.
    const s = await server({ delayMs: 80 });
    const many = await inProcess(['delete', ...target(s.url), '-c', '2', ...ids('p', 12)], { stderrTTY: true });
    const few = await inProcess(['delete', ...target(s.url), ...ids('q', 5)], { stderrTTY: true });
    const json = await inProcess(['delete', ...target(s.url), '--json', ...ids('r', 12)], { stderrTTY: true });
    expect(many.code).toBe(0);
    expect(many.stderr).toMatch(/deleting \[[^\]]*\] \d+% \d+\/12/);
    expect(many.stdout).toMatch(/^deleted 12, /);
    expect(few.stderr).toBe('');
    expect(json.stderr).toBe('');
    expect(s.requests).toBe(29);
  });

  it('asks before deleting more than 20 ids when stdin and stderr are terminals; no deletes on "n"', async () => {
    const s = await server();
    const no = await inProcess(['delete', ...target(s.url), ...ids('n', 21)], { stdinTTY: true, stderrTTY: true, input: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toContain(`modelarts-tasks: delete 21 tasks in project ${PROJECT_ID} at ${s.url}? [y/N] `);
    expect(no.stderr).toContain('not confirmed; nothing was sent');
    expect(s.requests).toBe(0);

    const yes = await inProcess(['delete', ...target(s.url), ...ids('y', 21)], { stdinTTY: true, stderrTTY: true, input: 'y\n' });
    expect(yes.code).toBe(0);
    expect(s.requests).toBe(21);

    // --yes, or 20 ids (not above the threshold): no question at all.
    const flagged = await inProcess(['delete', ...target(s.url), '--yes', '--json', ...ids('a', 21)], { stdinTTY: true, stderrTTY: true });
    const twenty = await inProcess(['delete', ...target(s.url), '--json', ...ids('b', 20)], { stdinTTY: true, stderrTTY: true });
    for (const r of [flagged, twenty]) {
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('[y/N]');
    }
    // No terminal to ask on (stdin not one, no /dev/tty): refused, nothing sent.
    const piped = await inProcess(['delete', ...target(s.url), '--json', ...ids('c', 21)], { stdinTTY: false, stderrTTY: true });
    expect(piped.code).toBe(1);
    expect(oneErrorLine({ ...piped, ms: 0 })).toBe(
      'modelarts-tasks: refusing to delete 21 tasks without confirmation: there is no terminal to ask on; pass --yes (nothing was sent)',
    );
    expect(s.requests).toBe(21 + 21 + 20);
  });

  it('Ctrl-C stops sending, aborts what is in flight, prints the summary and exits 130', async () => {
    // Answers would take 5 s; the abort comes once both slots are busy.
    const s = await server({ delayMs: 5000 });
    const controller = new AbortController();
    const poll = setInterval(() => {
      if (s.requests >= 2) controller.abort();
    }, 5);
    const started = performance.now();
    const r = await inProcess(['delete', ...target(s.url), '--json', '-c', '2', '--yes', ...ids('i', 50)], { signal: controller.signal });
    clearInterval(poll);
    expect(r.code).toBe(130);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(s.requests).toBe(2);
    // The two in flight were sent: their outcome is unknown, not "failed".
    const out = jsonLines(r.stdout);
    expect(out.filter((l) => l.outcome === 'unknown')).toHaveLength(2);
    expect(out.at(-1)).toMatchObject({ summary: { deleted: 0, failed: 0, unknown: 2, stopped: 'interrupted' } });
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^modelarts-tasks: interrupted; 2 sent without an answer .*no further ids were sent$/)]);
  });
});
