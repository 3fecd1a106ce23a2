// Ages on the command line: `30m`, `12h`, `7d`, `2w` (and `45s`), as milliseconds.
import { InvalidArgumentError } from 'commander';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

export function parseDuration(value: string): number {
  const m = /^(\d{1,6})([smhdw])$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('must be a number and a unit: s, m, h, d or w (e.g. 7d)');
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}
