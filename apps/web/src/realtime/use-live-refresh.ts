import { useEffect, useRef } from "react";
import { useLiveSignals } from "./live-context";
import type { LiveEvent } from "./protocol";

/** Directory changes: people, departments and offices. */
export const isDirectoryEvent = (e: LiveEvent) =>
  e.type.startsWith("employee.") ||
  e.type === "employees.created" ||
  e.type === "photo.ready" ||
  e.type === "department.created" ||
  e.type === "location.created";

/** A change to person `id` that the version on screen does not have. */
export function isNewerVersion(e: LiveEvent, id: string, shown: number) {
  if (!("id" in e) || e.id !== id) return false;
  return !("version" in e) || e.version > shown;
}

/**
 * A change that can alter a reporting line or a team made of `people`:
 * one of them changed, or someone joined, left or changed manager.
 */
export function touchesTeam(e: LiveEvent, people: ReadonlySet<string>) {
  switch (e.type) {
    case "employee.created":
    case "employees.created":
    case "employee.deleted":
      return true;
    case "employee.updated":
      return people.has(e.id) || e.fields.includes("managerId");
    case "photo.ready":
      return people.has(e.id);
    default:
      return false;
  }
}

// Long enough to fold a burst (an import's batches) into one refetch,
// short enough that a change shows well within a second.
const SETTLE_MS = 120;

/**
 * Calls `refresh` soon after changes that `affects` accepts arrive, or
 * after a hint to refetch everything; a burst of changes is one call.
 */
export function useLiveRefresh(
  refresh: () => void,
  affects: (event: LiveEvent) => boolean,
): void {
  const latest = useRef({ refresh, affects });
  latest.current = { refresh, affects };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveSignals((signal) => {
    const due =
      signal.kind === "resync" ||
      (signal.kind === "events" && signal.events.some(latest.current.affects));
    if (!due || timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current.refresh();
    }, SETTLE_MS);
  });
}
