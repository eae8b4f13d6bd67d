import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { saveFailure } from "./save-outcome";

describe("saveFailure", () => {
  it("hands a 400's issues to the fields", () => {
    const issues = [{ path: "phones.1.number", message: "needs a digit" }];
    const error = new ApiError("invalid_input", 400, "bad", { issues });
    expect(saveFailure(error)).toEqual({
      kind: "invalid",
      issues,
      message: "bad",
    });
  });

  it("marks the email field on a duplicate-email 409", () => {
    const error = new ApiError(
      "conflict",
      409,
      "Someone already uses that email.",
      { field: "email" },
    );
    expect(saveFailure(error)).toEqual({
      kind: "invalid",
      issues: [{ path: "email", message: "Someone already uses that email." }],
      message: "Someone already uses that email.",
    });
  });

  it("recognises a stale version and a refusal", () => {
    const stale = new ApiError("version_mismatch", 412, "Changed.", {
      currentVersion: 4,
    });
    expect(saveFailure(stale)).toEqual({ kind: "stale", message: "Changed." });
    const refused = new ApiError("forbidden", 403, "Ask HR.");
    expect(saveFailure(refused)).toEqual({
      kind: "forbidden",
      message: "Ask HR.",
    });
  });

  it("leaves anything else as a general failure", () => {
    const conflict = new ApiError("conflict", 409, "Busy.");
    expect(saveFailure(conflict).kind).toBe("failed");
    const crash = new TypeError("boom");
    expect(saveFailure(crash)).toEqual({ kind: "failed", error: crash });
  });
});
