import {
  DEFAULT_REALTIME_TIMINGS,
  type RealtimeTimings,
  type SequencedEvent,
  type ServerMessage,
  type Topic,
} from "@roster/core";
import WebSocket from "ws";
import { Watermark } from "./watermark.js";

/** How a client finds its way in and what it listens to. */
export interface RealtimeClientOptions {
  /** A fresh ticket per connection: `POST /api/realtime/tickets`. */
  ticket(): Promise<{ ticket: string; url: string }>;
  topics: Topic[];
  /** Resume after this seq; without it, start at the journal's head. */
  after?: number;
  onEvent?(event: SequencedEvent): void;
  onMessage?(message: ServerMessage): void;
  /** Failed attempts in a row after which the client gives up. */
  maxAttempts?: number;
  /** Back-off overrides (tests); otherwise the server's welcome decides. */
  retry?: { initialMs: number; maxMs: number };
  /** Silence after a ping that counts as a dead socket. */
  pongTimeoutMs?: number;
}

type Waiter = (message: ServerMessage) => boolean;

// The server only sends JSON objects; anything else is dropped, not thrown.
function parseServerFrame(text: string): ServerMessage | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && "type" in value
      ? (value as ServerMessage)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Node client for Roster's realtime protocol, for tests, the bench and
 * scripts; the web UI follows the same steps with the browser's socket.
 * It heartbeats with its watermark, reconnects by itself with a fresh
 * ticket, opens its next connection before the 2-hour limit, and never
 * hands an event on twice.
 */
export class RealtimeClient {
  /** Connections that reached `subscribed`, first one included. */
  connections = 0;
  private readonly mark: Watermark;
  private current: WebSocket | undefined;
  private timings: RealtimeTimings = DEFAULT_REALTIME_TIMINGS;
  private timers: NodeJS.Timeout[] = [];
  private pongTimer: NodeJS.Timeout | undefined;
  private lastHeard = new WeakMap<WebSocket, number>();
  private failures = 0;
  private closed = false;
  private waiters = new Set<Waiter>();
  /** Every socket not yet closed, the live one and any being opened. */
  private readonly open = new Set<WebSocket>();

  constructor(private readonly options: RealtimeClientOptions) {
    this.mark = new Watermark(options.after);
  }

  /** Everything up to this seq on our topics has been handed on. */
  get seq(): number | undefined {
    return this.mark.seq;
  }

  /** Connects and subscribes; resolves once the first `subscribed` is in. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Closes for good: no reconnect, no timers. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimers();
    this.current = undefined;
    await Promise.all(
      [...this.open].map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once("close", () => resolve());
            socket.close(1000, "Client closed");
          }),
      ),
    );
  }

  /** Resolves with the first message (from now) that `predicate` accepts. */
  waitFor(predicate: Waiter, timeoutMs = 5_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = (message) => {
        if (!predicate(message)) return false;
        clearTimeout(timer);
        resolve(message);
        return true;
      };
      this.waiters.add(waiter);
    });
  }

  private async connect(): Promise<void> {
    const { ticket, url } = await this.options.ticket();
    if (this.closed) return;
    const socket = new WebSocket(`${url}?ticket=${encodeURIComponent(ticket)}`);
    this.open.add(socket);
    await new Promise<void>((resolve, reject) => {
      let ready = false;
      socket.on("open", () => this.send(socket, { type: "hello" }));
      socket.on("message", (data) => {
        const message = parseServerFrame(String(data));
        if (message && this.receive(socket, message) && !ready) {
          ready = true;
          this.adopt(socket);
          resolve();
        }
      });
      socket.on("error", () => {});
      socket.on("close", () => {
        this.open.delete(socket);
        if (!ready)
          reject(new Error("The connection closed before it was ready."));
        else if (socket === this.current) this.reconnectLater();
      });
    });
  }

  // Answers true once this socket is subscribed.
  private receive(socket: WebSocket, message: ServerMessage): boolean {
    this.lastHeard.set(socket, Date.now());
    if (message.type === "welcome") {
      this.timings = message;
      this.send(socket, {
        type: "subscribe",
        topics: this.options.topics,
        ...(this.mark.seq === undefined ? {} : { after: this.mark.seq }),
      });
    } else if (message.type === "events") {
      for (const event of message.events) {
        if (this.mark.accept(event.seq)) this.options.onEvent?.(event);
      }
    } else if (message.type === "reload") {
      this.mark.reset(message.seq);
    } else if (
      (message.type === "subscribed" ||
        message.type === "resumed" ||
        message.type === "pong") &&
      message.seq !== undefined
    ) {
      this.mark.advance(message.seq);
    }
    this.options.onMessage?.(message);
    for (const waiter of this.waiters) {
      if (waiter(message)) this.waiters.delete(waiter);
    }
    return message.type === "subscribed";
  }

  // Makes `socket` the live one: heartbeats, and the next connection
  // opened before the gateway's limit, then the old one closed.
  private adopt(socket: WebSocket) {
    const previous = this.current;
    this.current = socket;
    this.connections++;
    this.failures = 0;
    this.clearTimers();
    if (previous && previous !== socket) previous.close(1000, "Replaced");
    if (this.closed) return void socket.close(1000, "Client closed");
    const { heartbeatMs, reconnectAfterMs } = this.timings;
    const pongTimeout = this.options.pongTimeoutMs ?? 10_000;
    this.timers.push(
      setInterval(() => {
        const sent = Date.now();
        this.send(socket, {
          type: "ping",
          ...(this.mark.seq === undefined ? {} : { after: this.mark.seq }),
        });
        clearTimeout(this.pongTimer);
        this.pongTimer = setTimeout(() => {
          if ((this.lastHeard.get(socket) ?? 0) < sent) socket.terminate();
        }, pongTimeout);
      }, heartbeatMs),
      setTimeout(() => void this.rotate(), reconnectAfterMs),
    );
  }

  private async rotate() {
    if (this.closed) return;
    await this.connect().catch(() => {});
  }

  private reconnectLater() {
    this.clearTimers();
    if (this.closed) return;
    this.failures++;
    if (
      this.failures > (this.options.maxAttempts ?? Number.POSITIVE_INFINITY)
    ) {
      return;
    }
    const { initialMs, maxMs } = this.options.retry ?? {
      initialMs: this.timings.retryInitialMs,
      maxMs: this.timings.retryMaxMs,
    };
    const backoff = Math.min(maxMs, initialMs * 2 ** (this.failures - 1));
    const delay = backoff * (0.5 + Math.random() / 2);
    this.timers.push(
      setTimeout(() => {
        void this.connect().catch(() => this.reconnectLater());
      }, delay),
    );
  }

  private send(socket: WebSocket, message: Record<string, unknown>) {
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
    }
  }

  private clearTimers() {
    for (const timer of [...this.timers, this.pongTimer]) clearTimeout(timer);
    this.timers = [];
    this.pongTimer = undefined;
  }
}
