// `npm run emulator [-- options]`: the stateful emulator on loopback, until Ctrl-C.
import { Command, InvalidArgumentError, Option } from 'commander';
import { startEmulator, type EmulatorOptions } from './index.ts';
import { DEFAULT_PORT, OptionError, parseDuration, parseRate, parseShare, parseSize } from './options.ts';

function parser<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
}

const int = parser((text) => {
  if (!/^\d+$/.test(text)) throw new Error(`not a whole number: ${text}`);
  return Number(text);
});

const program = new Command('emulator')
  .description('Stateful emulator of the ModelArts processor-task API, on loopback: tasks and versions kept in SQLite, real authentication checks, faults on demand.')
  .addOption(new Option('--port <n>', 'port (0: a free one)').argParser(int).default(Number(process.env.EMULATOR_PORT ?? DEFAULT_PORT)))
  .addOption(new Option('--host <address>', 'loopback address').default('127.0.0.1'))
  .option('--data <file>', 'SQLite file that keeps the tasks across restarts (default: in memory)')
  .addOption(new Option('--seed <n>', 'create n realistic tasks when the store is empty').argParser(int))
  .option('--seed-project <id>', 'project of the seeded tasks')
  .addOption(new Option('--token <token>', 'accept only this IAM token').env('EMULATOR_TOKEN'))
  .addOption(new Option('--ak <ak>', 'verify AK/SK signatures made with this access key').env('EMULATOR_AK'))
  .addOption(new Option('--sk <sk>', 'secret key of --ak (prefer EMULATOR_SK: a flag shows in ps)').env('EMULATOR_SK'))
  .addOption(new Option('--security-token <token>', 'with --ak/--sk: the X-Security-Token temporary credentials must carry').env('EMULATOR_SECURITY_TOKEN'))
  .addOption(new Option('--rate-limit <rate>', 'requests per second before 429 ModelArts.2799, e.g. 10/s or 600/min').argParser(parser(parseRate)))
  .addOption(new Option('--fail-rate <share>', 'share of requests answered 500 ModelArts.0010, e.g. 0.1 or 10%').argParser(parser(parseShare)))
  .addOption(new Option('--latency <duration>', 'delay before every response, e.g. 50ms').argParser(parser(parseDuration)))
  .addOption(new Option('--status-interval <duration>', 'time a new task spends initialized, then twice that running (0: created completed)').argParser(parser(parseDuration)))
  .addOption(new Option('--max-body <size>', 'largest request body, e.g. 64kb or 1mb').argParser(parser(parseSize)))
  .option('--quiet', 'no line per request')
  .showHelpAfterError();

program.parse();
const v = program.opts<{
  port: number; host: string; data?: string; seed?: number; seedProject?: string; token?: string; ak?: string; sk?: string;
  securityToken?: string; rateLimit?: number; failRate?: number; latency?: number; statusInterval?: number; maxBody?: number; quiet?: boolean;
}>();

const options: EmulatorOptions = {
  port: v.port,
  host: v.host,
  data: v.data,
  seed: v.seed,
  seedProjectId: v.seedProject,
  token: v.token,
  accessKey: v.ak,
  secretKey: v.sk,
  securityToken: v.securityToken,
  rateLimit: v.rateLimit,
  failRate: v.failRate,
  latencyMs: v.latency,
  statusIntervalMs: v.statusInterval,
  maxBodyBytes: v.maxBody,
  ...(v.quiet ? {} : { log: (line: string) => console.log(line) }),
};

try {
  const emulator = await startEmulator(options);
  const auth = v.token ? 'IAM token (--token)' : v.ak ? `AK/SK signatures of ${v.ak}${v.securityToken ? ' with a security token' : ''}` : 'any non-empty credential';
  console.log(
    `ModelArts processor-task emulator listening on ${emulator.url}\n` +
      `  store: ${v.data ?? 'in memory'}${emulator.seeded ? `, seeded ${emulator.seeded} tasks` : ''}\n` +
      `  auth:  ${auth}\n` +
      `  ${emulator.operations.length} operations from the bundled spec`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  const message =
    err instanceof OptionError ? err.message
    : e.code === 'EADDRINUSE' ? `port ${options.port} is in use; pass --port <n> (0 picks a free one)`
    : (e.stack ?? String(err));
  console.error(`emulator: ${message}`);
  process.exit(2);
}
