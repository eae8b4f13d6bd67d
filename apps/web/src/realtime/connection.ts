import {
  type ClientMessage,
  parseServerMessage,
  type ServerMessage,
  type Topic,
} from "./protocol";

/** The part of the browser's WebSocket the live client uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

/** Opens a socket to `url`; the browser's `new WebSocket(url)` by default. */
export type OpenSocket = (url: string) => SocketLike;

const OPEN = 1;

/** What a connection tells its owner. */
export interface ConnectionEvents {
  message(connection: Connection, message: ServerMessage): void;
  /** The socket is gone, whichever side ended it. Called once. */
  closed(connection: Connection): void;
}

/**
 * One socket and what the client has told the server over it. Timers
 * belong to the connection, so ending it ends them, and a socket that is
 * dropped gets no more say: its late frames and close are ignored.
 */
export class Connection {
  /** Topics this socket has asked for, as the server will hold them. */
  readonly topics = new Set<Topic>();
  /** Subscribed: the server knows our topics and our watermark. */
  ready = false;
  readonly openedAt = Date.now();
  /** Frames received so far, to tell whether a ping was answered. */
  heard = 0;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private intervals = new Set<ReturnType<typeof setInterval>>();
  private ended = false;

  constructor(
    private readonly socket: SocketLike,
    private readonly events: ConnectionEvents,
  ) {
    socket.onopen = () => this.send({ type: "hello" });
    socket.onmessage = ({ data }) => {
      if (this.ended) return;
      this.heard++;
      const message = parseServerMessage(data);
      if (message) this.events.message(this, message);
    };
    socket.onclose = () => this.end();
    // An error is always followed by a close, which is what counts.
    socket.onerror = () => {};
  }

  get alive(): boolean {
    return !this.ended;
  }

  send(message: ClientMessage): void {
    if (!this.ended && this.socket.readyState === OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  after(ms: number, run: () => void): void {
    if (this.ended) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  every(ms: number, run: () => void): void {
    if (this.ended) return;
    this.intervals.add(setInterval(run, ms));
  }

  /**
   * Closes the socket and reports it closed now, without waiting for a
   * closing handshake that a dead network never finishes.
   */
  end(code = 1000, reason = "Closed by the client"): void {
    if (this.ended) return;
    this.ended = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const interval of this.intervals) clearInterval(interval);
    this.timers.clear();
    this.intervals.clear();
    this.socket.onmessage = null;
    this.socket.onclose = null;
    this.socket.onopen = null;
    try {
      this.socket.close(code, reason);
    } catch {
      // A socket still connecting may refuse a close; it is dropped anyway.
    }
    this.events.closed(this);
  }
}
