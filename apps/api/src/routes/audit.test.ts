import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, openTestApp } from "../test-app.js";

let t: Awaited<ReturnType<typeof openTestApp>>;
const tag = randomUUID().slice(0, 6);

async function call(
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
) {
  const res = await t.app.request(path, {
    method,
    headers: jsonHeaders(extra),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  expect(res.status, text).toBeLessThan(300);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const create = async (path: string, body: Record<string, unknown>) =>
  (await call("POST", path, body)).id as string;
const person = (givenName: string, familyName: string, extra = {}) =>
  create("/api/employees", {
    email: `${givenName.toLowerCase()}.${tag}@example.com`,
    givenName,
    familyName,
    ...extra,
  });
const patch = async (id: string, body: Record<string, unknown>) => {
  const current = await call("GET", `/api/employees/${id}`);
  await call("PATCH", `/api/employees/${id}`, body, {
    "if-match": `"${current.version}"`,
  });
};

interface Page {
  items: { changes: { field: string; before: unknown; after: unknown }[] }[];
  names: Record<string, string | null>;
}

let ids: Record<"sales" | "office" | "king" | "gone" | "left" | "sam", string>;

beforeAll(async () => {
  t = await openTestApp();
  const sales = await create("/api/departments", { name: `Sales ${tag}` });
  const office = await create("/api/locations", { name: `Oxford ${tag}` });
  const king = await person("Steven", "King");
  const gone = await person("Gus", "Gone");
  const left = await person("Lex", "Left");
  const sam = await person("Sam", "Subject", { managerId: gone });
  await patch(sam, { managerId: king, departmentId: sales });
  await patch(sam, { managerId: left, locationId: office });
  await call("DELETE", `/api/employees/${gone}`);
  await call("POST", `/api/employees/${left}/deactivate`);
  ids = { sales, office, king, gone, left, sam };
});
afterAll(() => t.close());

describe("a profile's history", () => {
  it("names the managers, departments and offices in its changes", async () => {
    const page = (await call(
      "GET",
      `/api/employees/${ids.sam}/history`,
    )) as unknown as Page;
    expect(page.items.flatMap((i) => i.changes)).toEqual(
      expect.arrayContaining([
        { field: "managerId", before: ids.gone, after: ids.king },
        { field: "departmentId", before: null, after: ids.sales },
        { field: "locationId", before: null, after: ids.office },
      ]),
    );
    expect(page.names).toEqual({
      [ids.king]: "Steven King",
      [ids.gone]: null,
      [ids.left]: "Lex Left",
      [ids.sales]: `Sales ${tag}`,
      [ids.office]: `Oxford ${tag}`,
    });
  });

  it("does not name someone who left to the person themself", async () => {
    const page = (await call(
      "GET",
      `/api/employees/${ids.sam}/history`,
      undefined,
      { "x-roster-act-as": ids.sam },
    )) as unknown as Page;
    expect(page.names[ids.left]).toBeNull();
    expect(page.names[ids.king]).toBe("Steven King");
  });

  it("names them in the searchable trail too", async () => {
    const page = (await call(
      "GET",
      `/api/audit?subject=${ids.sam}`,
    )) as unknown as Page;
    expect(page.names[ids.office]).toBe(`Oxford ${tag}`);
  });
});
