import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { canonicalUser, type ScimObject } from "./attributes.js";
import { scimErrorOf } from "./errors.js";
import { readScimUser } from "./read-user.js";
import { SCIM_ENTERPRISE_USER as ENTERPRISE, SCIM_USER } from "./schemas.js";
import { type ScimSubject, toScimUser } from "./user-resource.js";

const MANAGER = "0d1e2f3a-4b5c-4d6e-8f70-819203a4b5c6";

// What Okta sends when it provisions a person.
const oktaCreate: ScimObject = {
  schemas: [SCIM_USER],
  userName: "grace.hopper@example.com",
  name: { givenName: "Grace", familyName: "Hopper" },
  emails: [{ primary: true, value: "grace.hopper@example.com", type: "work" }],
  displayName: "Grace Hopper",
  locale: "en-US",
  externalId: "00u1b2c3d4e5F6g7h8",
  groups: [],
  password: "never-stored",
  active: true,
};

// What Microsoft Entra ID sends, with its usual casing and extension.
const entraCreate: ScimObject = {
  schemas: [SCIM_USER, ENTERPRISE],
  externalId: "3f1d2c4b-aaaa-bbbb-cccc-000000000001",
  userName: "Alan.Turing@Example.com",
  active: "True",
  displayName: "Alan Turing",
  title: "Cryptanalyst",
  emails: [{ primary: true, type: "work", value: "alan.turing@example.com" }],
  phoneNumbers: [
    { type: "work", value: "+44 1908 640404" },
    { type: "mobile", value: "07700 900 461" },
    { type: "fax", value: "+44 1908 000000" },
  ],
  name: { familyName: "Turing", givenName: "Alan" },
  nickName: "Prof",
  [ENTERPRISE]: {
    department: "Hut 8",
    employeeNumber: "1912",
    manager: { value: MANAGER },
  },
};

const read = (user: ScimObject) => readScimUser(canonicalUser(user));

function refusal(user: ScimObject) {
  try {
    read(user);
  } catch (error) {
    return scimErrorOf(error);
  }
  throw new Error("expected a refusal");
}

describe("readScimUser", () => {
  it("reads Okta's create, ignoring what Roster does not keep", () => {
    expect(read(oktaCreate)).toEqual({
      fields: {
        email: "grace.hopper@example.com",
        givenName: "Grace",
        familyName: "Hopper",
        preferredName: null,
        jobTitle: null,
        phones: [],
        managerId: null,
      },
      departmentName: null,
      externalId: "00u1b2c3d4e5F6g7h8",
      active: true,
    });
  });

  it("reads Entra's create: phones, department, manager, string active", () => {
    expect(read(entraCreate)).toEqual({
      fields: {
        email: "alan.turing@example.com",
        givenName: "Alan",
        familyName: "Turing",
        preferredName: "Prof",
        jobTitle: "Cryptanalyst",
        phones: [
          { kind: "work", number: "+44 1908 640404" },
          { kind: "mobile", number: "07700 900 461" },
          { kind: "other", number: "+44 1908 000000" },
        ],
        managerId: MANAGER,
      },
      departmentName: "Hut 8",
      externalId: "3f1d2c4b-aaaa-bbbb-cccc-000000000001",
      active: true,
    });
  });

  it("reads attribute names in any case", () => {
    const shouted = read({
      USERNAME: "x@example.com",
      Name: { GIVENNAME: "X", FamilyName: "Y" },
      Active: false,
      [ENTERPRISE.toUpperCase()]: { DEPARTMENT: "Ops" },
    });
    expect(shouted.fields).toMatchObject({ givenName: "X", familyName: "Y" });
    expect(shouted.active).toBe(false);
    expect(shouted.departmentName).toBe("Ops");
  });

  it("tells an absent externalId from a cleared one", () => {
    const { externalId: _, ...without } = oktaCreate;
    expect(read(without).externalId).toBeUndefined();
    expect(read({ ...oktaCreate, externalId: null }).externalId).toBeNull();
  });

  it.each<[string, ScimObject, string[]]>([
    ["no userName", { ...oktaCreate, userName: undefined }, ["userName"]],
    [
      "a userName that is no address",
      { ...oktaCreate, userName: "ghopper" },
      ["userName"],
    ],
    [
      "no names",
      { ...oktaCreate, name: undefined },
      ["name.givenName", "name.familyName"],
    ],
    [
      "a work email other than userName",
      { ...oktaCreate, emails: [{ value: "other@example.com", type: "work" }] },
      ['emails[type eq "work"].value'],
    ],
    [
      "an active that is not a boolean",
      { ...oktaCreate, active: "yes" },
      ["active"],
    ],
    ["a title that is not text", { ...oktaCreate, title: 7 }, ["title"]],
    [
      "an externalId longer than any provider's",
      { ...oktaCreate, externalId: "x".repeat(256) },
      ["externalId"],
    ],
    [
      "a phone without digits",
      { ...oktaCreate, phoneNumbers: [{ value: "call me", type: "work" }] },
      ["phoneNumbers[0].value"],
    ],
    [
      "a manager that is not a Roster id",
      { ...oktaCreate, [ENTERPRISE]: { manager: { value: "00u999" } } },
      [`${ENTERPRISE}:manager.value`],
    ],
    [
      "eleven phone numbers",
      {
        ...oktaCreate,
        phoneNumbers: Array.from({ length: 11 }, (_, i) => ({ value: `${i}` })),
      },
      ["phoneNumbers"],
    ],
  ])("refuses %s, naming where", (_, user, paths) => {
    const { status, body } = refusal(user);
    expect(status).toBe(400);
    expect(body.scimType).toBe("invalidValue");
    for (const path of paths) expect(body.detail).toContain(path);
  });
});

describe("toScimUser", () => {
  const subject: ScimSubject = {
    id: "5b0c4b1e-2f3a-4c5d-8e9f-0a1b2c3d4e5f",
    email: "alan.turing@example.com",
    givenName: "Alan",
    familyName: "Turing",
    preferredName: "Prof",
    displayName: "Prof Turing",
    jobTitle: "Cryptanalyst",
    department: { id: "6b0c4b1e-2f3a-4c5d-8e9f-0a1b2c3d4e5f", name: "Hut 8" },
    manager: { id: MANAGER, name: "Dilly Knox" },
    phones: [
      { kind: "mobile", number: "07700 900 461", digits: "07700900461" },
    ],
    version: 3,
    createdAt: "2026-01-02T03:04:05.000Z",
    updatedAt: "2026-02-03T04:05:06.000Z",
    externalId: "ext-1",
    deactivatedAt: null,
  };
  const base = "https://roster.example.com/scim/v2/Users";

  it("shows a person with meta, a weak version and the extension", () => {
    expect(toScimUser(subject, base)).toMatchObject({
      id: subject.id,
      externalId: "ext-1",
      userName: "alan.turing@example.com",
      displayName: "Prof Turing",
      nickName: "Prof",
      active: true,
      [ENTERPRISE]: {
        department: "Hut 8",
        manager: { value: MANAGER, displayName: "Dilly Knox" },
      },
      meta: {
        resourceType: "User",
        created: subject.createdAt,
        lastModified: subject.updatedAt,
        location: `${base}/${subject.id}`,
        version: 'W/"3"',
      },
    });
  });

  it("shows a deactivated person as inactive and reads back unchanged", () => {
    const shown = toScimUser(
      { ...subject, deactivatedAt: subject.updatedAt },
      base,
    );
    expect(shown.active).toBe(false);
    const back = readScimUser(canonicalUser(shown));
    expect(back.fields).toEqual({
      email: subject.email,
      givenName: "Alan",
      familyName: "Turing",
      preferredName: "Prof",
      jobTitle: "Cryptanalyst",
      phones: [{ kind: "mobile", number: "07700 900 461" }],
      managerId: MANAGER,
    });
    expect(back.departmentName).toBe("Hut 8");
  });
});

// The Big List of Naughty Strings, read where the shared data sets live.
const NAUGHTY = fileURLToPath(
  new URL(
    "../../../../../shared/datasets/naughty-strings/blns.txt",
    import.meta.url,
  ),
);
const naughty = existsSync(NAUGHTY)
  ? readFileSync(NAUGHTY, "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"))
  : [];

describe.skipIf(naughty.length === 0)("naughty names", () => {
  it("keeps every name exactly, or refuses it at its path", () => {
    let kept = 0;
    for (const value of naughty) {
      const user = {
        ...oktaCreate,
        name: { givenName: value, familyName: value },
      };
      let outcome: ReturnType<typeof read> | undefined;
      try {
        outcome = read(user);
      } catch (error) {
        const { status, body } = scimErrorOf(error);
        expect(status, JSON.stringify(value)).toBe(400);
        expect(body.detail, JSON.stringify(value)).toContain("name.givenName");
        continue;
      }
      kept++;
      expect(outcome.fields.givenName).toBe(value);
      expect(outcome.fields.familyName).toBe(value);
    }
    expect(kept).toBeGreaterThan(naughty.length * 0.9);
  });

  it("never fails a filter with anything but invalidFilter", async () => {
    const { parseUserFilter } = await import("./filter.js");
    for (const value of naughty) {
      for (const source of [value, `userName eq ${JSON.stringify(value)}`]) {
        try {
          const clauses = parseUserFilter(source);
          if (source !== value) expect(clauses[0]?.value).toBe(value);
        } catch (error) {
          const { status, body } = scimErrorOf(error);
          expect(status, JSON.stringify(source)).toBe(400);
          expect(body.scimType).toBe("invalidFilter");
        }
      }
    }
  });
});
