// `describe <task-id>`: one task, as the service reports it (JSON) or as a short summary.
import { type Command, Option } from 'commander';
import type { CommandContext } from '../program.ts';
import { clientFor, settled } from '../settings.ts';
import { taskLines } from '../task-format.ts';

export function registerDescribe(program: Command, ctx: CommandContext): void {
  program
    .command('describe')
    .description('show one processor task')
    .argument('<task-id>', 'the task')
    .addOption(new Option('-o, --output <format>', 'json (the task as the service returns it) or text').choices(['json', 'text']).default('json'))
    .addHelpText('after', '\nExit codes: 0 shown, 1 the task does not exist or the call failed, 2 usage error, 3 credentials refused.\n')
    .action(async (taskId: string, o: Record<string, unknown>, cmd: Command) => {
      const g = ctx.globals(cmd);
      const { io, printer } = ctx;
      const client = clientFor(g, io, printer);
      const { data } = await settled(() => client.describeProcessorTask({ taskId }, { signal: io.signal }), (f) => (f === 'taskId' ? '<task-id>' : undefined));
      if (o.output === 'text') for (const line of taskLines(data)) printer.out(line);
      else for (const line of JSON.stringify(data, null, 2).split('\n')) printer.out(line);
    });
}
