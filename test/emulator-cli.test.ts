// `list | delete` until nothing is left: ids listed through the client are piped into the
// modelarts-tasks CLI (`delete --from-file -`), run as a subprocess the way a user runs it.
// Tasks still initializing are refused (403 ModelArts.4850) and left for the next round.
import { describe, expect, it } from 'vitest';
import { clientFor, manualClock, useEmulator } from './support/emulator.ts';
import { jsonLines, runCli } from './support/cli-run.ts';
import { PROJECT_ID } from './support/fixtures.ts';

const clock = manualClock();
const emulator = await useEmulator({ seed: 25, now: clock.now, statusIntervalMs: 60_000 });
const client = clientFor(emulator);

/** Every task id of both seeded workspaces, page after page (offset is a page index). */
async function listIds(): Promise<{ ids: string[]; initializing: number }> {
  const ids: string[] = [];
  let initializing = 0;
  for (const workspace_id of ['0', 'ws-emulator']) {
    for (let offset = 0; ; offset++) {
      const { data } = await client.raw.GET('/v2/{project_id}/processor-tasks', { params: { path: { project_id: PROJECT_ID }, query: { limit: 10, offset, workspace_id } } });
      ids.push(...data!.tasks!.map((t) => t.task_id!));
      initializing += data!.tasks!.filter((t) => t.status === 0).length;
      if ((offset + 1) * 10 >= data!.count!) break;
    }
  }
  return { ids, initializing };
}

function deleteWithCli(ids: string[]) {
  return runCli(['delete', '--endpoint', emulator.url, '--project-id', PROJECT_ID, '--from-file', '-', '--json', '--concurrency', '4'], {
    env: { HUAWEICLOUD_SDK_TOKEN: 'cli-emulator-token' },
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
