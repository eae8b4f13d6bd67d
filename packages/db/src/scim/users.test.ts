import { randomUUID } from "node:crypto";
import {
  type Actor,
  canonicalUser,
  type PatchOperation,
  readScimUser,
} from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { listDepartments } from "../department/operations.js";
import { openTestDatabase } from "../testing/index.js";
import { getScimUser, listScimUsers } from "./users-read.js";
import { patchScimUser, provisionScimUser } from "./users-write.js";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const scim: Actor = {
  id: randomUUID(),
  role: "hr",
  via: { channel: "scim" },
};
const USERS = "https://roster.example.com/scim/v2/Users";
let handle: DatabaseHandle;
let dir: Directory;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = { db: handle.db, events: { publish: async () => {} } };
});
afterAll(() => handle.close());

const tag = randomUUID().slice(0, 8);
const provision = (given: string, extra: object = {}) =>
  transact(dir, scim, (ctx) =>
    provisionScimUser(
      ctx,
      readScimUser(
        canonicalUser({
          userName: `${given.toLowerCase()}.${randomUUID().slice(0, 6)}@example.com`,
          name: { givenName: given, familyName: `Scim${tag}` },
          ...extra,
        }),
      ),
    ),
  );
const patch = (id: string, ...ops: PatchOperation[]) =>
  transact(dir, scim, (ctx) => patchScimUser(ctx, id, ops, USERS));

describe("SCIM users in the data layer", () => {
  it("keeps both of two concurrent patches to one person", async () => {
    const p = await provision("Concurrent");
    const manager = await provision("Boss");
    await Promise.all([
      patch(p.id, { op: "replace", path: "title", value: "Lead" }),
      patch(p.id, { op: "add", path: "nickName", value: "Cc" }),
      patch(p.id, {
        op: "add",
        path: `${ENTERPRISE}:manager`,
        value: manager.id,
      }),
    ]);
    const after = await getScimUser(reading(dir, scim), p.id);
    expect(after).toMatchObject({
      jobTitle: "Lead",
      preferredName: "Cc",
      manager: { id: manager.id },
      version: 4,
    });
  });

  it("creates a new department once when two people name it together", async () => {
    const name = `Skunkworks ${tag}`;
    await Promise.all(
      ["One", "Two", "Three"].map((given) =>
        provision(given, { [ENTERPRISE]: { department: name } }),
      ),
    );
    const departments = await listDepartments(reading(dir, scim));
    const made = departments.filter((d) => d.name === name);
    expect(made).toHaveLength(1);
    expect(made[0]?.headcount).toBe(3);
  });

  it("finds people by externalId exactly and by userName in any case", async () => {
    const p = await provision("Findable", { externalId: `Ext-${tag}` });
    const find = (attribute: "externalId" | "userName", value: string) =>
      listScimUsers(reading(dir, scim), {
        filter: [{ attribute, value }],
        startIndex: 1,
        count: 10,
      });
    expect((await find("externalId", `Ext-${tag}`)).totalResults).toBe(1);
    expect((await find("externalId", `ext-${tag}`)).totalResults).toBe(0);
    const byName = await find("userName", p.email.toUpperCase());
    expect(byName.resources.map((r) => r.id)).toEqual([p.id]);
  });
});
