import { describe, expect, it } from "vitest";
import { isRosterError } from "../errors/index.js";
import { scimErrorOf } from "./errors.js";
import { parseUserFilter } from "./filter.js";

describe("parseUserFilter", () => {
  it.each([
    ['userName eq "ada@example.com"', [["userName", "ada@example.com"]]],
    ['USERNAME EQ "Ada@Example.com"', [["userName", "Ada@Example.com"]]],
    ['externalId eq "00u1a2b3"', [["externalId", "00u1a2b3"]]],
    ['emails.value eq "a@b.example"', [["email", "a@b.example"]]],
    ['emails eq "a@b.example"', [["email", "a@b.example"]]],
    ['id eq "9f0c"', [["id", "9f0c"]]],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x@y.example"',
      [["userName", "x@y.example"]],
    ],
    [
      'userName eq "a@b.example" and externalId eq "42"',
      [
        ["userName", "a@b.example"],
        ["externalId", "42"],
      ],
    ],
    [
      '(userName eq "a@b.example") AND (externalId eq "42")',
      [
        ["userName", "a@b.example"],
        ["externalId", "42"],
      ],
    ],
    [
      'userName eq "quote \\" and \\\\ slash"',
      [["userName", 'quote " and \\ slash']],
    ],
    ['userName eq "Zoë Ñúñez ☃"', [["userName", "Zoë Ñúñez ☃"]]],
    ['userName eq ""', [["userName", ""]]],
    ['  userName   eq   "spaced"  ', [["userName", "spaced"]]],
  ])("reads %s", (source, expected) => {
    expect(parseUserFilter(source).map((c) => [c.attribute, c.value])).toEqual(
      expected,
    );
  });

  it.each([
    ["", "it is empty"],
    ['userName sw "ada"', "only the eq operator is supported, not sw"],
    ['userName eq "a" or userName eq "b"', "only and can join"],
    ['not (userName eq "a")', "not is not supported"],
    ['title eq "Engineer"', "filtering on title is not supported"],
    ['userName eq "open', "is open"],
    ["userName eq ada", "must be a quoted string"],
    ["userName eq true", "compared with a quoted string"],
    ["userName eq", "has no value"],
    ['userName "ada"', "expected an operator"],
    ['userName zz "ada"', "zz is not an operator"],
    ['userName eq "a" userName eq "b"', "expected and"],
    ['(userName eq "a"', "never closed"],
    ['userName eq "a")', "closes nothing"],
    ['userName eq "a" and', "expected an attribute name"],
    ['userName eq "\\q"', "invalid escape"],
    ['userName eq "a"; drop table employees', "is not expected here"],
    ["title pr", "not pr"],
    [`userName eq "${"a".repeat(1001)}"`, "over 1000 characters"],
  ])("refuses %j with invalidFilter", (source, detail) => {
    let thrown: unknown;
    try {
      parseUserFilter(source);
    } catch (error) {
      thrown = error;
    }
    expect(isRosterError(thrown)).toBe(true);
    const { status, body } = scimErrorOf(thrown);
    expect(status).toBe(400);
    expect(body.scimType).toBe("invalidFilter");
    expect(body.detail).toContain(detail);
  });
});
