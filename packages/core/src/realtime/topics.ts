import * as z from "zod";
import type { DomainEvent } from "../events/index.js";
import { isUuid } from "../ids.js";

/**
 * What a connection listens to. `directory` hears every change to people,
 * departments and offices; `employee:<id>` one person (profile, photo,
 * presence); `presence` everyone's online state; `jobs` every background
 * job; `job:<id>` one job.
 */
export type Topic =
  | "directory"
  | "presence"
  | "jobs"
  | `employee:${string}`
  | `job:${string}`;

const PLAIN = new Set(["directory", "presence", "jobs"]);

/** True for a topic a client may subscribe to. */
export function isTopic(value: string): value is Topic {
  if (PLAIN.has(value)) return true;
  const [kind, id, ...rest] = value.split(":");
  return (
    rest.length === 0 &&
    (kind === "employee" || kind === "job") &&
    id !== undefined &&
    isUuid(id)
  );
}

export const Topic = z
  .string()
  .refine(isTopic, {
    message:
      "must be directory, presence, jobs, employee:<id> or job:<id> " +
      "with a UUID id",
  })
  .transform((value) => value as Topic);

/** The topics whose subscribers hear of `event`. */
export function topicsOf(event: DomainEvent): Topic[] {
  switch (event.type) {
    case "employee.created":
    case "employee.updated":
    case "employee.deleted":
    case "photo.ready":
      return ["directory", `employee:${event.id}`];
    case "employees.created":
    case "department.created":
    case "location.created":
      return ["directory"];
    case "job.progress":
    case "job.finished":
      return ["jobs", `job:${event.id}`];
  }
}

/** The topics whose subscribers hear that a person came or went. */
export function presenceTopics(employeeId: string): Topic[] {
  return ["presence", `employee:${employeeId}`];
}

/** True when a connection holding `subscriptions` should hear `event`. */
export function hears(
  subscriptions: ReadonlySet<string>,
  event: DomainEvent,
): boolean {
  return topicsOf(event).some((topic) => subscriptions.has(topic));
}
