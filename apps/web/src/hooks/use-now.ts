import { useSyncExternalStore } from "react";
import { msUntilNextMinute } from "../lib/local-time";

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

// One timer for the whole page, started with the first clock on screen and
// firing as each minute turns, so every local time changes together.
function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
  timer = setTimeout(tick, msUntilNextMinute(new Date(now)));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setTimeout(tick, msUntilNextMinute(new Date(now)));
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The current time, updated at the start of every minute. */
export function useMinuteClock(): Date {
  const ms = useSyncExternalStore(subscribe, () => now);
  return new Date(ms);
}
