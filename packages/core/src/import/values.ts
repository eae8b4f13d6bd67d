const EDGE_SPACE = /^[\s\p{Z}]+|[\s\p{Z}]+$/gu;

/**
 * A cell as the importer uses it: trimmed (HR exports are padded with
 * spaces, no-break spaces included), or null when nothing is left.
 */
export function cellValue(raw: string | undefined): string | null {
  const value = raw?.replace(EDGE_SPACE, "") ?? "";
  return value === "" ? null : value;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/i;
const HALF_DAY_MS = 12 * 60 * 60 * 1000;

/**
 * The calendar date an export meant, as `YYYY-MM-DD`, or undefined when
 * the value is neither a date nor an ISO timestamp.
 */
export function calendarDate(value: string): string | undefined {
  if (DATE.test(value)) return value;
  const match = TIMESTAMP.exec(value);
  if (!match) return undefined;
  const [, written, zone] = match;
  // With no zone, or a local offset, the date as written is the local one.
  if (!zone || !/^z$/i.test(zone)) return written;
  // A date exported as local midnight and then shown in UTC lands within
  // twelve hours of the intended day (2003-07-16T19:00Z is midnight on the
  // 17th five hours east), so the nearest UTC midnight is that day. Taking
  // the UTC date would move every such hire one day earlier.
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + HALF_DAY_MS).toISOString().slice(0, 10);
}

// Codes exports use that ISO 3166 spells differently.
const COUNTRY_ALIASES: Record<string, string> = { UK: "GB" };

/** An export's country code as ISO 3166 alpha-2: `uk` becomes `GB`. */
export function isoCountryCode(value: string): string {
  const code = value.toUpperCase();
  return COUNTRY_ALIASES[code] ?? code;
}

export interface DiallingPlan {
  countryCode: string;
  internationalPrefix: string;
  trunkPrefix?: string | undefined;
}

const SEPARATORS = /[\s.\-()/]+/;

/**
 * A phone number written for dialling under `plan`, in international form:
 * `011.44.1344.429268` becomes `+44 1344 429268`, and `515.123.4567`
 * becomes `+1 515 123 4567` in the US. Numbers that are not plain digit
 * groups (extensions, letters) are kept as written.
 */
export function internationalPhone(value: string, plan?: DiallingPlan) {
  const groups = value.split(SEPARATORS).filter(Boolean);
  const [first, ...rest] = groups;
  if (!plan || first === undefined) return value;
  if (!/^\+?\d+$/.test(first) || !rest.every((g) => /^\d+$/.test(g))) {
    return value;
  }
  if (first.startsWith("+")) return groups.join(" ");
  const exit = plan.internationalPrefix;
  if (first.startsWith(exit)) {
    const international = [first.slice(exit.length), ...rest].filter(Boolean);
    return international.length > 0 ? `+${international.join(" ")}` : value;
  }
  const trunk = plan.trunkPrefix;
  const national =
    trunk && first.startsWith(trunk)
      ? [first.slice(trunk.length), ...rest].filter(Boolean)
      : groups;
  if (national.length === 0) return value;
  return `+${plan.countryCode} ${national.join(" ")}`;
}
