import { describe, expect, it } from "vitest";
import { emptyQuery } from "./directory-query";
import { describeCount } from "./result-count";

describe("describeCount", () => {
  it("counts everyone when nothing narrows the list", () => {
    expect(describeCount(107, emptyQuery())).toBe("107 people");
    expect(describeCount(1, emptyQuery())).toBe("1 person");
    expect(describeCount(0, emptyQuery())).toBe("No one here yet");
  });

  it("speaks of matches once a search or filter applies", () => {
    const searched = { ...emptyQuery(), q: "king" };
    expect(describeCount(2, searched)).toBe("2 people match");
    expect(describeCount(1, searched)).toBe("1 person matches");
    const filtered = { ...emptyQuery(), skill: ["Go"] };
    expect(describeCount(0, filtered)).toBe("No one matches");
  });
});
