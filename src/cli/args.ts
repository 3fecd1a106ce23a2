// Command-line parsing with commander: flags, defaults, help text. Checks that need no
// environment (number ranges, flag shapes) happen here; the rest in the delete run.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_CONCURRENCY } from '../bulk.ts';
import { DEFAULT_TIMEOUT } from '../client.ts';
import { DEFAULT_RETRY } from '../retry.ts';
import { VERSION } from '../version.ts';
import { CONFIRM_ABOVE } from './confirm.ts';
import { PROGRAM, type Printer } from './output.ts';
import { PROGRESS_MIN_IDS } from './progress.ts';

export const DEFAULT_TOKEN_ENV = 'HUAWEICLOUD_SDK_TOKEN';

export interface DeleteOptions {
  taskIds: string[];
  /** A path, or "-" for stdin. */
  fromFile: string | undefined;
  projectId: string | undefined;
  region: string | undefined;
  endpoint: string | undefined;
  tokenEnv: string;
  /** --token-env was given: the variable must then be set. */
  tokenEnvExplicit: boolean;
  concurrency: number;
  ignoreMissing: boolean;
  retries: number | undefined;
  timeout: number | undefined;
  dryRun: boolean;
  json: boolean;
  yes: boolean;
  debug: boolean;
}

function integer(min: number, max: number) {
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

const EXAMPLES = `
Examples:
  # one task; the IAM token is read from $${DEFAULT_TOKEN_ENV}
  modelarts-tasks delete --region cn-north-4 --project-id <project-id> SNEJua7qdZZN8GvkcEr

  # ids from a file, one per line; tasks already gone count as done
  modelarts-tasks delete --region cn-north-4 --from-file ids.txt --ignore-missing

  # ids from stdin, one JSON line per task (AK/SK from HUAWEICLOUD_SDK_AK / _SK)
  cut -f1 tasks.tsv | modelarts-tasks delete --region cn-north-4 --from-file - --json

  # check a file: lists what would be deleted and the invalid ids; sends nothing, needs no credentials
  modelarts-tasks delete --region cn-north-4 --from-file ids.txt --dry-run

  # against a local mock (npm run mock)
  ${DEFAULT_TOKEN_ENV}=any modelarts-tasks delete --endpoint http://127.0.0.1:4010 \\
    --project-id a4a5d4098fb4474fa22cd05f897d6b99 SNEJua7qdZZN8GvkcEr
`;

const DETAILS = `
Input:
  Ids from the arguments come first, then those of --from-file. Lines are trimmed; blank
  lines and lines starting with # are skipped; repeated ids are deleted once. Invalid ids
  are reported and never sent. The file or stdin is streamed, never read whole.

Credentials (from the environment only; never on the command line, never printed):
  $${DEFAULT_TOKEN_ENV}, or the variable named by --token-env: an IAM token (X-Auth-Token).
  Otherwise HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (AK/SK signing), with
  HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials. The token wins when both are set.
  HUAWEICLOUD_SDK_PROJECT_ID is the default --project-id; HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION>
  overrides a region's endpoint.

Terminal:
  More than ${CONFIRM_ABOVE} ids ask for confirmation when stdin and stderr are both terminals and
  the ids do not come from stdin; --yes skips it. Nothing is asked anywhere else (pipes, CI).
  A progress bar is drawn on stderr when it is a terminal, for more than ${PROGRESS_MIN_IDS} ids, without --json.
  Ctrl-C stops sending, aborts the requests in flight and prints the summary.

Output:
  Human: one line per failed or invalid id, then a summary line. --json: one JSON object per
  id {"taskId","outcome","status","errorCode","requestId","error"?} (outcome deleted, missing,
  failed, invalid, or would-delete in a dry run), then {"summary":{...}}. Errors: one line on
  stderr, "modelarts-tasks: <message>" (with the stack under --debug).

Exit codes (when several apply, the highest of 3, 2, 1 wins):
  0    every id deleted (or already gone, with --ignore-missing); dry run: every id valid
  1    some deletions failed (every other id was still tried), or the confirmation was declined
  2    usage error (bad flag, missing setting, unreadable file: nothing sent), or some ids were
       invalid (the valid ones were still deleted)
  3    credentials or permissions refused (401, or a 403 not about one task): the ids in flight
       finished, no further id was sent
  130  interrupted (Ctrl-C, SIGTERM)
`;

/** The program; `onDelete` runs the delete command with its checked options. */
export function buildProgram(printer: Printer, onDelete: (options: DeleteOptions) => Promise<void>): Command {
  const program = new Command(PROGRAM)
    .description('Delete Huawei Cloud ModelArts processor tasks (DeleteProcessorTask), one or many at once.')
    .version(VERSION, '-V, --version')
    .helpCommand(false)
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
    .addHelpText('after', `${EXAMPLES}\nRun 'modelarts-tasks delete --help' for input, credentials, output and exit codes.\n`);

  program
    .command('delete')
    .description('delete processor tasks by id')
    .argument('[task-id...]', 'task ids (also, or instead, --from-file)')
    .option('-f, --from-file <path>', 'read ids from a file, or "-" for stdin, one per line')
    .option('--project-id <id>', 'project id (default: $HUAWEICLOUD_SDK_PROJECT_ID)')
    .option('--region <region>', 'region, e.g. cn-north-4')
    .option('--endpoint <url>', 'endpoint URL; wins over --region (e.g. a local mock)')
    .addOption(
      new Option('--token-env <name>', 'environment variable that holds an IAM token').default(DEFAULT_TOKEN_ENV).argParser(envName),
    )
    .addOption(
      new Option('-c, --concurrency <n>', 'requests at once, 1 to 256').default(DEFAULT_CONCURRENCY).argParser(integer(1, 256)),
    )
    .option('--ignore-missing', 'count a task that does not exist (400 ModelArts.4700) as done')
    .addOption(
      new Option('--retries <n>', `retries per id on 429, 5xx and connection errors, 0 to 100 (default: ${DEFAULT_RETRY.limit})`).argParser(
        integer(0, 100),
      ),
    )
    .addOption(
      new Option('--timeout <ms>', `per-attempt timeout in milliseconds (default: ${DEFAULT_TIMEOUT})`).argParser(
        integer(1, 2_147_483_647),
      ),
    )
    .option('-n, --dry-run', 'check ids, project and endpoint and list what would be deleted; send nothing, need no credentials')
    .option('--json', 'one JSON line per id, then a summary line')
    .option('-y, --yes', `do not ask for confirmation (asked on a terminal above ${CONFIRM_ABOVE} ids)`)
    .option('--debug', 'log each request on stderr and print stack traces')
    .addHelpText('after', `${EXAMPLES}${DETAILS}`)
    .action(async (taskIds: string[], o: Record<string, unknown>, command: Command) => {
      await onDelete({
        taskIds,
        fromFile: o.fromFile as string | undefined,
        projectId: o.projectId as string | undefined,
        region: o.region as string | undefined,
        endpoint: o.endpoint as string | undefined,
        tokenEnv: o.tokenEnv as string,
        tokenEnvExplicit: command.getOptionValueSource('tokenEnv') === 'cli',
        concurrency: o.concurrency as number,
        ignoreMissing: o.ignoreMissing === true,
        retries: o.retries as number | undefined,
        timeout: o.timeout as number | undefined,
        dryRun: o.dryRun === true,
        json: o.json === true,
        yes: o.yes === true,
        debug: o.debug === true,
      });
    });

  return program;
}
