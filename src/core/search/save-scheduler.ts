/**
 * When the derived search index is written to disk.
 *
 * Writing it costs time in proportion to the archive (the text index is packed and
 * rewritten whole: ~50 ms at a few thousand articles, seconds at 150k), and the core
 * worker answers nobody while it writes. So a change is not saved at once:
 * - a save comes `delayMs` after the last change (a burst of tag edits is one save),
 *   but never later than `maxWaitMs` after the first unsaved one (a steady trickle of
 *   one-page uploads from a newsroom still reaches the disk);
 * - while a batch holds the scheduler (an import job, a reparse) a due save waits for
 *   its end: a 10,000-page import is saved once, not every `maxWaitMs`;
 * - `flush()` saves now if anything is unsaved (closing the archive).
 *
 * The index is rebuildable from the store; what a crash loses is at most the last
 * `maxWaitMs` of changes to the file, and the archive then notices the mismatch at open
 * (fingerprint) and rebuilds. Nothing in the store depends on when the index is saved.
 */
export interface SaveSchedulerOptions {
  /** Quiet time after the last change before saving (ms). */
  delayMs: number;
  /** Longest an unsaved change waits, unless a batch holds the scheduler (ms). */
  maxWaitMs: number;
  save: () => void;
  onError: (err: Error) => void;
}

export class SaveScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Date.now() of the first change not yet saved; null when the file is current. */
  private dirtySince: number | null = null;
  private holds = 0;

  constructor(private readonly o: SaveSchedulerOptions) {}

  get pending(): boolean {
    return this.dirtySince !== null;
  }

  /** Something the index file should hold has changed. */
  changed(): void {
    this.dirtySince ??= Date.now();
    this.arm();
  }

  /** A batch starts: due saves wait until `release`. */
  hold(): void {
    this.holds++;
  }

  /** `hold`, with its `release` returned: calling that again releases nothing more (a sync: core/sync/engine.ts). */
  holdUntilReleased(): () => void {
    this.hold();
    let held = true;
    return () => {
      if (held) this.release();
      held = false;
    };
  }

  /**
   * The batch ended: a save comes when due; when the change has waited `maxWaitMs` it is made
   * here, at once (a timer due during the batch might otherwise fall inside the next one, and
   * back-to-back uploads would never let the index reach the disk).
   */
  release(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (!this.pending || this.holds > 0) return;
    if (Date.now() - this.dirtySince! >= this.o.maxWaitMs) this.saveReporting();
    else this.arm();
  }

  /** Save now if anything is unsaved (throws what the save throws). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) return;
    // A save that throws leaves the change pending: the next change or `flush` tries again.
    this.o.save();
    this.dirtySince = null;
  }

  /** The file was written by someone else (a rebuild): nothing is pending. */
  saved(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirtySince = null;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    const now = Date.now();
    const due = Math.min(now + this.o.delayMs, (this.dirtySince ?? now) + this.o.maxWaitMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      // A batch is running: it saves or re-arms at its end.
      if (this.holds > 0) return;
      this.saveReporting();
    }, Math.max(0, due - now));
    this.timer.unref?.();
  }

  private saveReporting(): void {
    try {
      this.flush();
    } catch (err) {
      this.o.onError(err as Error);
    }
  }
}
