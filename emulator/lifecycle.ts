// How a task or a version moves through its statuses over time. Nothing runs in the
// background: each record stores when its phases end, and its status is read off the clock,
// so progression survives a restart and costs nothing while no one asks.
//   0 initialized → 1 running → 2 completed (or 3 failed), unless stopped (4) first.

export const STATUS = { initialized: 0, running: 1, completed: 2, failed: 3, stopped: 4 } as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

export interface Timeline {
  /** Creation, ms since the epoch. */
  createdAt: number;
  /** End of the initialized phase. */
  initUntil: number;
  /** End of the running phase. */
  runUntil: number;
  /** Status reached at runUntil: completed or failed. */
  outcome: Status;
  /** When it was stopped, if it was. */
  stoppedAt?: number | null;
}

/** A new record's timeline: one interval initializing, two running (the emulator's speed). */
export function newTimeline(now: number, intervalMs: number, outcome: Status = STATUS.completed): Timeline {
  return { createdAt: now, initUntil: now + intervalMs, runUntil: now + 3 * intervalMs, outcome, stoppedAt: null };
}

export function statusAt(t: Timeline, now: number): Status {
  if (t.stoppedAt != null && t.stoppedAt <= now) return STATUS.stopped;
  if (now < t.initUntil) return STATUS.initialized;
  if (now < t.runUntil) return STATUS.running;
  return t.outcome;
}

/** Whole seconds spent running so far (0 before it starts). */
export function durationSecondsAt(t: Timeline, now: number): number {
  const end = Math.min(now, t.runUntil, t.stoppedAt ?? Number.POSITIVE_INFINITY);
  return Math.max(0, Math.floor((end - t.initUntil) / 1000));
}

/** Finished: nothing more will change by itself. */
export function isFinal(status: Status): boolean {
  return status === STATUS.completed || status === STATUS.failed || status === STATUS.stopped;
}
