import { retryDelay } from "./backoff";
import { Connection, type OpenSocket } from "./connection";
import { browserEnvironment, type LiveEnvironment } from "./environment";
import {
  DEFAULT_TIMINGS,
  type LiveEvent,
  MAX_TOPICS,
  type ServerMessage,
  type Timings,
  type Topic,
} from "./protocol";
import { SeqTracker } from "./seq-tracker";

/** Where the connection stands, for the status indicator. */
export type LiveStatus =
  | { state: "connecting" }
  | { state: "live" }
  | { state: "reconnecting"; failures: number; retryAt: number }
  | { state: "offline" }
  | { state: "stopped" };

/** What the client hands on to the screens. */
export type LiveSignal =
  /** Changes not seen before, in journal order. */
  | { kind: "events"; events: LiveEvent[] }
  | { kind: "presence"; id: string; online: boolean }
  /**
   * Refetch everything shown: the first connection of this tab (whatever
   * loaded before it may have missed a change), a change too big for one
   * frame, or a journal that could not catch this tab up.
   */
  | { kind: "resync"; reason: "connected" | "refetch" | "reload" }
  /** The server holds `topics` now; presence must be read again. */
  | { kind: "subscribed"; topics: readonly Topic[] };

export interface LiveClientOptions {
  /** `POST /api/realtime/tickets`: a fresh ticket for every connection. */
  fetchTicket(): Promise<{ ticket: string; url: string }>;
  openSocket?: OpenSocket;
  environment?: LiveEnvironment;
  random?: () => number;
  /** Silence after a ping that means the socket is dead. */
  pongTimeoutMs?: number;
  /** How long a new socket may take to reach `subscribed`. */
  readyTimeoutMs?: number;
}

const PONG_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 20_000;
const DEAD = 4000;

/**
 * The browser's side of Roster's live-updates protocol. It keeps one
 * subscribed socket per tab: heartbeats with its watermark, reconnects
 * after a drop with jittered back-off and a fresh ticket, opens its next
 * socket before the gateway's two-hour cut and lets the old one go only
 * once the new one is subscribed, and hands each journal number on once.
 */
export class LiveClient {
  private status: LiveStatus = { state: "stopped" };
  private readonly seqs = new SeqTracker();
  private readonly desired = new Set<Topic>();
  private timings: Timings = DEFAULT_TIMINGS;
  private current: Connection | null = null;
  private pending: Connection | null = null;
  private connecting = false;
  private everLive = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private unwatch: (() => void) | undefined;
  private readonly listeners = new Set<(signal: LiveSignal) => void>();
  private readonly statusListeners = new Set<() => void>();
  private readonly env: LiveEnvironment;
  private readonly open: OpenSocket;

  constructor(private readonly options: LiveClientOptions) {
    this.env = options.environment ?? browserEnvironment;
    this.open = options.openSocket ?? ((url) => new WebSocket(url));
  }

  getStatus = (): LiveStatus => this.status;

  private get stopped(): boolean {
    return this.status.state === "stopped";
  }

  /** The last seq the server confirmed; null before the first welcome. */
  get watermark(): number | null {
    return this.seqs.watermark;
  }

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  listen(listener: (signal: LiveSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.status.state !== "stopped") return;
    this.unwatch = this.env.watch((change) => this.onEnvironment(change));
    this.setStatus({ state: "connecting" });
    void this.connect();
  }

  /** Closes every socket for good: no retries, no timers. */
  stop(): void {
    this.setStatus({ state: "stopped" });
    this.unwatch?.();
    clearTimeout(this.retryTimer);
    for (const c of [this.current, this.pending])
      c?.end(1000, "Client stopped");
    this.current = null;
    this.pending = null;
  }

  /** What the screens want to hear; the first 100 are kept. */
  setTopics(topics: Iterable<Topic>): void {
    this.desired.clear();
    for (const topic of topics) {
      if (this.desired.size < MAX_TOPICS) this.desired.add(topic);
    }
    if (this.current?.ready) this.syncTopics(this.current);
  }

  /** Tries again now instead of waiting out the back-off. */
  retryNow(): void {
    if (this.status.state === "stopped" || this.current) return;
    clearTimeout(this.retryTimer);
    void this.connect();
  }

  // Opens the next socket: after a drop, or beside the live one when
  // it is time to replace it.
  private async connect(): Promise<void> {
    if (this.connecting || this.pending) return;
    if (this.status.state === "stopped") return;
    this.connecting = true;
    let url: string;
    try {
      const { ticket, url: base } = await this.options.fetchTicket();
      url = `${base}?ticket=${encodeURIComponent(ticket)}`;
    } catch {
      this.connecting = false;
      this.attemptFailed();
      return;
    }
    this.connecting = false;
    if (this.stopped) return;
    const connection = new Connection(this.open(url), {
      message: (c, m) => this.receive(c, m),
      closed: (c) => this.closed(c),
    });
    this.pending = connection;
    connection.after(this.options.readyTimeoutMs ?? READY_TIMEOUT_MS, () => {
      if (!connection.ready) connection.end(DEAD, "Not ready in time");
    });
  }

  private receive(connection: Connection, message: ServerMessage): void {
    switch (message.type) {
      case "welcome":
        this.welcome(connection, message);
        break;
      case "events": {
        const fresh = message.events.filter((e) => this.seqs.accept(e.seq));
        if (fresh.length > 0) this.emit({ kind: "events", events: fresh });
        break;
      }
      case "presence": {
        const { id, online } = message;
        this.emit({ kind: "presence", id, online });
        break;
      }
      case "refetch":
        this.emit({ kind: "resync", reason: "refetch" });
        break;
      case "reload":
        this.seqs.restart(message.seq);
        this.emit({ kind: "resync", reason: "reload" });
        break;
      case "subscribed":
        this.seqs.confirm(message.seq);
        if (!connection.ready) this.adopt(connection);
        this.emit({ kind: "subscribed", topics: message.topics });
        break;
      case "resumed":
      case "pong":
        if (message.seq !== undefined) this.seqs.confirm(message.seq);
        break;
      case "error":
        // The server forgot this connection (it was silent too long).
        if (message.code === "unauthenticated") {
          connection.end(DEAD, "Unregistered");
        }
        break;
      case "unsubscribed":
        break;
    }
  }

  private welcome(
    connection: Connection,
    message: Extract<ServerMessage, { type: "welcome" }>,
  ): void {
    this.timings = { ...DEFAULT_TIMINGS, ...pickTimings(message) };
    if (this.seqs.watermark === null) this.seqs.confirm(message.seq);
    const topics = this.desired.size > 0 ? this.desired : ["directory"];
    connection.topics.clear();
    for (const t of topics) connection.topics.add(t as Topic);
    connection.send({
      type: "subscribe",
      topics: [...connection.topics],
      after: this.seqs.watermark ?? message.seq,
    });
  }

  // Makes `connection` the live one; a connection it replaces is closed
  // only now, so the overlap loses nothing (repeats are dropped by seq).
  private adopt(connection: Connection): void {
    connection.ready = true;
    const previous = this.current;
    this.current = connection;
    if (this.pending === connection) this.pending = null;
    this.failures = 0;
    clearTimeout(this.retryTimer);
    previous?.end(1000, "Replaced");
    this.setStatus({ state: "live" });
    if (!this.everLive) {
      this.everLive = true;
      this.emit({ kind: "resync", reason: "connected" });
    }
    const { heartbeatMs, reconnectAfterMs } = this.timings;
    connection.every(heartbeatMs, () => this.probe(connection));
    connection.after(reconnectAfterMs, () => this.rotate());
    this.syncTopics(connection);
  }

  // A heartbeat: anything missed since our watermark, then a pong. No
  // word back in time means the socket is dead, whatever it claims.
  private probe(connection: Connection): void {
    const heard = connection.heard;
    const after = this.seqs.watermark;
    connection.send(
      after === null ? { type: "ping" } : { type: "ping", after },
    );
    connection.after(this.options.pongTimeoutMs ?? PONG_TIMEOUT_MS, () => {
      if (connection.heard === heard) connection.end(DEAD, "No pong");
    });
  }

  private rotate(): void {
    if (this.status.state === "stopped" || this.pending || this.connecting) {
      return;
    }
    void this.connect();
  }

  private syncTopics(connection: Connection): void {
    const gone = [...connection.topics].filter((t) => !this.desired.has(t));
    const added = [...this.desired].filter((t) => !connection.topics.has(t));
    if (gone.length > 0) {
      for (const t of gone) connection.topics.delete(t);
      connection.send({ type: "unsubscribe", topics: gone });
    }
    if (added.length > 0) {
      for (const t of added) connection.topics.add(t);
      const after = this.seqs.watermark;
      connection.send(
        after === null
          ? { type: "subscribe", topics: added }
          : { type: "subscribe", topics: added, after },
      );
    }
  }

  private closed(connection: Connection): void {
    if (connection === this.pending) {
      this.pending = null;
      this.attemptFailed();
      return;
    }
    if (connection !== this.current) return;
    this.current = null;
    // A replacement on its way takes over; otherwise start again.
    if (this.pending || this.connecting) {
      this.setStatus({ state: "connecting" });
    } else {
      this.dropped();
    }
  }

  private attemptFailed(): void {
    if (this.current) {
      // A planned replacement failed; the live socket carries on a while.
      this.failures++;
      this.current.after(this.delay(), () => this.rotate());
      return;
    }
    this.dropped();
  }

  // No live socket and none on its way: wait, then try again.
  private dropped(): void {
    if (this.status.state === "stopped") return;
    clearTimeout(this.retryTimer);
    if (!this.env.online()) {
      this.setStatus({ state: "offline" });
      return;
    }
    this.failures++;
    const wait = this.delay();
    this.setStatus({
      state: "reconnecting",
      failures: this.failures,
      retryAt: Date.now() + wait,
    });
    this.retryTimer = setTimeout(() => void this.connect(), wait);
  }

  private delay(): number {
    return retryDelay(
      this.failures,
      {
        initialMs: this.timings.retryInitialMs,
        maxMs: this.timings.retryMaxMs,
      },
      this.options.random,
    );
  }

  private onEnvironment(change: string): void {
    if (this.status.state === "stopped" || change === "hidden") return;
    if (change === "offline") {
      if (!this.current && !this.connecting && !this.pending) {
        clearTimeout(this.retryTimer);
        this.setStatus({ state: "offline" });
      }
      return;
    }
    // Back online, or back in view after a sleep: a live socket may be
    // dead without knowing it, and a waiting retry need not wait.
    const live = this.current;
    if (!live) {
      this.retryNow();
      return;
    }
    if (Date.now() - live.openedAt >= this.timings.reconnectAfterMs) {
      this.rotate();
    }
    this.probe(live);
  }

  private emit(signal: LiveSignal): void {
    for (const listener of this.listeners) listener(signal);
  }

  private setStatus(next: LiveStatus): void {
    if (next.state === "live" && this.status.state === "live") return;
    this.status = next;
    for (const listener of this.statusListeners) listener();
  }
}

function pickTimings(message: Partial<Timings>): Partial<Timings> {
  const picked: Partial<Timings> = {};
  for (const key of Object.keys(DEFAULT_TIMINGS) as (keyof Timings)[]) {
    const value = message[key];
    if (typeof value === "number" && value > 0) picked[key] = value;
  }
  return picked;
}
