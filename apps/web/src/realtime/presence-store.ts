import type { Topic } from "./protocol";

/** Reads who is online: `GET /api/presence?id=…` (up to 100 ids). */
export type ReadPresence = (
  ids: string[],
) => Promise<{ id: string; online: boolean }[]>;

const READ_BATCH = 100;

/**
 * Who is online, for the people some screen shows. Each person shown gets
 * an `employee:<id>` topic, which carries their presence; a screen with
 * more people than topics allow falls back to the `presence` topic, which
 * carries everyone's. Presence is not replayed, so it is read again each
 * time the server confirms the topics.
 */
export class PresenceStore {
  private readonly wanted = new Map<string, number>();
  private readonly known = new Map<string, boolean>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly read: ReadPresence) {}

  /** Starts following `ids`; answers a function that stops. */
  want(ids: readonly string[]): () => void {
    for (const id of ids) this.wanted.set(id, (this.wanted.get(id) ?? 0) + 1);
    this.changed();
    return () => {
      for (const id of ids) {
        const left = (this.wanted.get(id) ?? 1) - 1;
        if (left > 0) this.wanted.set(id, left);
        else this.wanted.delete(id);
      }
      this.changed();
    };
  }

  /** At most `budget` topics that carry everyone followed's presence. */
  topics(budget: number): Topic[] {
    if (this.wanted.size > budget) return ["presence"];
    return [...this.wanted.keys()].map((id): Topic => `employee:${id}`);
  }

  /** True or false once known; undefined while it is not. */
  online(id: string): boolean | undefined {
    return this.known.get(id);
  }

  /** Changes with every update, for `useSyncExternalStore`. */
  snapshot = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A presence message from the socket. */
  set(id: string, online: boolean): void {
    if (this.known.get(id) === online) return;
    this.known.set(id, online);
    this.notify();
  }

  /** Forgets everything: the socket is down, so nothing is known. */
  clear(): void {
    if (this.known.size === 0) return;
    this.known.clear();
    this.notify();
  }

  /**
   * Reads the presence of everyone followed whose topic the server now
   * holds; a failed read leaves them unknown rather than wrong.
   */
  async refresh(held: readonly Topic[]): Promise<void> {
    const all = held.includes("presence");
    const topics = new Set(held);
    const ids = [...this.wanted.keys()].filter(
      (id) => all || topics.has(`employee:${id}`),
    );
    for (let i = 0; i < ids.length; i += READ_BATCH) {
      try {
        const items = await this.read(ids.slice(i, i + READ_BATCH));
        for (const { id, online } of items) this.set(id, online);
      } catch {
        // Unknown until the next confirmation or presence message.
      }
    }
  }

  /** Called whenever the followed set changes. */
  onChange: (() => void) | undefined;

  private changed(): void {
    this.onChange?.();
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
