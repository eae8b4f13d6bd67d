import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SequencedEvent } from "../events/index.js";
import { MAX_FRAME_BYTES } from "./constants.js";
import { encodeServerMessage, packEvents, utf8Bytes } from "./frame.js";

const updated = (seq: number): SequencedEvent => ({
  seq,
  type: "employee.updated",
  id: randomUUID(),
  version: 2,
  fields: ["departmentId"],
});

describe("encodeServerMessage", () => {
  it("passes a message that fits through unchanged", () => {
    const message = { type: "events" as const, events: [updated(7)] };
    expect(JSON.parse(encodeServerMessage(message))).toEqual(message);
  });

  it("turns a rename touching 2,000 people into one refetch hint", () => {
    const events = Array.from({ length: 2_000 }, (_, i) => updated(i + 1));
    const whole = JSON.stringify({ type: "events", events });
    expect(utf8Bytes(whole)).toBeGreaterThan(MAX_FRAME_BYTES);
    const frame = encodeServerMessage({ type: "events", events });
    expect(utf8Bytes(frame)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(JSON.parse(frame)).toEqual({
      type: "refetch",
      scope: "directory",
      seq: 2_000,
    });
  });

  it("counts bytes, not characters, at the limit", () => {
    // 4-byte characters: the text is under the limit in UTF-16 code units
    // but over it in bytes.
    const details = "😀".repeat(MAX_FRAME_BYTES / 4);
    expect(details.length).toBeLessThan(MAX_FRAME_BYTES);
    const frame = encodeServerMessage({
      type: "error",
      code: "invalid_input",
      message: "too big",
      details,
      ref: "r1",
    });
    expect(JSON.parse(frame)).toEqual({
      type: "refetch",
      scope: "directory",
      ref: "r1",
    });
  });

  it("keeps a message exactly at the limit", () => {
    const base = JSON.stringify({ type: "pong", time: "", ref: "" });
    const time = "x".repeat(MAX_FRAME_BYTES - utf8Bytes(base));
    const frame = encodeServerMessage({ type: "pong", time, ref: "" });
    expect(utf8Bytes(frame)).toBe(MAX_FRAME_BYTES);
    expect(JSON.parse(frame).type).toBe("pong");
  });
});

describe("packEvents", () => {
  it("splits a long replay into frames that each fit, in order", () => {
    const events = Array.from({ length: 900 }, (_, i) => updated(i + 1));
    const batches = packEvents(events);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(events);
    for (const batch of batches) {
      const text = JSON.stringify({
        type: "events",
        events: batch,
        replay: true,
      });
      expect(utf8Bytes(text)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    }
  });

  it("sends nothing for nothing", () => {
    expect(packEvents([])).toEqual([]);
  });
});
