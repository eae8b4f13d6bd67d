import { setTimeout as sleep } from "node:timers/promises";
import type { SequencedEvent } from "@roster/core";
import { RealtimeClient } from "@roster/realtime/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "./index.js";

let stack: LocalStack;
const clients: RealtimeClient[] = [];
beforeAll(async () => {
  stack = await startLocalStack({
    port: 0,
    realtimePort: 0,
    dataDir: "memory://",
    // Sign-in has its own tests; these act as the local admin.
    signIn: "act-as",
    logger: () => {},
  });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await stack.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await sleep(10);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: shapes are asserted below
type Json = Record<string, any>;

async function api(
  path: string,
  init: RequestInit = {},
  as?: string,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${stack.url}${path}`, {
    ...init,
    headers: {
      "content-type": "application/json",
      ...(as ? { "x-roster-act-as": as } : {}),
      ...(init.headers as Record<string, string>),
    },
  });
  const body = (await res.json().catch(() => ({}))) as Json;
  return { status: res.status, body };
}

const people = new Map<string, { id: string; version: number }>();
async function add(name: string) {
  const { body } = await api("/api/employees", {
    method: "POST",
    body: JSON.stringify({
      givenName: name,
      familyName: "Live",
      email: `${name.toLowerCase()}@live.example`,
    }),
  });
  people.set(name, { id: body.id, version: body.version });
  return body.id as string;
}
async function retitle(name: string, jobTitle: string) {
  const p = people.get(name);
  if (!p) throw new Error(`${name} was not added`);
  const res = await api(`/api/employees/${p.id}`, {
    method: "PATCH",
    headers: { "if-match": `"${p.version}"` },
    body: JSON.stringify({ jobTitle }),
  });
  expect(res.status).toBe(200);
  p.version = res.body.version;
}

/** A tab: tickets from the API acting as `as`, recording what it hears. */
async function tab(as: string, topics: string[]) {
  const events: SequencedEvent[] = [];
  const client = new RealtimeClient({
    ticket: async () => {
      const { status, body } = await api(
        "/api/realtime/tickets",
        { method: "POST" },
        as,
      );
      if (status !== 201)
        throw new Error(`No ticket: ${status} ${JSON.stringify(body)}`);
      return body as { ticket: string; url: string };
    },
    topics: topics as never,
    retry: { initialMs: 25, maxMs: 150 },
    maxAttempts: 200,
    onEvent: (e) => void events.push(e),
  });
  clients.push(client);
  await client.start();
  return { client, events };
}

describe("live updates through the local stack", () => {
  it("sends an edit made through the API to two subscribed tabs", async () => {
    const alice = await add("Alice");
    const bob = await add("Bob");
    const first = await tab(alice, ["directory"]);
    const second = await tab(alice, [`employee:${bob}`]);
    await retitle("Bob", "Compiler writer");
    for (const { events } of [first, second]) {
      await until(() => events.length > 0, "the edit");
      expect(events[0]).toMatchObject({
        type: "employee.updated",
        id: bob,
        fields: ["jobTitle"],
      });
    }
    const presence = await api(`/api/presence?id=${alice}&id=${bob}`);
    expect(presence.body.items).toEqual([
      { id: alice, online: true },
      { id: bob, online: false },
    ]);
  });

  it("issues tickets for the stack's own socket, good once", async () => {
    const { body } = await api("/api/realtime/tickets", { method: "POST" });
    expect(body.url).toBe(stack.realtime.url);
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const client = new RealtimeClient({
          ticket: async () => ({ ticket: body.ticket, url }),
          topics: ["directory"],
          maxAttempts: 0,
        });
        client.start().then(
          () => client.close().then(() => resolve(101)),
          () => resolve(401),
        );
      });
    expect(await status(body.url)).toBe(101);
    expect(await status(body.url)).toBe(401);
  });

  it("catches a tab up on edits made while the realtime server was down", async () => {
    const carol = await add("Carol");
    const watcher = await tab(carol, [`employee:${carol}`]);
    await stack.realtime.stop();
    expect(stack.realtime.running).toBe(false);
    await retitle("Carol", "Away one");
    await retitle("Carol", "Away two");
    await stack.realtime.start();
    await until(() => watcher.events.length === 2, "the missed edits");
    expect(
      watcher.events.map((e) => ("version" in e ? e.version : null)),
    ).toEqual([2, 3]);
    await until(() => watcher.client.connections === 2, "reconnected");
    await retitle("Carol", "Back");
    await until(() => watcher.events.length === 3, "live again");
  });
});
