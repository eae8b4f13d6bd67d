const encoder = new TextEncoder();

/** A physical vCard line holds at most this many octets before its CRLF. */
export const MAX_LINE_OCTETS = 75;

// C0 controls other than tab, and DEL, may not appear in a vCard value;
// line breaks are escaped before this runs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of it
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Escapes a text value (RFC 6350 section 3.4): backslash, comma and
 * semicolon get a backslash, line breaks become `\n`, and control
 * characters a vCard cannot carry are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/;/g, "\\;")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(FORBIDDEN_CONTROLS, "");
}

/**
 * Folds a content line (RFC 6350 section 3.2): no physical line exceeds
 * 75 octets, continuation lines start with one space, and a break never
 * falls inside a UTF-8 sequence (or a surrogate pair).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}
