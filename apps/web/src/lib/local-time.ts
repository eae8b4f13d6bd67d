const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string, locale: string | undefined) {
  const key = `${locale ?? ""}|${timeZone}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(locale, {
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone,
      });
    } catch {
      // An unknown zone name: better no time than a wrong one.
      formatter = null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The wall-clock time at `now` in `timeZone`, like "14:05", or null when the
 * zone is missing or unknown.
 */
export function formatLocalTime(
  now: Date,
  timeZone: string | null | undefined,
  locale?: string,
): string | null {
  if (!timeZone) return null;
  return formatterFor(timeZone, locale)?.format(now) ?? null;
}

/** Milliseconds from `now` until the next minute begins. */
export function msUntilNextMinute(now: Date): number {
  return 60_000 - (now.getTime() % 60_000);
}
