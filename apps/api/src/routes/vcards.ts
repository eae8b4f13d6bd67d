import {
  type Employee,
  EmployeeSearch,
  employeeVCard,
  isUuid,
  NotFoundError,
  photoRenditionKey,
  RosterError,
} from "@roster/core";
import { getEmployee, reading, searchEmployees } from "@roster/db";
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../env.js";
import { parseWith } from "../http/input.js";
import { actorOf } from "./actor.js";

/** The most people one bulk export holds; narrow the filters for more. */
export const MAX_BULK_VCARDS = 5_000;
const PAGE = 100;
const LIST_PARAMS = ["department", "location", "title", "skill"];

/** The photo inside a card: the 256 px JPEG, which every client shows. */
function photoUrl(c: Context, person: Employee): string | undefined {
  if (!person.photoKey) return undefined;
  const path = photoRenditionKey(person.photoKey, 256, "jpeg");
  return `${new URL(c.req.url).origin}/api/${path}`;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 one. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\/]/g, "_").trim() || "contact";
  return (
    `attachment; filename="${ascii}.vcf"; ` +
    `filename*=UTF-8''${encodeURIComponent(`${name}.vcf`)}`
  );
}

const VCARD_TYPE = "text/vcard; charset=utf-8";

/** Contacts for address books: one person, or the filtered directory. */
export function vcardRoutes({ directory }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/employees/:id/vcard", async (c) => {
      const id = c.req.param("id");
      if (!isUuid(id)) throw new NotFoundError("employee", id);
      const person = await getEmployee(reading(directory, actorOf(c)), id);
      return c.body(
        employeeVCard(person, { photoUrl: photoUrl(c, person) }),
        200,
        {
          "Content-Type": VCARD_TYPE,
          "Content-Disposition": attachment(person.displayName),
        },
      );
    })
    .get("/vcards", async (c) => {
      const query: Record<string, unknown> = {};
      for (const [key, values] of Object.entries(c.req.queries())) {
        query[key] = LIST_PARAMS.includes(key) ? values : values.at(-1);
      }
      if ("cursor" in query || "limit" in query) {
        throw new RosterError(
          "invalid_input",
          "The export holds every match; it takes filters, not cursor or " +
            "limit.",
        );
      }
      const search = parseWith(EmployeeSearch, { ...query, limit: PAGE });
      const ctx = reading(directory, actorOf(c));
      const cards: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchEmployees(ctx, { ...search, cursor });
        for (const person of page.items) {
          cards.push(employeeVCard(person, { photoUrl: photoUrl(c, person) }));
        }
        if (cards.length > MAX_BULK_VCARDS) {
          throw new RosterError(
            "payload_too_large",
            `The export is limited to ${MAX_BULK_VCARDS} people; narrow ` +
              "the filters.",
            { maxPeople: MAX_BULK_VCARDS },
          );
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return c.body(cards.join(""), 200, {
        "Content-Type": VCARD_TYPE,
        "Content-Disposition": attachment("directory"),
      });
    });
}
