const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * A calendar date like `2006-01-03` written out for the reader. It is read
 * as UTC and shown as UTC, so no time zone can move it to another day.
 */
export function formatCalendarDate(iso: string, format = dateFormat): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match.map(Number);
  return format.format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)));
}

/** "1 person" or "12 people". */
export function countPeople(n: number): string {
  return n === 1 ? "1 person" : `${n} people`;
}

/** A `tel:` URL for a number: its digits, keeping a leading plus. */
export function telHref(number: string, digits: string): string {
  const plus = number.trim().startsWith("+") ? "+" : "";
  return `tel:${plus}${digits || number.replace(/[^\d]/g, "")}`;
}
