import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRealtimeFixture, rawConnect, until } from "../testing/fixture.js";

let t: Awaited<ReturnType<typeof openRealtimeFixture>>;
beforeAll(async () => {
  t = await openRealtimeFixture();
});
afterAll(() => t.close());

const signed = { authorization: "AWS4-HMAC-SHA256 Credential=test" };

describe("the local management API", () => {
  it("speaks API Gateway's wire format and wants a signature", async () => {
    const { ws } = await rawConnect(
      `${t.realtime.url}?ticket=${await t.ticketFor(randomUUID())}`,
    );
    ws?.send('{"type":"hello"}');
    const welcome = await new Promise<{ connectionId: string }>((resolve) =>
      ws?.once("message", (data) => resolve(JSON.parse(String(data)))),
    );
    const id = encodeURIComponent(welcome.connectionId);
    const at = `${t.realtime.managementEndpoint}/local/@connections/${id}`;
    expect((await fetch(at, { method: "POST", body: "x" })).status).toBe(403);
    const info = await fetch(at, { headers: signed });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      connectedAt: expect.any(String),
      identity: { sourceIp: expect.any(String) },
    });
    const received = new Promise<string>((resolve) =>
      ws?.once("message", (data) => resolve(String(data))),
    );
    const posted = await fetch(at, {
      method: "POST",
      headers: signed,
      body: '{"type":"pong","time":"now"}',
    });
    expect(posted.status).toBe(200);
    expect(await received).toBe('{"type":"pong","time":"now"}');
    const huge = await fetch(at, {
      method: "POST",
      headers: signed,
      body: "x".repeat(130 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(
      (await fetch(at, { method: "DELETE", headers: signed })).status,
    ).toBe(204);
    await until(() => ws?.readyState === ws?.CLOSED, "closed by DELETE");
    const gone = await fetch(at, { method: "POST", headers: signed, body: "" });
    expect(gone.status).toBe(410);
    expect(gone.headers.get("x-amzn-errortype")).toBe("GoneException");
  });
});
