// Command-line parsing with commander: the global flags every command shares, then one
// subcommand per job (list, describe, create, update, delete). Checks that need no
// environment (number ranges, flag shapes) happen here; the rest where the command runs.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_TIMEOUT } from '../client.ts';
import { TOKEN_VARIABLE } from '../credentials.ts';
import { DEFAULT_RETRY } from '../retry.ts';
import { VERSION } from '../version.ts';
import { registerCreate } from './commands/create.ts';
import { registerDelete } from './commands/delete.ts';
import { registerDescribe } from './commands/describe.ts';
import { registerList } from './commands/list.ts';
import { registerUpdate } from './commands/update.ts';
import type { CliIo } from './io.ts';
import { PROGRAM, type Printer } from './output.ts';
import type { GlobalOptions } from './settings.ts';

export const DEFAULT_TOKEN_ENV = TOKEN_VARIABLE;

export function integer(min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`must be an integer from ${min} to ${max}`);
    }
    return Number(value);
  };
}

function envName(value: string): string {
  // Never echo the value: someone may have passed the token itself instead of its variable's name.
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value)) {
    throw new InvalidArgumentError('takes the NAME of an environment variable that holds the token (letters, digits and _), never the token itself');
  }
  return value;
}

export const CREDENTIALS_HELP = `
Credentials (from the environment only; never on the command line, never printed):
  $${DEFAULT_TOKEN_ENV}, or the variable named by --token-env: an IAM token (X-Auth-Token).
  Otherwise HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (AK/SK signing), with
  HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials. The token wins when both are set.
  HUAWEICLOUD_SDK_PROJECT_ID is the default --project-id, HUAWEICLOUD_SDK_REGION the default
  --region; HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION> overrides a region's endpoint.
`;

const EXAMPLES = `
Examples:
  # tasks older than a week, then delete exactly those (the IAM token is read from $${DEFAULT_TOKEN_ENV})
  modelarts-tasks list --region cn-north-4 --project-id <project-id> --older-than 7d
  modelarts-tasks list --region cn-north-4 --older-than 7d --output ids | modelarts-tasks delete --region cn-north-4 --from-file -

  # one task, in detail
  modelarts-tasks describe --region cn-north-4 SNEJua7qdZZN8GvkcEr

  # against a local mock (npm run mock) or emulator (npm run emulator)
  ${DEFAULT_TOKEN_ENV}=any modelarts-tasks delete --endpoint http://127.0.0.1:4010 \\
    --project-id a4a5d4098fb4474fa22cd05f897d6b99 SNEJua7qdZZN8GvkcEr
`;

/** Everything a command needs to run: the outside world, the printer, the global flags, and where to put its exit code. */
export interface CommandContext {
  io: CliIo;
  printer: Printer;
  globals(command: Command): GlobalOptions;
  exit(code: number): void;
}

export function globalsOf(command: Command): GlobalOptions {
  const o = command.optsWithGlobals() as Record<string, unknown>;
  let root = command;
  while (root.parent) root = root.parent;
  return {
    region: o.region as string | undefined,
    endpoint: o.endpoint as string | undefined,
    projectId: o.projectId as string | undefined,
    tokenEnv: o.tokenEnv as string,
    tokenEnvExplicit: root.getOptionValueSource('tokenEnv') === 'cli',
    retries: o.retries as number | undefined,
    timeout: o.timeout as number | undefined,
    debug: o.debug === true,
    quiet: o.quiet === true,
  };
}

/** The program, with every command registered. */
export function buildProgram(ctx: Omit<CommandContext, 'globals'>): Command {
  const { printer } = ctx;
  const program = new Command(PROGRAM)
    .description('List, inspect, create, update and delete Huawei Cloud ModelArts processor tasks.')
    .version(VERSION, '-V, --version')
    .helpCommand(false)
    // A command's help shows the global flags it takes too (--region, --token-env...).
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => printer.outRaw(text),
      writeErr: (text) => printer.outRaw(text),
      // Commander's errors start "error: " and may carry a second line (a suggestion). They
      // quote a rejected argument, which for --token-env may be a token pasted by mistake.
      outputError: (text) =>
        printer.error(
          text
            .replace(/^error:\s*/, '')
            .replace(/(option '--token-env <name>' argument) '[\s\S]*' is invalid\./, '$1 is invalid:'),
        ),
    })
    .option('--region <region>', 'region, e.g. cn-north-4 (default: $HUAWEICLOUD_SDK_REGION)')
    .option('--endpoint <url>', 'endpoint URL; wins over --region (e.g. a local mock)')
    .option('--project-id <id>', 'project id (default: $HUAWEICLOUD_SDK_PROJECT_ID)')
    .addOption(new Option('--token-env <name>', 'environment variable that holds an IAM token').default(DEFAULT_TOKEN_ENV).argParser(envName))
    .addOption(
      new Option('--retries <n>', `retries per request on 429, 5xx and connection errors, 0 to 100 (default: ${DEFAULT_RETRY.limit})`).argParser(integer(0, 100)),
    )
    .addOption(new Option('--timeout <ms>', `per-attempt timeout in milliseconds (default: ${DEFAULT_TIMEOUT})`).argParser(integer(1, 2_147_483_647)))
    .option('-q, --quiet', 'print only what is asked for and the problems: no progress bar, no summary')
    .option('--debug', 'log each request on stderr and print stack traces')
    .addHelpText('after', `${EXAMPLES}${CREDENTIALS_HELP}\nRun 'modelarts-tasks <command> --help' (e.g. 'modelarts-tasks delete --help') for a command's flags, output and exit codes.\n`);

  const full: CommandContext = { ...ctx, globals: globalsOf };
  registerList(program, full);
  registerDescribe(program, full);
  registerCreate(program, full);
  registerUpdate(program, full);
  registerDelete(program, full);
  return program;
}
