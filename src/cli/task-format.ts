// How a task looks on a terminal: one fixed-width row per task, so that rows can be printed
// as pages arrive (no column needs the whole listing to size itself), and the status names
// of the spec's enum (0 initialized, 1 running, 2 completed, 3 failed, 4 stopped).
import type { OperationTypes } from '../../generated/client.ts';

type Task = OperationTypes['describeProcessorTask']['data'];

export const STATUS_NAMES = ['initialized', 'running', 'completed', 'failed', 'stopped'] as const;

export function statusName(status: unknown): string {
  return typeof status === 'number' && STATUS_NAMES[status] !== undefined ? STATUS_NAMES[status] : String(status ?? '-');
}

/** `2020-11-26 06:36` (UTC) from epoch milliseconds. */
export function shownTime(ms: unknown): string {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : '-';
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
const COLUMNS = [19, 11, 21, 16] as const;

export const TABLE_HEADER = [pad('TASK ID', COLUMNS[0]), pad('STATUS', COLUMNS[1]), pad('TYPE', COLUMNS[2]), pad('CREATED (UTC)', COLUMNS[3]), 'NAME'].join('  ');

export function taskRow(t: Task): string {
  return [
    pad(String(t.task_id ?? '-'), COLUMNS[0]),
    pad(statusName(t.status), COLUMNS[1]),
    pad(String(t.template?.id ?? '-'), COLUMNS[2]),
    pad(shownTime(t.create_time), COLUMNS[3]),
    String(t.name ?? ''),
  ].join('  ');
}

/** A task as `key: value` lines, the fields a person looks at first. */
export function taskLines(t: Task): string[] {
  const lines: [string, unknown][] = [
    ['task id', t.task_id],
    ['name', t.name],
    ['status', `${statusName(t.status)}${typeof t.status === 'number' ? ` (${t.status})` : ''}`],
    ['type', t.template?.id],
    ['created', t.create_time === undefined ? undefined : `${shownTime(t.create_time)} UTC`],
    ['running time', t.duration_seconds === undefined ? undefined : `${t.duration_seconds} s`],
    ['description', t.description],
    ['dataset version', t.version_name ?? t.version_id],
    ['versions', t.version_count],
    ['error', t.error_msg],
  ];
  return lines.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${`${k}:`.padEnd(17)}${String(v)}`);
}
