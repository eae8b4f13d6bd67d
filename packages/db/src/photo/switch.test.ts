import { randomUUID } from "node:crypto";
import {
  type Actor,
  type DomainEvent,
  EmployeeCreate,
  type RosterError,
} from "@roster/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { getEmployee } from "../employee/read.js";
import { employees } from "../employee/table.js";
import { createEmployee } from "../employee/write.js";
import { findPgError } from "../errors.js";
import { openTestDatabase } from "../testing/index.js";
import { switchEmployeePhoto } from "./switch.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
let handle: DatabaseHandle;
let dir: Directory;
const published: DomainEvent[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = {
    db: handle.db,
    events: { publish: async (events) => void published.push(...events) },
  };
});
afterAll(() => handle.close());

async function person() {
  return transact(dir, admin, (ctx) =>
    createEmployee(
      ctx,
      EmployeeCreate.parse({
        email: `photo.${randomUUID().slice(0, 8)}@example.com`,
        givenName: "Ada",
        familyName: "Lovelace",
      }),
    ),
  );
}

describe("switchEmployeePhoto", () => {
  it("points the profile at the new set and announces it", async () => {
    const ada = await person();
    published.length = 0;
    const first = await transact(dir, admin, (ctx) =>
      switchEmployeePhoto(ctx, ada.id, `${ada.id}/one`, "several"),
    );
    expect(first).toEqual({
      photoKey: `${ada.id}/one`,
      version: ada.version + 1,
      previousKey: null,
    });
    const second = await transact(dir, admin, (ctx) =>
      switchEmployeePhoto(ctx, ada.id, `${ada.id}/two`, "one"),
    );
    expect(second.previousKey).toBe(`${ada.id}/one`);
    const read = await getEmployee(reading(dir, admin), ada.id);
    expect([read.photoKey, read.version]).toEqual([
      `${ada.id}/two`,
      ada.version + 2,
    ]);
    expect(published).toContainEqual({
      type: "photo.ready",
      id: ada.id,
      version: ada.version + 2,
    });
  });

  it("refuses an employee changing someone else's photo", async () => {
    const ada = await person();
    const other: Actor = { id: randomUUID(), role: "employee" };
    const error = await transact(dir, other, (ctx) =>
      switchEmployeePhoto(ctx, ada.id, `${ada.id}/x`, "one"),
    ).catch((e: RosterError) => e);
    expect((error as RosterError).code).toBe("forbidden");
    const read = await getEmployee(reading(dir, admin), ada.id);
    expect(read.photoKey).toBeNull();
    expect(read.photoFaces).toBeNull();
  });
});

describe("the face finding", () => {
  const stored = async (id: string) => {
    const [row] = await handle.db
      .select({ key: employees.photoKey, faces: employees.photoFaces })
      .from(employees)
      .where(eq(employees.id, id));
    return row;
  };

  it("is kept with the photo and replaced with it", async () => {
    const ada = await person();
    expect(await stored(ada.id)).toEqual({ key: null, faces: null });
    await transact(dir, admin, (ctx) =>
      switchEmployeePhoto(ctx, ada.id, `${ada.id}/one`, "none"),
    );
    expect(await stored(ada.id)).toEqual({
      key: `${ada.id}/one`,
      faces: "none",
    });
    await transact(dir, admin, (ctx) =>
      switchEmployeePhoto(ctx, ada.id, `${ada.id}/two`, "several"),
    );
    const self: Actor = { id: ada.id, role: "employee" };
    const read = await getEmployee(reading(dir, self), ada.id);
    expect([read.photoKey, read.photoFaces]).toEqual([
      `${ada.id}/two`,
      "several",
    ]);
  });

  it("goes when the photo goes, and never stays behind", async () => {
    const ada = await person();
    await transact(dir, admin, (ctx) =>
      switchEmployeePhoto(ctx, ada.id, `${ada.id}/one`, "one"),
    );
    const dropKeyOnly = await handle.db
      .update(employees)
      .set({ photoKey: null })
      .where(eq(employees.id, ada.id))
      .catch((e: unknown) => findPgError(e));
    expect(dropKeyOnly).toMatchObject({ code: "23514" });
    await handle.db
      .update(employees)
      .set({ photoKey: null, photoFaces: null })
      .where(eq(employees.id, ada.id));
    expect(await stored(ada.id)).toEqual({ key: null, faces: null });
  });
});
