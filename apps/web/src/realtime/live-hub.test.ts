import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  FakeEnvironment,
  FakeSocket,
  welcome,
} from "./fake-socket.test-support";
import { LiveHub } from "./live-hub";

let sockets: FakeSocket[];
let hub: LiveHub;
const read = vi.fn(async (ids: string[]) =>
  ids.map((id) => ({ id, online: true })),
);

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  read.mockClear();
  hub = new LiveHub(
    () => ({
      fetchTicket: async () => ({ ticket: "t", url: "ws://live.test" }),
      openSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      environment: new FakeEnvironment(),
    }),
    read,
  );
});

afterEach(() => {
  hub.stop();
  vi.useRealTimers();
});

async function connect() {
  hub.start();
  await vi.advanceTimersByTimeAsync(0);
  const s = sockets.at(-1);
  if (!s) throw new Error("No socket opened");
  s.accept();
  s.push(welcome(1));
  return s;
}

describe("LiveHub", () => {
  it("subscribes to the directory and the presence of the people shown", async () => {
    const stopCards = [hub.presence.want(["a"]), hub.presence.want(["b"])];
    const s = await connect();
    expect(s.last()).toEqual({
      type: "subscribe",
      topics: ["directory", "employee:a", "employee:b"],
      after: 1,
    });
    s.push({
      type: "subscribed",
      topics: ["directory", "employee:a", "employee:b"],
      seq: 1,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledWith(["a", "b"]);
    expect(hub.presence.online("a")).toBe(true);

    // Cards leaving together are one change on the socket.
    for (const stop of stopCards) stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.last()).toEqual({
      type: "unsubscribe",
      topics: ["employee:a", "employee:b"],
    });
  });

  it("forgets presence while the socket is down", async () => {
    hub.presence.want(["a"]);
    const s = await connect();
    s.push({ type: "subscribed", topics: ["employee:a"], seq: 1 });
    s.push({ type: "presence", id: "a", online: false });
    expect(hub.presence.online("a")).toBe(false);
    s.drop();
    expect(hub.getStatus().state).toBe("reconnecting");
    expect(hub.presence.online("a")).toBeUndefined();
  });

  it("starts over with a new client, keeping what the screens want", async () => {
    hub.want(["jobs"]);
    await connect();
    const second = await connect();
    expect(sockets[0]?.closedWith).toBe(1000);
    expect(second.last()).toMatchObject({
      type: "subscribe",
      topics: ["directory", "jobs"],
    });
  });
});
