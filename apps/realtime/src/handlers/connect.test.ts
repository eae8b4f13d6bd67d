import { randomUUID } from "node:crypto";
import { presenceTopics } from "@roster/core";
import { issueTicket, reading, subscribeConnection } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayEvent, openHandlerWorld } from "../testing/lambda.js";

let w: Awaited<ReturnType<typeof openHandlerWorld>>;
beforeAll(async () => {
  w = await openHandlerWorld();
});
afterAll(() => w.close());

describe("$connect", () => {
  it("accepts a fresh ticket once and records the connection", async () => {
    const person = randomUUID();
    const watcher = await w.connected();
    await w.say(watcher.id, { type: "subscribe", topics: ["presence"] });
    const ticket = await w.ticketFor(person);
    const ok = await w.handlers.connect(
      gatewayEvent("$connect", "c-1", { queryStringParameters: { ticket } }),
    );
    expect(ok).toEqual({ statusCode: 200 });
    expect(await w.online(person)).toBe(true);
    expect(w.gateway.of(watcher.id)).toContainEqual({
      type: "presence",
      id: person,
      online: true,
    });
    const again = await w.handlers.connect(
      gatewayEvent("$connect", "c-2", { queryStringParameters: { ticket } }),
    );
    expect(again.statusCode).toBe(401);
    expect(JSON.parse(again.body ?? "")).toMatchObject({
      code: "unauthenticated",
    });
  });

  it("refuses a missing or expired ticket with 401 and keeps no row", async () => {
    const person = randomUUID();
    for (const query of [null, {}, { ticket: "" }, { ticket: "forged" }]) {
      const result = await w.handlers.connect(
        gatewayEvent("$connect", "c-3", { queryStringParameters: query }),
      );
      expect(result.statusCode).toBe(401);
    }
    const expired = await issueTicket(
      reading(w.directory, { id: person, role: "employee" }),
      { ttlMs: -1 },
    );
    const result = await w.handlers.connect(
      gatewayEvent("$connect", "c-4", {
        queryStringParameters: { ticket: expired.ticket },
      }),
    );
    expect(result.statusCode).toBe(401);
    expect(await w.online(person)).toBe(false);
    const reply = await w.say("c-4", { type: "ping" });
    expect(reply.statusCode).toBe(200);
    expect(w.gateway.of("c-4")[0]).toMatchObject({
      type: "error",
      code: "unauthenticated",
    });
    expect(w.gateway.closed).toContain("c-4");
  });
});

describe("$disconnect", () => {
  it("forgets the connection and announces offline after the last tab", async () => {
    const person = randomUUID();
    const watcher = await w.connected();
    await subscribeConnection(w.handle.db, watcher.id, presenceTopics(person));
    const first = await w.connected(person);
    const second = await w.connected(person);
    await w.handlers.disconnect(gatewayEvent("$disconnect", first.id));
    expect(await w.online(person)).toBe(true);
    await w.handlers.disconnect(gatewayEvent("$disconnect", second.id));
    expect(await w.online(person)).toBe(false);
    const heard = w.gateway.of(watcher.id).filter((m) => m.type === "presence");
    expect(heard).toEqual([
      { type: "presence", id: person, online: true },
      { type: "presence", id: person, online: false },
    ]);
  });
});
