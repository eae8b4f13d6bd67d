import { useEffect, useState, useSyncExternalStore } from "react";

// A one-line confirmation ("Saved", "Removed Ada Lovelace") that survives a
// page change: the page that acts sets it, the layout shows it.

let message: { text: string; at: number } | null = null;
const listeners = new Set<() => void>();

/** Shows `text` briefly in the page's status region. */
export function announce(text: string): void {
  message = { text, at: Date.now() };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const VISIBLE_MS = 6000;

/** The status region for announcements; always present so it is heard. */
export function Toaster() {
  const current = useSyncExternalStore(subscribe, () => message);
  const [hidden, setHidden] = useState<number | null>(null);
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => setHidden(current.at), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [current]);
  const visible = current !== null && hidden !== current.at;
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {visible && (
        <div className="toast">
          <span>{current.text}</span>
          <button
            type="button"
            className="toast__close"
            onClick={() => setHidden(current.at)}
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
