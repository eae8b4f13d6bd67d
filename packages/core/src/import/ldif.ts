import type { ByteSource, CsvRow } from "./csv.js";
import { decodeText, type TextEncodingName } from "./encoding.js";
import type { ImportReason } from "./record.js";

/**
 * Attributes that hold secrets. They are dropped while the file is read,
 * so they never reach a record, a report, a log or a preview. Besides
 * the well-known ones, any attribute whose name speaks of a password,
 * a secret, a credential or a key is taken for one: directories add
 * their own (LAPS's `ms-Mcs-AdmPwd`, `unixUserPassword`, ...).
 */
const SECRET_ATTRIBUTES: ReadonlySet<string> = new Set([
  "userpassword",
  "unicodepwd",
  "authpassword",
  "sambantpassword",
  "sambalmpassword",
  "userpkcs12",
  "ntpwdhistory",
  "lmpwdhistory",
  "supplementalcredentials",
  "dbcspwd",
]);
const SECRET_NAME =
  /pass(word|wd)|pwd|secret|credential|privatekey|pkcs12|principalkey/;

/** Whether an LDIF attribute (any case, with or without options) is secret. */
export function isSecretAttribute(name: string): boolean {
  const bare = (name.split(";")[0] ?? "").toLowerCase();
  return (
    SECRET_ATTRIBUTES.has(bare) || SECRET_NAME.test(bare.replace(/-/g, ""))
  );
}

const PERSON_CLASSES: ReadonlySet<string> = new Set([
  "person",
  "organizationalperson",
  "inetorgperson",
  "user",
]);

export interface LdifReadOptions {
  encoding?: TextEncodingName;
}

interface Entry {
  row: number;
  attributes: Map<string, string[]>;
  problems: ImportReason[];
}

/**
 * Reads an LDAP or Active Directory export (LDIF) one entry at a time and
 * yields its people as rows: attribute names in lower case, each with its
 * first value, plus `dn` (normalised, so a `manager:` DN matches it).
 * Folded lines are unfolded and base64 values decoded; groups, units,
 * ACL entries and computers are passed over; password attributes are
 * dropped unread. `row` is the line the entry's `dn:` is on.
 */
export async function* readLdifRows(
  source: ByteSource,
  { encoding }: LdifReadOptions = {},
): AsyncGenerator<CsvRow> {
  let entry: Entry | undefined;
  for await (const line of logicalLines(decodeText(source, encoding))) {
    if (line.text === "") {
      if (entry) yield* asRow(entry);
      entry = undefined;
      continue;
    }
    if (line.text.startsWith("#")) continue;
    const attribute = parseAttribute(line.text);
    if (!attribute) {
      if (entry) {
        entry.problems.push({
          field: "",
          message: `line ${line.number} is not an attribute line`,
        });
      }
      continue;
    }
    const { name, value } = attribute;
    if (!entry) {
      if (name === "version") continue;
      if (name !== "dn") continue;
      entry = { row: line.number, attributes: new Map(), problems: [] };
    }
    if (isSecretAttribute(name)) continue;
    if (value.problem) {
      entry.problems.push({ field: name, message: value.problem });
      continue;
    }
    const values = entry.attributes.get(name);
    if (values) values.push(value.text ?? "");
    else entry.attributes.set(name, [value.text ?? ""]);
  }
  if (entry) yield* asRow(entry);
}

function* asRow(entry: Entry): Generator<CsvRow> {
  const classes = (entry.attributes.get("objectclass") ?? []).map((c) =>
    c.toLowerCase(),
  );
  const isPerson =
    classes.some((c) => PERSON_CLASSES.has(c)) && !classes.includes("computer");
  if (!isPerson) return;
  if (entry.problems.length > 0) {
    yield { ok: false, rejected: { row: entry.row, reasons: entry.problems } };
    return;
  }
  const values: Record<string, string> = {};
  for (const [name, all] of entry.attributes) {
    if (name === "objectclass") continue;
    const first = all[0] ?? "";
    values[name] =
      name === "dn" || name === "manager" ? normaliseDn(first) : first;
  }
  yield { ok: true, row: entry.row, values };
}

/**
 * A DN as a stable key: spaces around each RDN dropped and names and
 * values lower-cased, so `uid=KVaughan, ou=People` matches
 * `uid=kvaughan,ou=people`.
 */
export function normaliseDn(dn: string): string {
  return splitDn(dn)
    .map((rdn) => {
      const at = rdn.indexOf("=");
      if (at === -1) return rdn.trim().toLowerCase();
      return `${rdn.slice(0, at).trim().toLowerCase()}=${rdn
        .slice(at + 1)
        .trim()
        .toLowerCase()}`;
    })
    .join(",");
}

function splitDn(dn: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < dn.length; i++) {
    const char = dn[i];
    if (char === "\\" && i + 1 < dn.length) {
      current += char + dn[++i];
    } else if (char === "," || char === ";") {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.filter((p) => p.trim() !== "");
}

interface Value {
  text?: string;
  problem?: string;
}

function parseAttribute(
  line: string,
): { name: string; value: Value } | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:;[^:]*)?:(:|<)?[ ]*(.*)$/.exec(
    line,
  );
  if (!match) return undefined;
  const name = (match[1] ?? "").toLowerCase();
  const kind = match[2];
  const raw = match[3] ?? "";
  if (kind === "<") {
    // A URL value would make the importer fetch a file; it never does.
    return { name, value: { problem: "refers to an outside file" } };
  }
  if (kind !== ":") return { name, value: { text: raw } };
  const bytes = Buffer.from(raw, "base64");
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { name, value: { text } };
  } catch {
    return { name, value: { problem: "holds binary data, not text" } };
  }
}

interface Line {
  number: number;
  text: string;
}

// Joins folded lines (a continuation starts with one space) and numbers
// each logical line by where it starts.
async function* logicalLines(text: AsyncIterable<string>) {
  let pending: Line | undefined;
  let number = 0;
  let carry = "";
  const take = function* (physical: string): Generator<Line> {
    number++;
    if (physical.startsWith(" ") && pending) {
      pending.text += physical.slice(1);
      return;
    }
    if (pending) yield pending;
    pending = { number, text: physical };
  };
  for await (const chunk of text) {
    // A CR at a chunk's end may be half of a CRLF; keep it for the next.
    const all = carry + chunk;
    const tail = all.endsWith("\r") ? "\r" : "";
    const lines = (tail ? all.slice(0, -1) : all).split(/\r\n|\n|\r/);
    carry = (lines.pop() ?? "") + tail;
    for (const physical of lines) yield* take(physical);
  }
  if (carry) yield* take(carry.replace(/\r$/, ""));
  if (pending) yield pending;
}

/**
 * The bytes of an LDIF export, as UTF-8, with every secret attribute's
 * lines (folded continuations too) replaced by a bare `#` comment: what
 * is kept of an upload, so no password is ever stored. Lines keep their
 * numbers, so problems still point at the right line of the original.
 */
export async function* withoutLdifSecrets(
  source: ByteSource,
  { encoding }: LdifReadOptions = {},
): AsyncGenerator<Uint8Array> {
  const utf8 = new TextEncoder();
  let secret = false;
  let carry = "";
  const redact = (physical: string) => {
    if (!physical.startsWith(" ")) {
      const name = /^([^:\s]+):/.exec(physical)?.[1];
      secret = name !== undefined && isSecretAttribute(name);
    }
    return secret ? "#" : physical;
  };
  for await (const chunk of decodeText(source, encoding)) {
    const all = carry + chunk;
    const tail = all.endsWith("\r") ? "\r" : "";
    const lines = (tail ? all.slice(0, -1) : all).split(/\r\n|\n|\r/);
    carry = (lines.pop() ?? "") + tail;
    if (lines.length > 0) {
      yield utf8.encode(`${lines.map(redact).join("\n")}\n`);
    }
  }
  const last = carry.replace(/\r$/, "");
  if (last) yield utf8.encode(`${redact(last)}\n`);
}
