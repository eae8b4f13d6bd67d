import {
  LiveClient,
  type LiveClientOptions,
  type LiveSignal,
  type LiveStatus,
} from "./live-client";
import { PresenceStore, type ReadPresence } from "./presence-store";
import { MAX_TOPICS, type Topic } from "./protocol";

const STOPPED: LiveStatus = { state: "stopped" };

/** Every tab hears directory changes: lists and profiles follow them. */
const BASE_TOPICS: readonly Topic[] = ["directory"];

/**
 * One tab's live updates: the client, the topics its screens want and who
 * is online. It outlives any one client, so switching who the tab acts as
 * reconnects with new tickets while screens keep their subscriptions.
 */
export class LiveHub {
  readonly presence: PresenceStore;
  private client: LiveClient | null = null;
  private readonly screens = new Map<symbol, readonly Topic[]>();
  private readonly listeners = new Set<(signal: LiveSignal) => void>();
  private readonly statusListeners = new Set<() => void>();
  private unlisten: (() => void)[] = [];
  private pushScheduled = false;

  constructor(
    private readonly makeClient: () => LiveClientOptions,
    readPresence: ReadPresence,
  ) {
    this.presence = new PresenceStore(readPresence);
    this.presence.onChange = () => this.schedulePush();
  }

  /** Connects (again, after `stop`), with a new client. */
  start(): void {
    this.stop();
    const client = new LiveClient(this.makeClient());
    this.client = client;
    this.unlisten = [
      client.listen((signal) => this.onSignal(signal)),
      client.subscribeStatus(() => this.onStatus()),
    ];
    this.pushTopics();
    client.start();
    this.onStatus();
  }

  stop(): void {
    for (const stop of this.unlisten) stop();
    this.unlisten = [];
    this.client?.stop();
    this.client = null;
    this.presence.clear();
    this.onStatus();
  }

  // One object, so React's external-store snapshot stays the same.
  getStatus = (): LiveStatus => this.client?.getStatus() ?? STOPPED;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  retryNow(): void {
    this.client?.retryNow();
  }

  /** A screen's topics, held until the function it answers is called. */
  want(topics: readonly Topic[]): () => void {
    const key = Symbol("screen");
    this.screens.set(key, topics);
    this.schedulePush();
    return () => {
      this.screens.delete(key);
      this.schedulePush();
    };
  }

  listen(listener: (signal: LiveSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Screens mount and unmount many at a time (a page of cards): tell the
  // client once, after the whole change.
  private schedulePush(): void {
    if (this.pushScheduled) return;
    this.pushScheduled = true;
    queueMicrotask(() => {
      this.pushScheduled = false;
      this.pushTopics();
    });
  }

  private pushTopics(): void {
    const topics = new Set<Topic>(BASE_TOPICS);
    for (const wanted of this.screens.values()) {
      for (const t of wanted) topics.add(t);
    }
    for (const t of this.presence.topics(MAX_TOPICS - topics.size)) {
      topics.add(t);
    }
    this.client?.setTopics(topics);
  }

  private onSignal(signal: LiveSignal): void {
    if (signal.kind === "presence") {
      this.presence.set(signal.id, signal.online);
    } else if (signal.kind === "subscribed") {
      void this.presence.refresh(signal.topics);
    }
    for (const listener of this.listeners) listener(signal);
  }

  private onStatus(): void {
    // Presence heard over a dead socket cannot be trusted.
    if (this.getStatus().state !== "live") this.presence.clear();
    for (const listener of this.statusListeners) listener();
  }
}
