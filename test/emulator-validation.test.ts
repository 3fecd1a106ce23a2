// Request validation is the spec's, through Prism's own validator: for each bad request the
// emulator answers 400 ModelArts.0101, exactly as the Prism mock does, and each good one
// passes both. Nothing bad reaches the store.
import { describe, expect, inject, it } from 'vitest';
import { send, TASKS_PATH, useEmulator } from './support/emulator.ts';
import { PROJECT_ID } from './support/fixtures.ts';
import type { Emulator } from '../emulator/index.ts';

const emulator = await useEmulator({ statusIntervalMs: 0 });
const prism = { url: inject('mockUrl') } as Emulator;
const TASK = 'SNEJua7qdZZN8GvkcEr';
const VERSION = 'qSaudx2sbPvthHygckA';
const json = (v: unknown) => JSON.stringify(v);

const BAD: [string, string, string?][] = [
  ['DELETE', `/v2/A4A5D4098FB4474FA22CD05F897D6B99/processor-tasks/${TASK}`],
  ['DELETE', `/v2/${PROJECT_ID.slice(1)}/processor-tasks/${TASK}`],
  ['DELETE', `${TASKS_PATH}/bad.id`],
  ['DELETE', `${TASKS_PATH}/${'a'.repeat(65)}`],
  ['DELETE', `${TASKS_PATH}/a%2Fb`],
  ['DELETE', `${TASKS_PATH}/items`],
  ['GET', `${TASKS_PATH}?limit=0`],
  ['GET', `${TASKS_PATH}?limit=101`],
  ['GET', `${TASKS_PATH}?sort_by=size`],
  ['GET', `${TASKS_PATH}?status=7`],
  ['GET', `${TASKS_PATH}?return_result=maybe`],
  ['GET', `${TASKS_PATH}/items?limit=1001`],
  ['GET', `${TASKS_PATH}/${TASK}/versions?sort_by=name`],
  ['GET', `${TASKS_PATH}/${TASK}/versions/${VERSION}/results?result_property=4`],
  ['GET', `${TASKS_PATH}/${TASK}/versions/bad.version`],
  ['POST', TASKS_PATH, json({ description: 'no name', template: { id: 'sys_data_analyse' } })],
  ['POST', TASKS_PATH, json({ name: 'x', template: { id: 'sys_data_nothing' } })],
  ['POST', TASKS_PATH, json({ name: 'x', description: 'a&b', template: { id: 'sys_data_analyse' } })],
  ['POST', TASKS_PATH, json({ name: 'x', description: 'd'.repeat(257), template: { id: 'sys_data_analyse' } })],
  ['POST', TASKS_PATH, json({ name: 42, template: { id: 'sys_data_analyse' } })],
  ['PUT', `${TASKS_PATH}/${TASK}`, json({ description: 'quote"' })],
  ['POST', `${TASKS_PATH}/${TASK}/versions`, json({ name: 'x' })],
];

const GOOD: [string, string, string?][] = [
  ['GET', `${TASKS_PATH}?limit=100&offset=3&sort_by=duration_seconds&order=asc&status=2&task_type=sys_data_cleaning&version_id=a,b&return_result=false`],
  ['GET', `${TASKS_PATH}/items?offset=0&limit=1000`],
  ['POST', TASKS_PATH, json({ name: 'good', description: 'fine text', template: { id: 'sys_data_analyse' } })],
  ['PUT', `${TASKS_PATH}/${TASK}`, json({ description: 'test' })],
];

describe('emulator: requests are validated against the bundled spec, as the Prism mock does', () => {
  it.each(BAD)('%s %s is refused by both with 400 ModelArts.0101', async (method, path, body) => {
    const [ours, mock] = await Promise.all([send(emulator, method, path, { body }), send(prism, method, path, { body })]);
    expect(mock.status, 'Prism').toBe(400);
    expect(mock.body.error_code, 'Prism').toBe('ModelArts.0101');
    expect(ours.status).toBe(400);
    expect(ours.body.error_code).toBe('ModelArts.0101');
    // The documented message (what Prism answers verbatim), then what was wrong.
    expect(ours.body.error_msg.startsWith(`${mock.body.error_msg.replace(/\.$/, '')}: `), ours.body.error_msg).toBe(true);
    expect(ours.body.error_msg.length).toBeGreaterThan(mock.body.error_msg.length + 2);
  });

  it.each(GOOD)('%s %s passes both', async (method, path, body) => {
    const [ours, mock] = await Promise.all([send(emulator, method, path, { body }), send(prism, method, path, { body })]);
    expect(mock.status, 'Prism').toBeLessThan(300);
    // Valid input: whatever the emulator answers, it is not a validation error.
    expect(ours.body?.error_code).not.toBe('ModelArts.0101');
  });

  it('stored nothing from the bad requests', async () => {
    const listed = await send(emulator, 'GET', `/v2/${PROJECT_ID}/processor-tasks?limit=100`);
    expect(listed.body.tasks.map((t: { name: string }) => t.name)).toEqual(['good']);
  });
});
