import { DepartmentCreate, LocationCreate } from "@roster/core";
import {
  createDepartment,
  createLocation,
  listDepartments,
  listLocations,
  reading,
  transact,
} from "@roster/db";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../env.js";
import { jsonBody } from "../http/input.js";
import { actorOf } from "./actor.js";

/** Departments and locations: the lists filters and forms choose from. */
export function organisationRoutes({ directory }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/departments", async (c) => {
      const items = await listDepartments(reading(directory, actorOf(c)));
      return c.json({ items });
    })
    .post("/departments", async (c) => {
      const input = await jsonBody(c, DepartmentCreate);
      const department = await transact(directory, actorOf(c), (ctx) =>
        createDepartment(ctx, input),
      );
      return c.json(department, 201);
    })
    .get("/locations", async (c) => {
      const items = await listLocations(reading(directory, actorOf(c)));
      return c.json({ items });
    })
    .post("/locations", async (c) => {
      const input = await jsonBody(c, LocationCreate);
      const location = await transact(directory, actorOf(c), (ctx) =>
        createLocation(ctx, input),
      );
      return c.json(location, 201);
    });
}
