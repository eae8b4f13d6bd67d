import {
  EmployeeCreate,
  EmployeeSearch,
  EmployeeUpdate,
  isUuid,
  NotFoundError,
} from "@roster/core";
import {
  countEmployees,
  createEmployee,
  deleteEmployee,
  facetCounts,
  getDirectReports,
  getEmployee,
  getManagerChain,
  reading,
  searchEmployees,
  transact,
  updateEmployee,
} from "@roster/db";
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../env.js";
import { ifMatchVersion, jsonBody, parseWith } from "../http/input.js";
import { actorOf } from "./actor.js";

const LIST_PARAMS = ["department", "location", "title", "skill"] as const;

/** Query-string values as the search schema expects: lists stay lists. */
function searchQuery(c: Context) {
  const all = c.req.queries();
  const query: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(all)) {
    const list = (LIST_PARAMS as readonly string[]).includes(key);
    query[key] = list ? values : values.at(-1);
  }
  return parseWith(EmployeeSearch, query);
}

function personId(c: Context): string {
  const id = c.req.param("id") ?? "";
  if (!isUuid(id)) throw new NotFoundError("employee", id);
  return id;
}

/** The directory's people: search, read, add, edit, remove, org lines. */
export function employeeRoutes({ directory }: AppDeps) {
  const read = (c: Context<AppEnv>) => reading(directory, actorOf(c));

  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const search = searchQuery(c);
      const [page, total] = await Promise.all([
        searchEmployees(read(c), search),
        countEmployees(read(c), search),
      ]);
      return c.json({ ...page, total });
    })
    .get("/facets", async (c) => {
      // Facets count every match; the page position does not apply.
      return c.json(await facetCounts(read(c), searchQuery(c)));
    })
    .post("/", async (c) => {
      const input = await jsonBody(c, EmployeeCreate);
      const employee = await transact(directory, actorOf(c), (ctx) =>
        createEmployee(ctx, input),
      );
      c.header("ETag", `"${employee.version}"`);
      c.header("Location", `/api/employees/${employee.id}`);
      return c.json(employee, 201);
    })
    .get("/:id", async (c) => {
      const employee = await getEmployee(read(c), personId(c));
      c.header("ETag", `"${employee.version}"`);
      return c.json(employee);
    })
    .patch("/:id", async (c) => {
      const id = personId(c);
      const version = ifMatchVersion(c, true);
      const patch = await jsonBody(c, EmployeeUpdate);
      const employee = await transact(directory, actorOf(c), (ctx) =>
        updateEmployee(ctx, id, version, patch),
      );
      c.header("ETag", `"${employee.version}"`);
      return c.json(employee);
    })
    .delete("/:id", async (c) => {
      const id = personId(c);
      const version = ifMatchVersion(c);
      await transact(directory, actorOf(c), (ctx) =>
        deleteEmployee(ctx, id, version),
      );
      return c.body(null, 204);
    })
    .get("/:id/manager-chain", async (c) => {
      const items = await getManagerChain(read(c), personId(c));
      return c.json({ items });
    })
    .get("/:id/reports", async (c) => {
      const items = await getDirectReports(read(c), personId(c));
      return c.json({ items });
    });
}
