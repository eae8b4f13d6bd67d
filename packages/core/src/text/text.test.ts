import { describe, expect, it } from "vitest";
import { text } from "./index.js";

const line = text({ max: 20 });
const lines = text({ max: 200, multiLine: true });
const problem = (schema: typeof line, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe("text", () => {
  it("stores what it accepts exactly as sent", () => {
    expect(line.parse("Zoë Ñúñez 王")).toBe("Zoë Ñúñez 王");
    expect(lines.parse("one\n\ttwo")).toBe("one\n\ttwo");
    // Marks that only set the direction of neighbouring text are fine.
    expect(line.parse("\u05e9\u05dc\u05d5\u05dd\u200f")).toBeTruthy();
  });

  it.each([
    ["", /must not be empty/],
    ["   ", /only whitespace/],
    [" padded", /start or end with whitespace/],
    ["a\nb", /line breaks/],
    ["a\u0000b", /control characters/],
    ["Steven King \u202e", /text-direction/],
    ["a\u2028b", /line separators/],
    ["\u2066x\u2069", /text-direction/],
    ["x".repeat(21), /at most 20/],
    ["\ud800", /surrogate/],
  ])("refuses %j on one line", (value, message) => {
    expect(problem(line, value)).toMatch(message);
  });

  it("keeps direction marks in several lines, but not control characters", () => {
    expect(lines.parse("hello \u202e world")).toBe("hello \u202e world");
    expect(problem(lines, "a\u0007b")).toMatch(/control characters/);
  });
});
