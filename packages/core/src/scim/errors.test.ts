import { describe, expect, it } from "vitest";
import {
  ConflictError,
  NotFoundError,
  RosterError,
  ValidationError,
} from "../errors/index.js";
import { ScimError, scimErrorOf } from "./errors.js";
import { SCIM_ERROR } from "./schemas.js";

describe("scimErrorOf", () => {
  it.each<[string, unknown, number, string | undefined, string]>([
    [
      "a typed SCIM refusal",
      new ScimError("invalid_input", "invalidFilter", "Bad filter."),
      400,
      "invalidFilter",
      "Bad filter.",
    ],
    [
      "a taken email",
      new ConflictError("Someone already has a@example.com."),
      409,
      "uniqueness",
      "Someone already has a@example.com.",
    ],
    [
      "an unknown id",
      new NotFoundError("employee", "x"),
      404,
      undefined,
      "No employee with id x.",
    ],
    [
      "several invalid values, all listed",
      new ValidationError([
        { path: "userName", message: "is required" },
        { path: "name.givenName", message: "is required" },
      ]),
      400,
      "invalidValue",
      "userName: is required; name.givenName: is required",
    ],
    [
      "a rate limit",
      new RosterError("rate_limited", "Slow down."),
      429,
      undefined,
      "Slow down.",
    ],
  ])("maps %s", (_, error, status, scimType, detail) => {
    const out = scimErrorOf(error);
    expect(out.status).toBe(status);
    expect(out.body).toEqual({
      schemas: [SCIM_ERROR],
      status: String(status),
      ...(scimType ? { scimType } : {}),
      detail,
    });
  });

  it("says nothing of an unexpected error's cause", () => {
    const out = scimErrorOf(new Error("relation employees: secret detail"));
    expect(out.status).toBe(500);
    expect(out.body.status).toBe("500");
    expect(JSON.stringify(out.body)).not.toContain("secret");
  });
});

describe("inScimTerms", () => {
  it("spells a directory operation's field paths as SCIM attributes", async () => {
    const { inScimTerms } = await import("./field-paths.js");
    const error = inScimTerms(
      new ValidationError([
        { path: "managerId", message: "no person has this id" },
        { path: "phones.0.number", message: "must contain at least one digit" },
        { path: "pronouns", message: "is odd" },
      ]),
    );
    expect(scimErrorOf(error).body.detail).toBe(
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:" +
        "manager.value: no person has this id; phoneNumbers.0.number: " +
        "must contain at least one digit; pronouns: is odd",
    );
    const other = new NotFoundError("employee", "x");
    expect(inScimTerms(other)).toBe(other);
  });
});
