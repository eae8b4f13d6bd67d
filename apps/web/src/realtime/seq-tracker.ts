/**
 * Which journal numbers this tab has applied. `watermark` is the last seq
 * the server confirmed (everything up to it has been sent); events beyond
 * it are remembered one by one until a confirmation covers them, so the
 * overlap of a replay and live delivery, or of two connections, is
 * applied once.
 */
export class SeqTracker {
  private readonly beyond = new Set<number>();

  constructor(private mark: number | null = null) {}

  /** The seq to send as `after`, or null before the first welcome. */
  get watermark(): number | null {
    return this.mark;
  }

  /** True the first time `seq` is seen, and false for a repeat. */
  accept(seq: number): boolean {
    if (this.mark !== null && seq <= this.mark) return false;
    if (this.beyond.has(seq)) return false;
    this.beyond.add(seq);
    return true;
  }

  /** Moves to a watermark the server confirmed; never backwards. */
  confirm(seq: number): void {
    if (this.mark !== null && seq <= this.mark) return;
    this.mark = seq;
    for (const s of this.beyond) if (s <= seq) this.beyond.delete(s);
  }

  /**
   * Starts over at `seq`, as a reload hint says, even backwards: a
   * journal that is behind this tab was reset, and its numbers repeat.
   */
  restart(seq: number): void {
    this.mark = seq;
    this.beyond.clear();
  }
}
