// `update <task-id>`: the fields UpdateProcessorTask takes, as flags derived from its body
// (the reference allows only the description).
import type { Command } from 'commander';
import type { UpdateProcessorTaskInput } from '../../../generated/client.ts';
import { UsageError } from '../exit-codes.ts';
import { bodyOptions, collect, flagOf } from '../operation-options.ts';
import type { CommandContext } from '../program.ts';
import { clientFor, settled } from '../settings.ts';

export function registerUpdate(program: Command, ctx: CommandContext): void {
  const derived = bodyOptions('updateProcessorTask');
  const command = program.command('update').description('update a processor task').argument('<task-id>', 'the task');
  for (const d of derived) command.addOption(d.option);
  command.addHelpText('after', '\nExit codes: 0 updated, 1 the call failed, 2 usage error, 3 credentials refused.\n');
  command.action(async (taskId: string, o: Record<string, unknown>, cmd: Command) => {
    const g = ctx.globals(cmd);
    const { io, printer } = ctx;
    const body = collect(derived, o).body;
    if (Object.keys(body).length === 0) {
      throw new UsageError(`nothing to update: give ${derived.map((d) => d.option.long).join(' or ')}`);
    }
    const client = clientFor(g, io, printer);
    const input = { taskId, body } as UpdateProcessorTaskInput;
    await settled(() => client.updateProcessorTask(input, { signal: io.signal }), (f) => (f === 'taskId' ? '<task-id>' : flagOf(derived, f)));
    if (!g.quiet) printer.out(`updated ${taskId}`);
  });
}
