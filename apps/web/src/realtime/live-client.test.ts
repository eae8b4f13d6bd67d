import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  FakeEnvironment,
  FakeSocket,
  welcome,
} from "./fake-socket.test-support";
import { LiveClient, type LiveSignal } from "./live-client";
import type { LiveEvent, Topic } from "./protocol";

const updated = (seq: number, id = "p-1"): LiveEvent => ({
  seq,
  type: "employee.updated",
  id,
  version: seq,
  fields: ["jobTitle"],
});

let sockets: FakeSocket[];
let env: FakeEnvironment;
let signals: LiveSignal[];
let tickets: number;
let ticketFailures: number;
let client: LiveClient;

function makeClient(random = () => 0.5) {
  const live = new LiveClient({
    fetchTicket: async () => {
      tickets++;
      if (ticketFailures > 0) {
        ticketFailures--;
        throw new Error("offline");
      }
      return { ticket: `t+${tickets}`, url: "ws://live.test" };
    },
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    environment: env,
    random,
  });
  live.listen((s) => void signals.push(s));
  return live;
}

const socket = (i: number) => {
  const s = sockets[i];
  if (!s) throw new Error(`No socket ${i} was opened`);
  return s;
};
const flush = () => vi.advanceTimersByTimeAsync(0);
const events = () =>
  signals.flatMap((s) => (s.kind === "events" ? s.events : []));

/** Opens socket `i` and plays the server up to `subscribed`. */
async function serve(i: number, head: number, topics: Topic[] = []) {
  await flush();
  const s = socket(i);
  s.accept();
  expect(s.last()).toEqual({ type: "hello" });
  s.push(welcome(head));
  const subscribe = s.last();
  expect(subscribe?.type).toBe("subscribe");
  const after = subscribe?.type === "subscribe" ? subscribe.after : undefined;
  s.push({ type: "subscribed", topics, seq: Math.max(head, after ?? 0) });
  return s;
}

/** Lets `minutes` pass with the server answering every heartbeat. */
async function keepAlive(s: FakeSocket, minutes: number) {
  for (let i = 0; i < minutes; i++) {
    await vi.advanceTimersByTimeAsync(60_000);
    const ping = s.last();
    if (ping?.type === "ping") {
      s.push({ type: "pong", time: "now", seq: ping.after ?? 0 });
    }
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  env = new FakeEnvironment();
  signals = [];
  tickets = 0;
  ticketFailures = 0;
  client = makeClient();
});

afterEach(() => {
  client.stop();
  vi.useRealTimers();
});

describe("LiveClient", () => {
  it("connects with a ticket, says hello and subscribes from the head", async () => {
    client.setTopics(["directory", "employee:p-1"]);
    client.start();
    expect(client.getStatus()).toEqual({ state: "connecting" });
    await flush();
    const s = socket(0);
    expect(s.ticket).toBe("t+1");
    s.accept();
    expect(s.sent).toEqual([{ type: "hello" }]);
    s.push(welcome(233));
    expect(s.last()).toEqual({
      type: "subscribe",
      topics: ["directory", "employee:p-1"],
      after: 233,
    });
    s.push({ type: "subscribed", topics: ["directory"], seq: 233 });
    expect(client.getStatus()).toEqual({ state: "live" });
    expect(client.watermark).toBe(233);
    expect(signals).toEqual([
      { kind: "resync", reason: "connected" },
      { kind: "subscribed", topics: ["directory"] },
    ]);
  });

  it("hands each seq on once, across replays and live frames", async () => {
    client.start();
    const s = await serve(0, 10);
    s.push({ type: "events", events: [updated(11), updated(12)] });
    s.push({ type: "events", events: [updated(12)], replay: true });
    s.push({ type: "pong", time: "now", seq: 12 });
    s.push({ type: "events", events: [updated(11), updated(13)] });
    expect(events().map((e) => e.seq)).toEqual([11, 12, 13]);
    expect(client.watermark).toBe(12);
  });

  it("ignores frames it cannot read", async () => {
    client.start();
    const s = await serve(0, 1);
    s.push("not json");
    s.push('{"type":"events","events":[{"nope":1}]}');
    s.push('{"type":"from-the-future"}');
    expect(client.getStatus()).toEqual({ state: "live" });
    expect(events()).toEqual([]);
  });

  it("heartbeats with its watermark and reconnects when no pong comes", async () => {
    client.start();
    const s = await serve(0, 5);
    s.push({ type: "events", events: [updated(6)] });
    s.push({ type: "pong", time: "now", seq: 6 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.last()).toEqual({ type: "ping", after: 6 });
    s.push({ type: "pong", time: "now", seq: 6 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.last()).toEqual({ type: "ping", after: 6 });
    // Silence: the socket is dead even though it looks open.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.closedWith).toBe(4000);
    expect(client.getStatus()).toMatchObject({
      state: "reconnecting",
      failures: 1,
    });
    // random() = 0.5 puts the first retry at 750 ms of 1,000.
    await vi.advanceTimersByTimeAsync(749);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const next = await serve(1, 9);
    expect(next.ticket).toBe("t+2");
    expect(next.sent[1]).toMatchObject({ type: "subscribe", after: 6 });
    expect(client.getStatus()).toEqual({ state: "live" });
  });

  it("backs off by doubling with jitter, up to the most the server allows", async () => {
    client.stop();
    client = makeClient(() => 1);
    ticketFailures = 7;
    client.start();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      await flush();
      const status = client.getStatus();
      if (status.state !== "reconnecting") throw new Error(status.state);
      waits.push(status.retryAt - Date.now());
      await vi.advanceTimersByTimeAsync(status.retryAt - Date.now());
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    await serve(0, 1);
    expect(client.getStatus()).toEqual({ state: "live" });
  });

  it("spreads retries over the upper half of each step", async () => {
    client.stop();
    client = makeClient(() => 0);
    client.start();
    const s = await serve(0, 1);
    s.drop();
    const status = client.getStatus();
    expect(status).toMatchObject({ state: "reconnecting" });
    if (status.state !== "reconnecting") return;
    expect(status.retryAt - Date.now()).toBe(500);
  });

  it("opens its next socket before the limit and loses nothing in the overlap", async () => {
    client.start();
    const old = await serve(0, 20);
    await keepAlive(old, 109);
    expect(sockets).toHaveLength(1);
    await keepAlive(old, 1);
    const next = socket(1);
    next.accept();
    next.push(welcome(22));
    expect(next.last()).toMatchObject({ type: "subscribe", after: 20 });
    // The old socket still delivers until the new one is subscribed.
    old.push({ type: "events", events: [updated(21)] });
    next.push({ type: "events", events: [updated(21)], replay: true });
    next.push({ type: "events", events: [updated(22)], replay: true });
    expect(old.closedWith).toBeUndefined();
    next.push({ type: "subscribed", topics: ["directory"], seq: 22 });
    expect(old.closedWith).toBe(1000);
    old.push({ type: "events", events: [updated(22)] });
    expect(events().map((e) => e.seq)).toEqual([21, 22]);
    expect(client.getStatus()).toEqual({ state: "live" });
    expect(signals.filter((s) => s.kind === "resync")).toHaveLength(1);
  });

  it("keeps the live socket when its replacement fails", async () => {
    client.start();
    const old = await serve(0, 1);
    await keepAlive(old, 110);
    socket(1).drop();
    expect(client.getStatus()).toEqual({ state: "live" });
    expect(old.closedWith).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    await serve(2, 1);
    expect(old.closedWith).toBe(1000);
  });

  it("refetches on a refetch hint and starts over on a reload hint", async () => {
    client.start();
    const s = await serve(0, 50);
    signals.length = 0;
    s.push({ type: "refetch", scope: "directory", seq: 60 });
    s.push({ type: "reload", reason: "ahead", seq: 3 });
    expect(signals).toEqual([
      { kind: "resync", reason: "refetch" },
      { kind: "resync", reason: "reload" },
    ]);
    expect(client.watermark).toBe(3);
    s.push({ type: "events", events: [updated(4)] });
    expect(events().map((e) => e.seq)).toEqual([4]);
  });

  it("passes presence on", async () => {
    client.start();
    const s = await serve(0, 1);
    s.push({ type: "presence", id: "p-9", online: true });
    expect(signals.at(-1)).toEqual({
      kind: "presence",
      id: "p-9",
      online: true,
    });
  });

  it("follows topic changes with unsubscribe, then subscribe from its watermark", async () => {
    client.setTopics(["directory", "employee:a"]);
    client.start();
    const s = await serve(0, 7);
    client.setTopics(["directory", "employee:b"]);
    expect(s.sent.slice(-2)).toEqual([
      { type: "unsubscribe", topics: ["employee:a"] },
      { type: "subscribe", topics: ["employee:b"], after: 7 },
    ]);
    client.setTopics(["directory", "employee:b"]);
    expect(s.sent).toHaveLength(4);
  });

  it("keeps at most 100 topics", async () => {
    const many = Array.from({ length: 150 }, (_, i) => `employee:${i}`);
    client.setTopics(many as Topic[]);
    client.start();
    await flush();
    const s = socket(0);
    s.accept();
    s.push(welcome(1));
    const subscribe = s.last();
    expect(subscribe?.type === "subscribe" && subscribe.topics).toHaveLength(
      100,
    );
  });

  it("waits for the network instead of retrying while offline", async () => {
    client.start();
    const s = await serve(0, 1);
    env.change("offline");
    expect(client.getStatus()).toEqual({ state: "live" });
    s.drop();
    expect(client.getStatus()).toEqual({ state: "offline" });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
    env.change("online");
    await serve(1, 1);
    expect(client.getStatus()).toEqual({ state: "live" });
  });

  it("checks its socket at once when the tab comes back into view", async () => {
    client.start();
    const s = await serve(0, 4);
    env.change("hidden");
    env.change("visible");
    expect(s.last()).toEqual({ type: "ping", after: 4 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.closedWith).toBe(4000);
  });

  it("replaces a socket that outlived the limit while the laptop slept", async () => {
    client.start();
    const s = await serve(0, 4);
    // Timers do not run during a sleep; the clock does.
    vi.setSystemTime(Date.now() + 3 * 60 * 60_000);
    env.change("visible");
    await flush();
    expect(sockets).toHaveLength(2);
    expect(s.last()).toEqual({ type: "ping", after: 4 });
  });

  it("retries at once when asked, instead of waiting out the back-off", async () => {
    client.start();
    const s = await serve(0, 1);
    s.drop();
    expect(client.getStatus().state).toBe("reconnecting");
    client.retryNow();
    await serve(1, 1);
    expect(client.getStatus()).toEqual({ state: "live" });
  });

  it("reconnects when the server has forgotten the connection", async () => {
    client.start();
    const s = await serve(0, 1);
    s.push({ type: "error", code: "unauthenticated", message: "stale" });
    expect(s.closedWith).toBe(4000);
    await vi.advanceTimersByTimeAsync(1_000);
    await serve(1, 1);
    expect(client.getStatus()).toEqual({ state: "live" });
  });

  it("gives up a socket that never gets ready", async () => {
    client.start();
    await flush();
    socket(0).accept();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(socket(0).closedWith).toBe(4000);
    expect(client.getStatus().state).toBe("reconnecting");
  });

  it("stops for good: sockets closed, no timers, no listeners", async () => {
    client.start();
    const s = await serve(0, 1);
    client.stop();
    expect(s.closedWith).toBe(1000);
    expect(client.getStatus()).toEqual({ state: "stopped" });
    expect(vi.getTimerCount()).toBe(0);
    expect(env.watchers).toBe(0);
    s.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });
});
