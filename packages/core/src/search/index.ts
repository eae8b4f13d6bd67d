/**
 * Search normalisation shared by what is stored and what is asked, so both
 * sides fold identically whatever the database's locale.
 */

const LETTERS: Record<string, string> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ø: "o",
  Ø: "o",
  ł: "l",
  Ł: "l",
  đ: "d",
  Đ: "d",
  ð: "d",
  Ð: "d",
  þ: "th",
  Þ: "th",
  ı: "i",
  ħ: "h",
  Ħ: "h",
  "’": "'",
  "‘": "'",
  ʼ: "'",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "–": "-",
  "—": "-",
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "gu");
const MARKS = /\p{M}/gu;
const SPACES = /[\s\p{Z}]+/gu;
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Folds text for matching: compatibility-decomposed, accents and other
 * combining marks removed, Unicode lower case (never a locale's), and
 * runs of whitespace collapsed. `José Núñez` becomes `jose nunez`.
 */
export function foldForSearch(value: string): string {
  // ASCII has nothing to decompose, no marks and no special letters, and
  // most of an HR export is ASCII: only case and spacing to fold.
  if (!NON_ASCII.test(value)) {
    return value.toLowerCase().replace(SPACES, " ").trim();
  }
  return value
    .normalize("NFKD")
    .replace(MARKS, "")
    .replace(SPECIAL, (c) => LETTERS[c] ?? c)
    .toLowerCase()
    .normalize("NFKD")
    .replace(MARKS, "")
    .replace(SPACES, " ")
    .trim();
}

/** The ASCII digits of a phone number as entered: `515.123.4567` → `5151234567`. */
export function phoneDigits(value: string): string {
  return value.normalize("NFKC").replace(/[^0-9]/g, "");
}

/**
 * A query that is mostly digits is also matched against phone numbers;
 * three digits is the shortest run that is not noise.
 */
export function phoneQueryDigits(query: string): string | undefined {
  const digits = phoneDigits(query);
  if (digits.length < 3) return undefined;
  return /^[\d\s().+\-/]+$/.test(query.normalize("NFKC")) ? digits : undefined;
}

/** Escapes `%`, `_` and `\` so user text is literal inside a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
