import { usePresence } from "../realtime/live-context";

/**
 * Whether someone has Roster open right now, as a dot and a word; nothing
 * while it is not known (the tab itself is not connected).
 */
export function PresenceBadge({ id }: { id: string }) {
  const online = usePresence(id);
  if (online === undefined) return null;
  return (
    <span className="presence" data-online={online}>
      <span className="presence__dot" aria-hidden="true" />
      {online ? "Online" : "Offline"}
    </span>
  );
}
