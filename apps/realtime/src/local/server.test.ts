import { randomUUID } from "node:crypto";
import {
  type DomainEvent,
  MAX_FRAME_BYTES,
  type SequencedEvent,
  utf8Bytes,
} from "@roster/core";
import {
  findSubscribers,
  issueTicket,
  openConnection,
  presenceOf,
  reading,
  subscribeConnection,
  transact,
} from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  admin,
  openRealtimeFixture,
  rawConnect,
  until,
} from "../testing/fixture.js";

let t: Awaited<ReturnType<typeof openRealtimeFixture>>;
beforeAll(async () => {
  t = await openRealtimeFixture();
});
afterAll(() => t.close());

const versions = (events: SequencedEvent[]) =>
  events.map((e) => ("version" in e ? e.version : null));
const online = async (id: string) =>
  (await presenceOf(reading(t.directory, admin), [id]))[0]?.online;

describe("signing in to the socket", () => {
  it("refuses a missing, expired or reused ticket with 401 and keeps no row", async () => {
    const person = randomUUID();
    const missing = await rawConnect(t.realtime.url);
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).code).toBe("unauthenticated");
    const expired = await issueTicket(
      reading(t.directory, { id: person, role: "employee" }),
      { ttlMs: -1 },
    );
    const late = await rawConnect(`${t.realtime.url}?ticket=${expired.ticket}`);
    expect(late.status).toBe(401);
    const ticket = await t.ticketFor(person);
    const first = await rawConnect(`${t.realtime.url}?ticket=${ticket}`);
    expect(first.status).toBe(101);
    first.ws?.close();
    await until(async () => !(await online(person)), "the first tab closed");
    const reused = await rawConnect(`${t.realtime.url}?ticket=${ticket}`);
    expect(reused.status).toBe(401);
    expect(await online(person)).toBe(false);
  });

  it("answers a bad message with an error and keeps the socket open", async () => {
    const { ws } = await rawConnect(
      `${t.realtime.url}?ticket=${await t.ticketFor(randomUUID())}`,
    );
    if (!ws) throw new Error("no socket");
    const replies: Record<string, unknown>[] = [];
    ws.on("message", (data) => replies.push(JSON.parse(String(data))));
    ws.send("definitely not json");
    ws.send(Buffer.from('{"type":"ping","ref":"bin"}'), { binary: true });
    ws.send(JSON.stringify({ type: "subscribe", topics: ["gossip"] }));
    ws.send(JSON.stringify({ type: "ping", ref: "still-here" }));
    await until(() => replies.length === 4, "four replies");
    expect(replies.map((r) => r.type)).toEqual([
      "error",
      "pong",
      "error",
      "pong",
    ]);
    expect(replies[2]?.message).toContain("topics.0");
    expect(replies[3]?.ref).toBe("still-here");
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});

describe("live updates", () => {
  it("reach both of two subscribed tabs", async () => {
    const person = await t.addPerson();
    const reader = randomUUID();
    const one = await t.connect(reader, ["directory"]);
    const two = await t.connect(reader, [`employee:${person.id}`]);
    await t.retitle(person.id);
    for (const tab of [one, two]) {
      await until(() => tab.events.length > 0, "the edit to arrive");
      expect(tab.events).toEqual([
        expect.objectContaining({
          type: "employee.updated",
          id: person.id,
          version: 2,
          fields: ["jobTitle"],
        }),
      ]);
    }
  });

  it("drops a gone connection on the next broadcast; the rest still hear it", async () => {
    const live = await t.connect(randomUUID(), ["directory"]);
    // A row whose socket is long gone, as after a crash.
    await openConnection(t.handle.db, { id: "gone/1+=", employeeId: admin.id });
    await subscribeConnection(t.handle.db, "gone/1+=", ["directory"]);
    const person = await t.addPerson();
    await until(
      () => live.events.some((e) => "id" in e && e.id === person.id),
      "the live tab to hear of the new person",
    );
    const left = await findSubscribers(t.handle.db, ["directory"]);
    expect(left.map((c) => c.id)).not.toContain("gone/1+=");
  });

  it("sends a refetch hint, within one frame, for a change too big", async () => {
    const tab = await t.connect(randomUUID(), ["directory"]);
    const frames: Buffer[] = [];
    const events: DomainEvent[] = Array.from({ length: 2_000 }, () => ({
      type: "employee.updated",
      id: randomUUID(),
      version: 2,
      fields: ["departmentId"],
    }));
    const sizes: number[] = [];
    const sniff = await rawConnect(
      `${t.realtime.url}?ticket=${await t.ticketFor(randomUUID())}`,
    );
    sniff.ws?.on("message", (data: Buffer) => {
      frames.push(data);
      sizes.push(data.length);
    });
    sniff.ws?.send(
      JSON.stringify({ type: "subscribe", topics: ["directory"] }),
    );
    await until(() => frames.length === 1, "the sniffer subscribed");
    await transact(t.directory, admin, async (ctx) => {
      for (const e of events) ctx.emit(e);
    });
    await until(
      () => tab.messages.some((m) => m.type === "refetch"),
      "the refetch hint",
    );
    await until(() => frames.length === 2, "the sniffer's hint");
    expect(JSON.parse(String(frames[1]))).toMatchObject({
      type: "refetch",
      scope: "directory",
    });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(utf8Bytes(String(frames[1]))).toBeLessThan(100);
    sniff.ws?.close();
  });
});

describe("catching up", () => {
  it("replays what a closed tab missed when it comes back", async () => {
    const person = await t.addPerson();
    const reader = randomUUID();
    const first = await t.connect(reader, [`employee:${person.id}`]);
    const seen = first.client.seq ?? 0;
    await first.client.close();
    await t.retitle(person.id);
    await t.retitle(person.id);
    const back = await t.connect(reader, [`employee:${person.id}`], {
      after: seen,
    });
    expect(versions(back.events)).toEqual([2, 3]);
    expect(back.messages).toContainEqual(
      expect.objectContaining({ type: "events", replay: true }),
    );
  });

  it("reconnects by itself after the server restarts and misses nothing", async () => {
    const person = await t.addPerson();
    const tab = await t.connect(randomUUID(), [`employee:${person.id}`]);
    await t.retitle(person.id);
    await until(() => tab.events.length === 1, "the first edit");
    await t.realtime.stop();
    await t.retitle(person.id);
    await t.retitle(person.id);
    expect(tab.events).toHaveLength(1);
    await t.realtime.start();
    await until(() => tab.events.length === 3, "the missed edits", 10_000);
    expect(versions(tab.events)).toEqual([2, 3, 4]);
    await until(() => tab.client.connections === 2, "the second connection");
    await t.retitle(person.id);
    await until(() => tab.events.length === 4, "a live edit after");
  });
});

describe("presence", () => {
  it("is online while either of two tabs is open, offline after both", async () => {
    const person = randomUUID();
    const watcher = await t.connect(randomUUID(), ["presence"]);
    const heard = () =>
      watcher.messages.filter((m) => m.type === "presence" && m.id === person);
    const one = await t.connect(person, ["directory"]);
    const two = await t.connect(person, ["directory"]);
    expect(await online(person)).toBe(true);
    await one.client.close();
    await until(async () => t.realtime.openSockets > 0, "one tab still open");
    expect(await online(person)).toBe(true);
    await two.client.close();
    await until(async () => !(await online(person)), "offline after both");
    await until(() => heard().length === 2, "online then offline");
    expect(heard()).toEqual([
      { type: "presence", id: person, online: true },
      { type: "presence", id: person, online: false },
    ]);
  });
});
