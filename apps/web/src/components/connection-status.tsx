import { useEffect, useRef, useState } from "react";
import type { LiveStatus } from "../realtime/live-client";
import { useLiveStatus, useRetryNow } from "../realtime/live-context";

function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1_000));
}

// What is said aloud when the connection changes; a first connect and a
// planned switch to a new socket say nothing.
function announcement(previous: LiveStatus["state"], next: LiveStatus) {
  if (next.state === "reconnecting" && previous === "live") {
    return "Live updates paused: reconnecting.";
  }
  if (next.state === "offline") {
    return "You are offline. Changes will show when you are back online.";
  }
  if (
    next.state === "live" &&
    (previous === "reconnecting" || previous === "offline")
  ) {
    return "Live updates are back on.";
  }
  return null;
}

/**
 * The live-updates connection: a quiet dot while it works, a clear word
 * and a way to retry while it does not. Changes are announced politely.
 */
export function ConnectionStatus() {
  const status = useLiveStatus();
  const retryNow = useRetryNow();
  const previous = useRef(status.state);
  const [said, setSaid] = useState("");
  const retryAt = status.state === "reconnecting" ? status.retryAt : null;
  const seconds = useSecondsUntil(retryAt);

  useEffect(() => {
    const text = announcement(previous.current, status);
    previous.current = status.state;
    if (text) setSaid(text);
  }, [status]);

  if (status.state === "stopped") return null;
  return (
    <div className="connection-status" data-state={status.state}>
      <span className="connection-status__dot" aria-hidden="true" />
      <span className="connection-status__label">
        {status.state === "live" && "Live"}
        {status.state === "connecting" && "Connecting…"}
        {status.state === "reconnecting" &&
          (seconds > 0 ? `Reconnecting in ${seconds} s` : "Reconnecting…")}
        {status.state === "offline" && "Offline"}
      </span>
      {status.state === "reconnecting" && seconds > 0 && (
        <button
          type="button"
          className="connection-status__retry"
          onClick={retryNow}
        >
          Retry now
        </button>
      )}
      <span className="visually-hidden" role="status" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
