/** True when the runtime knows `zone` as an IANA time zone name. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Countries that keep one zone, by ISO 3166 code (the Oracle HR data writes
// the United Kingdom as UK, so both spellings are here).
const COUNTRY_ZONES: Record<string, string> = {
  AR: "America/Argentina/Buenos_Aires",
  BE: "Europe/Brussels",
  CH: "Europe/Zurich",
  CN: "Asia/Shanghai",
  DE: "Europe/Berlin",
  DK: "Europe/Copenhagen",
  EG: "Africa/Cairo",
  ES: "Europe/Madrid",
  FR: "Europe/Paris",
  GB: "Europe/London",
  IE: "Europe/Dublin",
  IL: "Asia/Jerusalem",
  IN: "Asia/Kolkata",
  IT: "Europe/Rome",
  JP: "Asia/Tokyo",
  KR: "Asia/Seoul",
  KW: "Asia/Kuwait",
  NG: "Africa/Lagos",
  NL: "Europe/Amsterdam",
  PL: "Europe/Warsaw",
  SE: "Europe/Stockholm",
  SG: "Asia/Singapore",
  UA: "Europe/Kyiv",
  UK: "Europe/London",
  ZM: "Africa/Lusaka",
  ZW: "Africa/Harare",
};

// Countries with several zones, by state or province name.
const REGION_ZONES: Record<string, Record<string, string>> = {
  US: {
    california: "America/Los_Angeles",
    washington: "America/Los_Angeles",
    oregon: "America/Los_Angeles",
    texas: "America/Chicago",
    illinois: "America/Chicago",
    "new york": "America/New_York",
    "new jersey": "America/New_York",
    massachusetts: "America/New_York",
    colorado: "America/Denver",
    arizona: "America/Phoenix",
  },
  CA: {
    ontario: "America/Toronto",
    quebec: "America/Toronto",
    "british columbia": "America/Vancouver",
    alberta: "America/Edmonton",
  },
  BR: { "sao paulo": "America/Sao_Paulo" },
  AU: {
    "new south wales": "Australia/Sydney",
    victoria: "Australia/Melbourne",
    queensland: "Australia/Brisbane",
  },
  MX: { "distrito federal": "America/Mexico_City" },
};

/**
 * A best guess at an office's zone from its country and region, for imports
 * that carry no zone. Unknown places get undefined rather than a wrong zone;
 * HR sets those by hand.
 */
export function guessTimeZone(
  countryCode: string | null | undefined,
  region: string | null | undefined,
): string | undefined {
  const country = countryCode?.trim().toUpperCase();
  if (!country) return undefined;
  const byRegion = REGION_ZONES[country];
  if (byRegion) {
    const key = (region ?? "")
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .trim();
    return byRegion[key];
  }
  return COUNTRY_ZONES[country];
}
