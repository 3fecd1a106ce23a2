// The progress bar on stderr. cli-progress's MultiBar (with one bar) is used rather than
// SingleBar: SingleBar saves and restores the cursor position, which puts the cursor back
// over any line printed to stdout meanwhile; MultiBar redraws in place from column 0.
import cliProgress from 'cli-progress';
import type { BulkProgress } from '../bulk.ts';

/** No bar for a handful of ids: it would only flash. */
export const PROGRESS_MIN_IDS = 5;

type Counts = Omit<BulkProgress, 'inFlight'>;

export interface ProgressStream extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
}

export class ProgressBar {
  #multi: cliProgress.MultiBar | undefined;
  #bar: cliProgress.SingleBar | undefined;
  #stopped = false;

  /** `total`: the number of ids when known beforehand (arguments, a file), else undefined (stdin). */
  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number | undefined,
  ) {}

  /** Whether a bar is shown at all: a terminal, and more than a few ids (or an unknown count). */
  static wanted(stream: ProgressStream, total: number | undefined): boolean {
    return stream.isTTY === true && (total === undefined || total > PROGRESS_MIN_IDS);
  }

  #started = performance.now();

  update(counts: Counts): void {
    if (this.#stopped) return;
    const done = counts.deleted + counts.missing + counts.failed + counts.invalid + counts.unknown + counts.duplicates;
    const seconds = (performance.now() - this.#started) / 1000;
    const payload = {
      deleted: counts.deleted,
      missing: counts.missing,
      failed: counts.failed,
      invalid: counts.invalid,
      unknown: counts.unknown,
      duplicates: counts.duplicates,
      rate: seconds > 0.5 ? (done / seconds).toFixed(1) : '-',
    };
    if (!this.#bar) {
      // With an unknown count, wait until there are enough ids to be worth a bar.
      if (this.total === undefined && done <= PROGRESS_MIN_IDS) return;
      this.#start();
    }
    this.#bar!.update(done, payload);
  }

  #start(): void {
    const known = this.total !== undefined;
    this.#multi = new cliProgress.MultiBar({
      stream: this.stream,
      format: known
        ? 'deleting [{bar}] {percentage}% {value}/{total} {rate}/s ETA {eta_formatted} | {deleted} deleted, {missing} missing, {failed} failed, {invalid} invalid, {unknown} unknown, {duplicates} dup'
        : 'deleting: {value} ids {rate}/s {duration_formatted} | {deleted} deleted, {missing} missing, {failed} failed, {invalid} invalid, {unknown} unknown, {duplicates} dup',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
      gracefulExit: false,
    });
    this.#bar = this.#multi.create(this.total ?? 0, 0, { deleted: 0, missing: 0, failed: 0, invalid: 0, unknown: 0, duplicates: 0, rate: '-' });
  }

  /** Clears the bar's line so that a line printed to stdout on the same terminal is not mixed into it; the bar redraws on its next tick. */
  clearLine(): void {
    if (this.#bar && !this.#stopped) this.stream.write('\r\x1b[2K');
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#multi?.stop();
  }
}
