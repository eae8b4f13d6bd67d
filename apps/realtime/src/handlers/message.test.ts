import { randomUUID } from "node:crypto";
import { journalHead, transact } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayEvent, openHandlerWorld } from "../testing/lambda.js";

let w: Awaited<ReturnType<typeof openHandlerWorld>>;
beforeAll(async () => {
  w = await openHandlerWorld();
});
afterAll(() => w.close());

describe("$default", () => {
  it("welcomes with the journal head and the intervals to keep", async () => {
    const { id, employeeId } = await w.connected();
    await w.say(id, { type: "hello", ref: "h1" });
    expect(w.gateway.of(id)).toEqual([
      expect.objectContaining({
        type: "welcome",
        connectionId: id,
        userId: employeeId,
        seq: await journalHead(w.handle.db),
        heartbeatMs: 60_000,
        staleAfterMs: 150_000,
        idleTimeoutMs: 600_000,
        reconnectAfterMs: 110 * 60_000,
        maxFrameBytes: 32_768,
        ref: "h1",
      }),
    ]);
    expect(w.endpoints).toContain("abc123.execute-api.eu-west-1.amazonaws.com");
  });

  it("answers a bad message with an error and keeps going", async () => {
    const { id } = await w.connected();
    for (const body of ["{", '{"type":"dance"}', { type: "resume" }]) {
      expect((await w.say(id, body)).statusCode).toBe(200);
    }
    expect(w.gateway.of(id).map((m) => m.type)).toEqual([
      "error",
      "error",
      "error",
    ]);
    expect(w.gateway.of(id)[2]).toMatchObject({
      code: "invalid_input",
      details: { issues: [{ path: "after" }] },
    });
    await w.say(id, { type: "heartbeat", ref: "p" });
    expect(w.gateway.of(id)[3]).toMatchObject({ type: "pong", ref: "p" });
  });

  it("replays on subscribe, then confirms with a watermark", async () => {
    const { id } = await w.connected();
    const after = await journalHead(w.handle.db);
    const person = randomUUID();
    await transact(w.directory, { id: person, role: "admin" }, async (ctx) => {
      ctx.emit({ type: "photo.ready", id: person, version: 4 });
      ctx.emit({ type: "job.progress", id: randomUUID(), done: 1, total: 3 });
    });
    await w.say(id, {
      type: "subscribe",
      topics: [`employee:${person}`],
      after,
    });
    expect(w.gateway.of(id)).toEqual([
      {
        type: "events",
        replay: true,
        events: [
          { type: "photo.ready", id: person, version: 4, seq: after + 1 },
        ],
      },
      {
        type: "subscribed",
        topics: [`employee:${person}`],
        seq: after + 2,
      },
    ]);
  });

  it("catches up on a heartbeat and tells a client from elsewhere to reload", async () => {
    const { id } = await w.connected();
    await w.say(id, { type: "subscribe", topics: ["jobs"] });
    const after = await journalHead(w.handle.db);
    const job = randomUUID();
    await transact(w.directory, { id: job, role: "admin" }, async (ctx) =>
      ctx.emit({ type: "job.finished", id: job, status: "succeeded" }),
    );
    await w.say(id, { type: "ping", after });
    await w.say(id, { type: "resume", after: after + 50, ref: "r" });
    const [, replayed, pong, reload] = w.gateway.of(id);
    expect(replayed).toMatchObject({
      type: "events",
      events: [{ id: job, seq: after + 1 }],
    });
    expect(pong).toMatchObject({ type: "pong", seq: after + 1 });
    expect(reload).toEqual({
      type: "reload",
      reason: "ahead",
      seq: after + 1,
      ref: "r",
    });
  });

  it("reads a base64 body as API Gateway sends binary frames", async () => {
    const { id } = await w.connected();
    await w.handlers.message(
      gatewayEvent("$default", id, {
        body: Buffer.from('{"type":"ping"}').toString("base64"),
        isBase64Encoded: true,
      }),
    );
    expect(w.gateway.of(id)[0]?.type).toBe("pong");
  });
});
