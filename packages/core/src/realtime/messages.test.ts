import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isRosterError, type ValidationError } from "../errors/index.js";
import { parseClientMessage } from "./messages.js";
import { hears, isTopic, topicsOf } from "./topics.js";

function refusal(body: string | undefined): ValidationError {
  try {
    parseClientMessage(body);
  } catch (error) {
    if (isRosterError(error)) return error as ValidationError;
    throw error;
  }
  throw new Error(`${body} was accepted`);
}

describe("parseClientMessage", () => {
  it("reads each message type", () => {
    const id = randomUUID();
    expect(parseClientMessage('{"type":"hello","ref":"a"}')).toEqual({
      type: "hello",
      ref: "a",
    });
    expect(
      parseClientMessage(
        JSON.stringify({ type: "subscribe", topics: [`employee:${id}`] }),
      ),
    ).toEqual({ type: "subscribe", topics: [`employee:${id}`] });
    expect(parseClientMessage('{"type":"heartbeat","after":4}')).toEqual({
      type: "heartbeat",
      after: 4,
    });
    expect(parseClientMessage('{"type":"resume","after":0}')).toEqual({
      type: "resume",
      after: 0,
    });
  });

  it("says what is wrong with a message it cannot use", () => {
    expect(refusal("not json").message).toContain("JSON objects");
    expect(refusal(undefined).code).toBe("invalid_input");
    expect(refusal("[1]").message).toContain("JSON objects");
    expect(refusal('{"type":"shout"}').message).toBe(
      "type: must be one of hello, subscribe, unsubscribe, ping, " +
        "heartbeat, resume",
    );
    expect(
      refusal('{"type":"subscribe","topics":["everything"]}').message,
    ).toContain("topics.0: must be directory, presence");
    expect(refusal('{"type":"ping","x":1}').message).toBe(
      "is not a field here: x",
    );
    expect(refusal('{"type":"resume","after":-1}').issues[0]?.path).toBe(
      "after",
    );
    expect(refusal('{"type":"subscribe","topics":[]}').code).toBe(
      "invalid_input",
    );
  });
});

describe("topics", () => {
  it("accepts the known topics and ids that are UUIDs", () => {
    const id = randomUUID();
    for (const t of ["directory", "presence", "jobs", `job:${id}`]) {
      expect(isTopic(t), t).toBe(true);
    }
    for (const t of ["", "employee:", "employee:1", `x:${id}`, "Directory"]) {
      expect(isTopic(t), t).toBe(false);
    }
    expect(isTopic(`employee:${id}:extra`)).toBe(false);
  });

  it("routes each event to the directory or its job", () => {
    const id = randomUUID();
    expect(topicsOf({ type: "photo.ready", id, version: 3 })).toEqual([
      "directory",
      `employee:${id}`,
    ]);
    expect(topicsOf({ type: "job.finished", id, status: "failed" })).toEqual([
      "jobs",
      `job:${id}`,
    ]);
    const subscriptions = new Set([`employee:${id}`]);
    expect(hears(subscriptions, { type: "employee.deleted", id })).toBe(true);
    expect(hears(subscriptions, { type: "department.created", id })).toBe(
      false,
    );
  });
});
