import { useRef, useState } from "react";
import { getEmployee } from "../../api/employees";
import { ApiError } from "../../api/errors";
import { useLiveSignals } from "../../realtime/live-context";
import type { LiveEvent } from "../../realtime/protocol";

/** Someone else's change to the person being edited, as events told it. */
export type RemoteChange =
  | { kind: "changed"; version: number; fields: string[] }
  | { kind: "deleted" };

/** Adds `event` to what is known of changes newer than `version`. */
export function foldRemoteChange(
  change: RemoteChange | null,
  event: LiveEvent,
  version: number,
): RemoteChange | null {
  if (change?.kind === "deleted") return change;
  if (event.type === "employee.deleted") return { kind: "deleted" };
  if (event.type !== "employee.updated" && event.type !== "photo.ready") {
    return change;
  }
  if (event.version <= version) return change;
  const fields = event.type === "photo.ready" ? ["photo"] : event.fields;
  return {
    kind: "changed",
    version: Math.max(event.version, change?.version ?? 0),
    fields: [...new Set([...(change?.fields ?? []), ...fields])],
  };
}

/**
 * Follows changes to person `id` newer than `version`, the one the form
 * is based on. While the form's own save is in flight they are held back
 * (the save's own event is among them), and shown only if it fails.
 */
export function useRemoteChange(id: string | null, version: number) {
  const [change, setChange] = useState<RemoteChange | null>(null);
  const held = useRef<RemoteChange | null>(null);
  const saving = useRef(false);
  const base = useRef(version);
  base.current = version;
  const note = (next: RemoteChange) => {
    const merge = (c: RemoteChange | null): RemoteChange => {
      if (c?.kind !== "changed" || next.kind !== "changed") {
        return c?.kind === "deleted" ? c : next;
      }
      return { ...c, version: Math.max(c.version, next.version) };
    };
    if (saving.current) held.current = merge(held.current);
    else setChange(merge);
  };
  // After a gap the events may be incomplete: ask for the version itself.
  const check = async (personId: string) => {
    try {
      const latest = await getEmployee(personId);
      if (latest.version > base.current) {
        note({ kind: "changed", version: latest.version, fields: [] });
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        note({ kind: "deleted" });
      }
    }
  };
  useLiveSignals((signal) => {
    if (id === null) return;
    if (signal.kind === "resync") {
      void check(id);
      return;
    }
    if (signal.kind !== "events") return;
    for (const event of signal.events) {
      if (!("id" in event) || event.id !== id) continue;
      if (saving.current) {
        held.current = foldRemoteChange(held.current, event, version);
      } else {
        setChange((c) => foldRemoteChange(c, event, version));
      }
    }
  });
  return {
    change,
    /** Call as a save starts and as it ends. */
    saveStarted() {
      saving.current = true;
      held.current = null;
    },
    saveEnded(succeeded: boolean) {
      saving.current = false;
      const pending = held.current;
      held.current = null;
      if (!succeeded && pending) setChange(pending);
    },
    /** The form moved onto a newer version: forget what it covers. */
    clear: () => setChange(null),
  };
}
