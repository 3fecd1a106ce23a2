// The `modelarts-tasks` command. main(argv, io) does everything and returns the exit code,
// so tests can run it in-process with fake terminals; run() binds it to the real process and
// runs when this module is the program's entry (the bin, or `node --import tsx src/cli/main.ts`).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { ValidationError } from '../errors.ts';
import type { Terminal } from './confirm.ts';
import { CliError, EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { Printer } from './output.ts';
import { buildProgram, DEFAULT_TOKEN_ENV } from './program.ts';
import { asUsageError, secretsOf } from './settings.ts';

export type { CliIo } from './io.ts';
export { EXIT, exitCodeFor } from './exit-codes.ts';

/** The variable --token-env names, read before parsing so that its value is redacted even from parse errors. */
function tokenEnvOf(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--token-env' && argv[i + 1] !== undefined) return argv[i + 1]!;
    if (a.startsWith('--token-env=')) return a.slice('--token-env='.length);
  }
  return DEFAULT_TOKEN_ENV;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const printer = new Printer(io.stdout, io.stderr, secretsOf(io.env, tokenEnvOf(argv)));
  // Known before parsing, so that a failure to parse can show its stack too.
  const debug = argv.includes('--debug');
  if (argv.length === 0) {
    printer.error("no command given; try 'modelarts-tasks --help'");
    return EXIT.usage;
  }
  let code: number = EXIT.ok;
  const program = buildProgram({ io, printer, exit: (c) => (code = c) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    // Commander has printed its own message (or the help) already.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const error = err instanceof ValidationError ? asUsageError(err) : err;
    printer.error(error instanceof Error ? error.message : String(error));
    if (debug && err instanceof Error && err.stack) printer.errLines(err.stack);
    return error instanceof CliError ? error.exitCode : EXIT.failed;
  }
}

function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    if ((stream as { destroyed?: boolean }).destroyed) resolve();
    else stream.write('', () => resolve());
  });
}

/** The controlling terminal, when the process has one: where a question goes when stdin carries the ids. */
function openTty(): Terminal | undefined {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    return undefined; // ENXIO: no controlling terminal (CI, cron, a daemon)
  }
  const input = new ReadStream(fd);
  const output = new WriteStream(fd);
  return {
    input,
    output,
    close: () => {
      input.destroy();
      output.destroy();
    },
  };
}

/** Runs main() on the real process: Ctrl-C and SIGTERM stop the batch, a second one exits at once. */
export async function run(): Promise<void> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
    if (++signals > 1) {
      // The progress bar hides the cursor; give it back before leaving mid-draw.
      if (process.stderr.isTTY) process.stderr.write('\x1b[?25h\x1b[?7h\n');
      process.exit(code);
    }
    controller.abort(new CliError(signal === 'SIGTERM' ? 'terminated' : 'interrupted', code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A closed stdout (`| head`) means no one sees the outcomes any more: stop sending rather than delete blind.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    controller.abort(new CliError(`stdout closed (${err.code ?? err.message}); no further ids were sent`, EXIT.failed));
  });
  const argv = process.argv.slice(2);
  // Last resort for a bug: still one filtered line (the stack only under --debug), never a crash dump.
  const last = (err: unknown) => {
    const printer = new Printer(process.stdout, process.stderr, secretsOf(process.env, tokenEnvOf(argv)));
    printer.error(err instanceof Error ? err.message : String(err));
    if (argv.includes('--debug') && err instanceof Error && err.stack) printer.errLines(err.stack);
    process.exit(EXIT.failed);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);

  const code = await main(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signal: controller.signal,
    openTty,
  });
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Exit now: idle keep-alive sockets or a paused stdin would otherwise hold the process open.
  process.exit(code);
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    // The bin is a symlink (node_modules/.bin/modelarts-tasks -> dist/cli.js): compare real paths.
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) await run();
