import { describe, expect, it } from "vitest";
import type { ScimObject } from "./attributes.js";
import { scimErrorOf } from "./errors.js";
import { applyPatch } from "./patch.js";
import { parsePatchRequest } from "./patch-request.js";
import { readScimUser } from "./read-user.js";
import {
  SCIM_ENTERPRISE_USER as ENTERPRISE,
  SCIM_PATCH_OP,
} from "./schemas.js";

const ID = "5b0c4b1e-2f3a-4c5d-8e9f-0a1b2c3d4e5f";
const MANAGER = "0d1e2f3a-4b5c-4d6e-8f70-819203a4b5c6";

const stored = (): ScimObject => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
  id: ID,
  userName: "ada@example.com",
  name: { givenName: "Ada", familyName: "Lovelace" },
  displayName: "Ada Lovelace",
  title: "Analyst",
  active: true,
  emails: [{ value: "ada@example.com", type: "work", primary: true }],
  phoneNumbers: [{ value: "+44 20 7946 0958", type: "work" }],
  [ENTERPRISE]: { department: "Engineering" },
});

const patch = (user: ScimObject, ...Operations: unknown[]) =>
  applyPatch(user, parsePatchRequest({ schemas: [SCIM_PATCH_OP], Operations }));

function failure(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return scimErrorOf(error);
  }
  throw new Error("expected a refusal");
}

describe("applyPatch as identity providers send it", () => {
  it.each([
    [
      "Entra ID: path active, string False",
      { op: "Replace", path: "active", value: "False" },
    ],
    [
      "Entra ID: path active, string false",
      { op: "replace", path: "active", value: "false" },
    ],
    [
      "Okta: no path, value object",
      { op: "replace", value: { active: false } },
    ],
    [
      "boolean false with a path",
      { op: "replace", path: "active", value: false },
    ],
    ["an add of active", { op: "add", path: "ACTIVE", value: false }],
  ])("deactivates: %s", (_, operation) => {
    expect(readScimUser(patch(stored(), operation)).active).toBe(false);
  });

  it("reactivates with Entra's string True", () => {
    const off = { ...stored(), active: false };
    const on = patch(off, { op: "Replace", path: "active", value: "True" });
    expect(readScimUser(on).active).toBe(true);
  });

  it.each<
    [string, unknown, (u: ReturnType<typeof readScimUser>) => unknown, unknown]
  >([
    [
      "name.givenName by path",
      { op: "replace", path: "name.givenName", value: "Augusta" },
      (u) => [u.fields.givenName, u.fields.familyName],
      ["Augusta", "Lovelace"],
    ],
    [
      "a complex attribute keeps what the value leaves out",
      { op: "replace", path: "name", value: { familyName: "King" } },
      (u) => [u.fields.givenName, u.fields.familyName],
      ["Ada", "King"],
    ],
    [
      "Entra's dotted names in a path-less value",
      { op: "Add", value: { "name.familyName": "Byron", nickName: "Addie" } },
      (u) => [u.fields.familyName, u.fields.preferredName],
      ["Byron", "Addie"],
    ],
    [
      "a title removed",
      { op: "remove", path: "title" },
      (u) => u.fields.jobTitle,
      null,
    ],
    [
      "the work email, which renames the user",
      {
        op: "replace",
        path: 'emails[type eq "work"].value',
        value: "ada.king@example.com",
      },
      (u) => u.fields.email,
      "ada.king@example.com",
    ],
    [
      "userName, which carries over to the work email",
      { op: "replace", path: "userName", value: "Countess@Example.com" },
      (u) => u.fields.email,
      "countess@example.com",
    ],
    [
      "a mobile number the person did not have yet",
      {
        op: "replace",
        path: 'phoneNumbers[type eq "mobile"].value',
        value: "07700 900123",
      },
      (u) => u.fields.phones,
      [
        { kind: "work", number: "+44 20 7946 0958" },
        { kind: "mobile", number: "07700 900123" },
      ],
    ],
    [
      "the work number replaced in place",
      {
        op: "replace",
        path: 'phoneNumbers[type eq "work"].value',
        value: "+1 555 0100",
      },
      (u) => u.fields.phones,
      [{ kind: "work", number: "+1 555 0100" }],
    ],
    [
      "a phone removed by filter",
      { op: "remove", path: 'phoneNumbers[type eq "work"]' },
      (u) => u.fields.phones,
      [],
    ],
    [
      "Entra's manager as a bare id",
      { op: "Add", path: `${ENTERPRISE}:manager`, value: MANAGER },
      (u) => u.fields.managerId,
      MANAGER,
    ],
    [
      "Okta's manager as an object",
      {
        op: "replace",
        path: `${ENTERPRISE}:manager`,
        value: { value: MANAGER },
      },
      (u) => u.fields.managerId,
      MANAGER,
    ],
    [
      "a manager removed",
      { op: "Remove", path: `${ENTERPRISE}:manager` },
      (u) => u.fields.managerId,
      null,
    ],
    [
      "the department by extension path",
      { op: "replace", path: `${ENTERPRISE}:department`, value: "Research" },
      (u) => u.departmentName,
      "Research",
    ],
    [
      "the department inside a path-less extension object",
      { op: "replace", value: { [ENTERPRISE]: { Department: "Sales" } } },
      (u) => u.departmentName,
      "Sales",
    ],
    [
      "the department inside a path-less value, URN-qualified key",
      { op: "add", value: { [`${ENTERPRISE}:department`]: "Legal" } },
      (u) => u.departmentName,
      "Legal",
    ],
    [
      "the externalId",
      { op: "add", path: "externalId", value: "00u1abcd" },
      (u) => u.externalId,
      "00u1abcd",
    ],
    [
      "an attribute Roster does not keep",
      { op: "add", path: "preferredLanguage", value: "en-GB" },
      (u) => u.fields.givenName,
      "Ada",
    ],
    [
      "a list of numbers with sub-attributes in any case",
      {
        op: "replace",
        path: "phoneNumbers",
        value: [{ VALUE: "+1 555 0199", Type: "Mobile" }],
      },
      (u) => u.fields.phones,
      [{ kind: "mobile", number: "+1 555 0199" }],
    ],
    [
      "an email removed by value",
      { op: "remove", path: "emails", value: [{ value: "other@example.com" }] },
      (u) => u.fields.email,
      "ada@example.com",
    ],
  ])("changes %s", (_, operation, read, expected) => {
    expect(read(readScimUser(patch(stored(), operation)))).toEqual(expected);
  });

  it("applies several operations in order, leaving the input alone", () => {
    const before = stored();
    const after = patch(
      before,
      { op: "replace", path: "title", value: "Lead" },
      { op: "replace", path: "title", value: "Director" },
      {
        op: "add",
        path: "phoneNumbers",
        value: [{ value: "123", type: "mobile" }],
      },
    );
    expect(readScimUser(after).fields.jobTitle).toBe("Director");
    expect(readScimUser(after).fields.phones).toHaveLength(2);
    expect(before).toEqual(stored());
  });

  it("accepts the id it already has, as some clients echo it", () => {
    const same = patch(stored(), {
      op: "replace",
      value: { id: ID, title: "X" },
    });
    expect(readScimUser(same).fields.jobTitle).toBe("X");
  });

  it.each<[string, unknown, string, string]>([
    [
      "no schemas",
      { Operations: [{ op: "add" }] },
      "invalidSyntax",
      "schemas must list",
    ],
    [
      "no operations",
      { schemas: [SCIM_PATCH_OP] },
      "invalidSyntax",
      "non-empty list",
    ],
    [
      "an unknown verb",
      { schemas: [SCIM_PATCH_OP], Operations: [{ op: "move", path: "title" }] },
      "invalidSyntax",
      "Operations[0].op must be add, replace or remove",
    ],
    [
      "a path that is not a string",
      { schemas: [SCIM_PATCH_OP], Operations: [{ op: "add", path: 3 }] },
      "invalidSyntax",
      "Operations[0].path must be a string",
    ],
    [
      "too many operations",
      {
        schemas: [SCIM_PATCH_OP],
        Operations: Array.from({ length: 201 }, () => ({
          op: "remove",
          path: "title",
        })),
      },
      "tooMany",
      "at most 200",
    ],
    ["a body that is a list", [], "invalidSyntax", "must be a PatchOp object"],
  ])("refuses a request with %s", (_, body, scimType, detail) => {
    const { status, body: error } = failure(() => parsePatchRequest(body));
    expect(status).toBe(400);
    expect(error).toMatchObject({ scimType });
    expect(error.detail).toContain(detail);
  });

  it.each<[string, unknown, string, string]>([
    ["remove without a path", { op: "remove" }, "noTarget", "needs a path"],
    [
      "a path-less value that is not an object",
      { op: "add", value: "x" },
      "invalidSyntax",
      "needs an object",
    ],
    [
      "a malformed path",
      { op: "add", path: "emails[type eq", value: 1 },
      "invalidPath",
      "The path emails[type eq is not valid",
    ],
    [
      "a path with a bad filter",
      { op: "add", path: 'emails[type sw "w"].value', value: 1 },
      "invalidPath",
      "only the eq operator",
    ],
    [
      "a path of punctuation",
      { op: "add", path: "..", value: 1 },
      "invalidPath",
      "expected an attribute",
    ],
    [
      "a change of id",
      { op: "replace", path: "id", value: "other" },
      "mutability",
      "id cannot be changed",
    ],
    [
      "a change of meta",
      { op: "add", path: "meta.version", value: "W/1" },
      "mutability",
      "meta cannot be changed",
    ],
    [
      "a replace without a value",
      { op: "replace", path: "title" },
      "invalidSyntax",
      "needs a value",
    ],
  ])("refuses %s", (_, operation, scimType, detail) => {
    const { status, body } = failure(() => patch(stored(), operation));
    expect(status).toBe(400);
    expect(body.scimType).toBe(scimType);
    expect(body.detail).toContain(detail);
  });

  it("refuses a patch that leaves the user invalid, naming the attribute", () => {
    const { status, body } = failure(() =>
      readScimUser(
        patch(stored(), { op: "replace", path: "name.givenName", value: " " }),
      ),
    );
    expect(status).toBe(400);
    expect(body.scimType).toBe("invalidValue");
    expect(body.detail).toContain("name.givenName");
  });
});
