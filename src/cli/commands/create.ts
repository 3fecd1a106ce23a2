// `create`: a task from a JSON body (a file or stdin, in the format of the spec's examples),
// with the body's top-level fields also settable as flags (derived from the spec), which win
// over the file. --dry-run checks the body against the spec and sends nothing.
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { CreateProcessorTaskInput } from '../../../generated/client.ts';
import { checkTypedInput } from '../../call.ts';
import { UsageError } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';
import { bodyOptions, collect, flagOf } from '../operation-options.ts';
import type { CommandContext } from '../program.ts';
import { clientFor, resolveTarget, secretsOf, settled } from '../settings.ts';

const MAX_BODY_FILE = 1024 * 1024;

async function readStdin(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > MAX_BODY_FILE) throw new UsageError(`--from-file -: more than ${MAX_BODY_FILE} bytes; a task body is a small JSON document`);
  }
  return text;
}

/** The JSON object of --from-file (a path or - for stdin), or {} without it. */
export async function bodyFromFile(path: string | undefined, io: CliIo): Promise<Record<string, unknown>> {
  if (path === undefined) return {};
  let text: string;
  try {
    text = path === '-' ? await readStdin(io) : await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(`cannot read ${JSON.stringify(path)}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${path === '-' ? 'stdin' : path} is not JSON: ${(err as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new UsageError(`${path === '-' ? 'stdin' : path} must hold a JSON object (the request body)`);
  return body as Record<string, unknown>;
}

export function registerCreate(program: Command, ctx: CommandContext): void {
  const derived = bodyOptions('createProcessorTask');
  const command = program
    .command('create')
    .description('create a processor task from a JSON body (see the spec\'s CreateProcessorTask examples)')
    .option('-f, --from-file <path>', 'the request body, a JSON file, or "-" for stdin')
    .option('-n, --dry-run', 'check the body against the spec and print it; send nothing, need no credentials')
    .addOption(new Option('-o, --output <format>', 'text (the new task id) or json (the response body)').choices(['text', 'json']).default('text'));
  for (const d of derived) command.addOption(d.option);
  command.addHelpText('after', '\nFlags for body fields win over the same fields of --from-file.\nExit codes: 0 created (or, with --dry-run, valid), 1 the call failed, 2 usage error or invalid body, 3 credentials refused.\n');
  command.action(async (o: Record<string, unknown>, cmd: Command) => {
    const g = ctx.globals(cmd);
    const { io, printer } = ctx;
    const secrets = secretsOf(io.env, g.tokenEnv);
    const target = resolveTarget(g, io.env, secrets);
    const body = { ...(await bodyFromFile(o.fromFile as string | undefined, io)), ...collect(derived, o).body };
    const input = { body } as unknown as CreateProcessorTaskInput;
    const flag = (field: string) => flagOf(derived, field);
    if (o.dryRun) {
      settled(() => checkTypedInput('createProcessorTask', input, { projectId: target.projectId, secrets }), flag);
      printer.out(`valid: would create task ${JSON.stringify(body.name)} in project ${target.projectId} at ${target.endpoint}; nothing was sent`);
      return;
    }
    const client = clientFor(g, io, printer, target);
    const { data } = await settled(() => client.createProcessorTask(input, { signal: io.signal }), flag);
    if (o.output === 'json') printer.out(JSON.stringify(data));
    else printer.out(`created ${String(data.task_id)}`);
  });
}
