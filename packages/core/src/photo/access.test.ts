import { describe, expect, it } from "vitest";
import { assertCanChangePhoto } from "./access.js";

describe("assertCanChangePhoto", () => {
  it("lets people change their own photo and staff anyone's", () => {
    expect(() =>
      assertCanChangePhoto({ id: "a", role: "employee" }, "a"),
    ).not.toThrow();
    expect(() =>
      assertCanChangePhoto({ id: "a", role: "hr" }, "b"),
    ).not.toThrow();
    expect(() =>
      assertCanChangePhoto({ id: "a", role: "admin" }, "b"),
    ).not.toThrow();
  });

  it("refuses an employee changing someone else's", () => {
    expect(() =>
      assertCanChangePhoto({ id: "a", role: "employee" }, "b"),
    ).toThrow(/only your own photo/);
  });
});
