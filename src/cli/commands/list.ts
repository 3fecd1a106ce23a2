// `list`: the tasks of a project, every page (or the one page --offset/--limit ask for), with
// the List operation's own filters as flags (derived from the spec) and three more applied
// here: --status and --type with several values, and --older-than. The output streams, one
// task at a time, as a table, JSON lines, or bare ids for `| modelarts-tasks delete --from-file -`.
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ListProcessorTasksInput, OperationTypes } from '../../../generated/client.ts';
import { parseDuration } from '../duration.ts';
import { collect, flagOf, queryOptions } from '../operation-options.ts';
import type { CommandContext } from '../program.ts';
import { clientFor, settled } from '../settings.ts';
import { STATUS_NAMES, statusName, taskRow, TABLE_HEADER } from '../task-format.ts';

type Task = OperationTypes['listProcessorTasks']['item'];

// The filters --status and --type replace: they take several values, and one is also sent.
const REPLACED = ['status', 'task_type'];

function statuses(value: string): number[] {
  return value.split(',').map((raw) => {
    const v = raw.trim().toLowerCase();
    const byName = (STATUS_NAMES as readonly string[]).indexOf(v);
    if (byName >= 0) return byName;
    if (/^[0-4]$/.test(v)) return Number(v);
    throw new InvalidArgumentError(`must be status numbers 0-4 or names (${STATUS_NAMES.join(', ')}), comma-separated`);
  });
}

function types(value: string): string[] {
  return value.split(',').map((t) => t.trim()).filter(Boolean);
}

export function registerList(program: Command, ctx: CommandContext): void {
  const derived = queryOptions('listProcessorTasks', REPLACED);
  const command = program
    .command('list')
    .description('list processor tasks (every page unless --offset or --limit asks for one)')
    .addOption(new Option('--status <list>', `only tasks in these statuses: ${STATUS_NAMES.map((n, i) => `${i}|${n}`).join(', ')}; comma-separated`).argParser(statuses))
    .addOption(new Option('--type <list>', 'only tasks of these types (template ids, e.g. sys_data_analyse), comma-separated').argParser(types))
    .addOption(new Option('--older-than <age>', 'only tasks created longer ago than this: 30m, 12h, 7d, 2w').argParser((v) => parseDuration(v)))
    .addOption(new Option('-o, --output <format>', 'table, json (one task per line) or ids (one id per line); default table on a terminal, else json').choices(['table', 'json', 'ids']));
  for (const d of derived) command.addOption(d.option);
  command.addHelpText(
    'after',
    `
--status and --type filter here, after each page arrives; with one value it is also sent to
the service as its status / task_type filter. --older-than compares create_time with now.
Exit codes: 0 listed (even if nothing matched), 2 usage error, 3 credentials refused, 1 other failures.
`,
  );
  command.action(async (_opts: Record<string, unknown>, cmd: Command) => {
    const g = ctx.globals(cmd);
    const o = cmd.opts() as Record<string, unknown>;
    const { io, printer } = ctx;
    const client = clientFor(g, io, printer);
    const wanted = { status: o.status as number[] | undefined, type: o.type as string[] | undefined, olderThan: o.olderThan as number | undefined };
    const input = collect(derived, o).input as ListProcessorTasksInput;
    if (wanted.status?.length === 1) input.status = wanted.status[0] as ListProcessorTasksInput['status'];
    if (wanted.type?.length === 1) input.taskType = wanted.type[0] as ListProcessorTasksInput['taskType'];
    const output = (o.output as string | undefined) ?? (io.stdout.isTTY ? 'table' : 'json');
    const cutoff = wanted.olderThan === undefined ? undefined : Date.now() - wanted.olderThan;
    const keep = (t: Task) =>
      (wanted.status === undefined || wanted.status.includes(t.status as number)) &&
      (wanted.type === undefined || wanted.type.includes(t.template?.id as string)) &&
      (cutoff === undefined || (typeof t.create_time === 'number' && t.create_time < cutoff));

    const onePage = input.offset !== undefined || input.limit !== undefined;
    const tasks: AsyncIterable<Task> = onePage
      ? (async function* () {
          const { data } = await client.listProcessorTasks(input, { signal: io.signal });
          yield* data.tasks ?? [];
        })()
      : client.listProcessorTasksAll(input, { signal: io.signal });

    if (output === 'table') printer.out(TABLE_HEADER);
    let listed = 0;
    let shown = 0;
    await settled(
      async () => {
        for await (const task of tasks) {
          listed++;
          if (!keep(task)) continue;
          shown++;
          if (output === 'ids') printer.out(String(task.task_id));
          else if (output === 'json') printer.out(JSON.stringify(task));
          else printer.out(taskRow(task));
        }
      },
      (field) => flagOf(derived, field),
    );
    if (!g.quiet && output === 'table') printer.err(`${shown} of ${listed} tasks listed${statusNote(wanted.status)}`);
  });
}

function statusNote(s: number[] | undefined): string {
  return s === undefined ? '' : ` (status ${s.map(statusName).join(', ')})`;
}
