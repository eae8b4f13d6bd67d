import { describe, expect, it } from "vitest";
import { appendPage } from "./append-page";

describe("appendPage", () => {
  it("appends in order", () => {
    const first = [{ id: "a" }, { id: "b" }];
    expect(appendPage(first, [{ id: "c" }]).map((p) => p.id)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("never lists a person twice, across or within pages", () => {
    const first = [{ id: "a" }, { id: "b" }];
    const next = [{ id: "b" }, { id: "c" }, { id: "c" }];
    expect(appendPage(first, next).map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(first).toHaveLength(2);
  });
});
