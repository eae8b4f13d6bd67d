/** The person the local admin is trying the rules as, if any. */
export interface ActingAs {
  id: string;
  name: string;
}

const STORAGE_KEY = "roster.actingAs";
const listeners = new Set<() => void>();
let current: ActingAs | null = read();

function read(): ActingAs | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<ActingAs>;
    return typeof value.id === "string" && typeof value.name === "string"
      ? { id: value.id, name: value.name }
      : null;
  } catch {
    return null;
  }
}

/** Who requests act as now; null means the signed-in user. */
export function getActingAs(): ActingAs | null {
  return current;
}

/** Switches who requests act as, remembering it across reloads. */
export function setActingAs(next: ActingAs | null): void {
  current = next;
  try {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private browsing may refuse storage; the choice then lasts this visit.
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the acting person changes. */
export function subscribeActingAs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
