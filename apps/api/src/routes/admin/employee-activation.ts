import { isUuid, NotFoundError } from "@roster/core";
import { deactivateEmployee, reactivateEmployee, transact } from "@roster/db";
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env.js";
import { ifMatchVersion } from "../../http/input.js";
import { actorOf } from "../actor.js";

function personId(c: Context): string {
  const id = c.req.param("id") ?? "";
  if (!isUuid(id)) throw new NotFoundError("employee", id);
  return id;
}

/**
 * HR and admins take someone out of the directory and bring them back,
 * as the identity provider does through SCIM. `If-Match` is optional:
 * doing either twice changes nothing, so a blind retry is safe.
 */
export function employeeActivationRoutes({ directory }: AppDeps) {
  const act =
    (operation: typeof deactivateEmployee) => async (c: Context<AppEnv>) => {
      const id = personId(c);
      const version = ifMatchVersion(c);
      const employee = await transact(directory, actorOf(c), (ctx) =>
        operation(ctx, id, version),
      );
      c.header("ETag", `"${employee.version}"`);
      return c.json(employee);
    };
  return new Hono<AppEnv>()
    .post("/:id/deactivate", act(deactivateEmployee))
    .post("/:id/reactivate", act(reactivateEmployee));
}
