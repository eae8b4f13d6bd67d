/**
 * What a client has handed on: every event up to `seq` on its topics, and
 * any later ones that arrived early. Events are matched by seq, so the
 * overlap between a replay and live delivery is dropped.
 */
export class Watermark {
  private readonly early = new Set<number>();

  constructor(private current: number | undefined) {}

  get seq(): number | undefined {
    return this.current;
  }

  /** True the first time an event arrives that is not yet covered. */
  accept(seq: number): boolean {
    if (this.current !== undefined && seq <= this.current) return false;
    if (this.early.has(seq)) return false;
    this.early.add(seq);
    return true;
  }

  /** Moves forward to a watermark the server confirmed; never back. */
  advance(seq: number): void {
    if (this.current !== undefined && seq <= this.current) return;
    this.reset(seq);
  }

  /** Starts over at `seq`, as a `reload` says to. */
  reset(seq: number): void {
    this.current = seq;
    for (const s of this.early) if (s <= seq) this.early.delete(s);
  }
}
