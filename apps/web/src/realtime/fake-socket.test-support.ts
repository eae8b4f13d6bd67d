import type { SocketLike } from "./connection";
import type { EnvironmentChange, LiveEnvironment } from "./environment";
import type { ClientMessage, ServerMessage } from "./protocol";

/** A socket the test plays the server's side of. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: ClientMessage[] = [];
  closedWith: number | undefined;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error("The socket is not open.");
    this.sent.push(JSON.parse(data) as ClientMessage);
  }

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  /** The server accepts the upgrade. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  /** The server sends a message. */
  push(message: ServerMessage | string): void {
    const data =
      typeof message === "string" ? message : JSON.stringify(message);
    this.onmessage?.({ data } as MessageEvent);
  }

  /** The server (or the network) ends the socket. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }

  last(): ClientMessage | undefined {
    return this.sent.at(-1);
  }

  get ticket(): string | null {
    return new URL(this.url).searchParams.get("ticket");
  }
}

/** A page whose network and visibility the test switches. */
export class FakeEnvironment implements LiveEnvironment {
  isOnline = true;
  isVisible = true;
  private listeners = new Set<(change: EnvironmentChange) => void>();

  online = () => this.isOnline;
  visible = () => this.isVisible;

  watch(listener: (change: EnvironmentChange) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get watchers(): number {
    return this.listeners.size;
  }

  change(change: EnvironmentChange): void {
    if (change === "online" || change === "offline") {
      this.isOnline = change === "online";
    } else {
      this.isVisible = change === "visible";
    }
    for (const listener of this.listeners) listener(change);
  }
}

/** A welcome with the given journal head and short, round timings. */
export function welcome(seq: number): ServerMessage {
  return {
    type: "welcome",
    connectionId: `c-${seq}`,
    userId: "u-1",
    seq,
    heartbeatMs: 60_000,
    staleAfterMs: 150_000,
    idleTimeoutMs: 600_000,
    maxConnectionMs: 7_200_000,
    reconnectAfterMs: 6_600_000,
    retryInitialMs: 1_000,
    retryMaxMs: 30_000,
  };
}
