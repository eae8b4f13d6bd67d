import type { Employee } from "../employee/schema.js";
import { escapeText, foldLine } from "./text.js";

/**
 * The parts of a person a card shows. The person comes filtered for the
 * reader, so a personal phone or birthday appears only for those allowed.
 */
export type VCardPerson = Pick<
  Employee,
  | "id"
  | "displayName"
  | "givenName"
  | "familyName"
  | "preferredName"
  | "email"
  | "phones"
  | "jobTitle"
  | "personalPhone"
  | "birthday"
  | "department"
  | "location"
  | "bio"
  | "updatedAt"
>;

/** What one card needs beyond the employee: where their photo lives. */
export interface VCardExtras {
  /** An absolute URL of a JPEG rendition, when they have a photo. */
  photoUrl?: string | undefined;
}

/** `20261204T170000Z`: the timestamp form vCard's REV takes. */
function timestamp(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, "");
}

function structured(...parts: (string | null | undefined)[]): string {
  return parts.map((part) => escapeText(part ?? "")).join(";");
}

/**
 * One person as a vCard 4.0 (RFC 6350), lines folded and ended by CRLF.
 * Only what the directory shows is included.
 */
export function employeeVCard(
  person: VCardPerson,
  extras: VCardExtras = {},
): string {
  const lines = [
    "BEGIN:VCARD",
    "VERSION:4.0",
    "KIND:individual",
    `UID:urn:uuid:${person.id}`,
    `FN:${escapeText(person.displayName)}`,
    `N:${structured(person.familyName, person.givenName, "", "", "")}`,
  ];
  if (person.preferredName) {
    lines.push(`NICKNAME:${escapeText(person.preferredName)}`);
  }
  lines.push(`EMAIL;TYPE=work:${escapeText(person.email)}`);
  for (const phone of person.phones) {
    const type = phone.kind === "mobile" ? "cell" : phone.kind;
    lines.push(`TEL;VALUE=text;TYPE=${type}:${escapeText(phone.number)}`);
  }
  if (person.personalPhone) {
    lines.push(`TEL;VALUE=text;TYPE=home:${escapeText(person.personalPhone)}`);
  }
  // vCard 4 writes a birthday without a year as --MMDD.
  if (person.birthday) lines.push(`BDAY:--${person.birthday.replace("-", "")}`);
  if (person.jobTitle) lines.push(`TITLE:${escapeText(person.jobTitle)}`);
  if (person.department) {
    // The company's name is not stored; the department is the unit.
    lines.push(`ORG:${structured("", person.department.name)}`);
  }
  const place = person.location;
  if (place) {
    lines.push(
      `ADR;TYPE=work;LABEL=${quoteParameter(place.name)}:` +
        structured("", "", "", place.city, place.region, "", place.countryCode),
    );
  }
  if (extras.photoUrl) {
    lines.push(`PHOTO;MEDIATYPE=image/jpeg:${extras.photoUrl}`);
  }
  if (person.bio) lines.push(`NOTE:${escapeText(person.bio)}`);
  lines.push(`REV:${timestamp(person.updatedAt)}`, "END:VCARD");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/**
 * A parameter value in double quotes (RFC 6868 caret encoding for the
 * quote, line breaks and the caret itself), as LABEL needs.
 */
function quoteParameter(value: string): string {
  const encoded = value
    .replace(/\^/g, "^^")
    .replace(/\r\n|\r|\n/g, "^n")
    .replace(/"/g, "^'")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: see above
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  return `"${encoded}"`;
}
