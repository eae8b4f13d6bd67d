import { useMinuteClock } from "../hooks/use-now";
import { formatLocalTime } from "../lib/local-time";
import { ClockIcon } from "./icons";

/** "14:05 local" for a time zone, ticking each minute; nothing without one. */
export function LocalTime({ timeZone }: { timeZone: string | null }) {
  const now = useMinuteClock();
  const time = formatLocalTime(now, timeZone);
  if (time === null || timeZone === null) return null;
  return (
    <span className="local-time" title={`Time zone: ${timeZone}`}>
      <ClockIcon />
      <span>
        <time>{time}</time> local
      </span>
    </span>
  );
}
