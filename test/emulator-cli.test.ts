// `list | delete` until nothing is left: `modelarts-tasks list` finds the tasks and its ids are
// piped into `modelarts-tasks delete --from-file -`, both run as subprocesses the way a user
// runs them. Tasks still initializing are refused (403 ModelArts.4850) and left for the next round.
import { describe, expect, it } from 'vitest';
import { clientFor, manualClock, useEmulator } from './support/emulator.ts';
import { jsonLines, runCli } from './support/cli-run.ts';
import { PROJECT_ID } from './support/fixtures.ts';

const clock = manualClock();
const emulator = await useEmulator({ seed: 25, now: clock.now, statusIntervalMs: 60_000 });
const client = clientFor(emulator);

const env = { HUAWEICLOUD_SDK_TOKEN: 'cli-emulator-token' };

/** Every task of both seeded workspaces, through `modelarts-tasks list` (every page, JSON lines). */
async function listIds(): Promise<{ ids: string[]; initializing: number }> {
  const ids: string[] = [];
  let initializing = 0;
  for (const workspace of ['0', 'ws-emulator']) {
    const r = await runCli(['list', '--endpoint', emulator.url, '--project-id', PROJECT_ID, '--workspace-id', workspace, '--output', 'json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const tasks = jsonLines(r.stdout);
    ids.push(...tasks.map((t) => t.task_id as string));
    initializing += tasks.filter((t) => t.status === 0).length;
  }
  // The client sees the same: what the CLI listed is what the API lists.
  const viaClient: string[] = [];
  for (const workspaceId of ['0', 'ws-emulator']) for await (const t of client.listProcessorTasksAll({ workspaceId })) viaClient.push(t.task_id!);
  expect(viaClient.sort()).toEqual([...ids].sort());
  return { ids, initializing };
}

function deleteWithCli(ids: string[]) {
  return runCli(['delete', '--endpoint', emulator.url, '--project-id', PROJECT_ID, '--from-file', '-', '--json', '--concurrency', '4', '--yes'], {
    env,
    input: ids.map((id) => `${id}\n`).join(''),
  });
}

describe('emulator: list | modelarts-tasks delete, until the list is empty', () => {
  it('deletes everything listed, over as many rounds as initializing tasks need', async () => {
    const first = await listIds();
    expect(first.ids).toHaveLength(25);
    expect(first.initializing).toBeGreaterThan(0);

    const round1 = await deleteWithCli(first.ids);
    const outcomes1 = jsonLines(round1.stdout).filter((l) => 'outcome' in l);
    expect(outcomes1).toHaveLength(25);
    const refused = outcomes1.filter((o) => o.outcome === 'failed');
    expect(refused).toHaveLength(first.initializing);
    expect(refused.every((o) => o.status === 403 && o.errorCode === 'ModelArts.4850')).toBe(true);
    expect(round1.code, round1.stderr).toBe(1);

    const left = await listIds();
    expect(left.ids.sort()).toEqual(refused.map((o) => o.taskId).sort());

    // A minute later they have started running and can go.
    clock.advance(60_000);
    const round2 = await deleteWithCli(left.ids);
    expect(round2.code, round2.stderr).toBe(0);
    expect(jsonLines(round2.stdout).filter((l) => l.outcome === 'deleted')).toHaveLength(left.ids.length);
    expect((await listIds()).ids).toEqual([]);

    // Deleting them all again: every id is missing, which --ignore-missing counts as done.
    const round3 = await runCli(['delete', '--endpoint', emulator.url, '--project-id', PROJECT_ID, '--ignore-missing', '--json', ...first.ids.slice(0, 3)], {
      env: { HUAWEICLOUD_SDK_TOKEN: 'cli-emulator-token' },
    });
    expect(round3.code).toBe(0);
    expect(jsonLines(round3.stdout).filter((l) => l.outcome === 'missing')).toHaveLength(3);
  });
});
