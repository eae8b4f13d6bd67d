import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { employeeVCard, type VCardPerson } from "./card.js";
import { escapeText, foldLine } from "./text.js";

const octets = (line: string) => Buffer.byteLength(line, "utf8");

function person(overrides: Partial<VCardPerson> = {}): VCardPerson {
  return {
    id: "6f1c1f0e-3c1e-4c55-9a55-0f6a3b8e2a10",
    email: "zoe@example.com",
    givenName: "Zoë",
    familyName: "D'Arcy; Smith, Jr.",
    preferredName: null,
    displayName: "Zoë D'Arcy; Smith, Jr.",
    jobTitle: "Head of R&D\\Ops",
    department: { id: "2b8c1f0e-3c1e-4c55-9a55-0f6a3b8e2a10", name: "R&D" },
    location: null,
    phones: [{ kind: "mobile", number: "+44 20 7946 0958", digits: "" }],
    bio: "Line one\nLine two",
    personalPhone: null,
    birthday: null,
    updatedAt: "2026-12-04T17:00:00.123Z",
    ...overrides,
  };
}

/** Undoes folding, then splits into logical lines. */
function unfold(card: string): string[] {
  return card.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
}

describe("escapeText", () => {
  it("escapes backslash, comma, semicolon and line breaks", () => {
    expect(escapeText("a\\b,c;d\r\ne\nf\rg")).toBe(
      "a\\\\b\\,c\\;d\\ne\\nf\\ng",
    );
  });

  it("drops control characters a vCard cannot carry", () => {
    expect(escapeText("a\u0000b\u0007c\td\u007f")).toBe("abc\td");
  });
});

describe("foldLine", () => {
  it("keeps every physical line within 75 octets", () => {
    const folded = foldLine(`NOTE:${"x".repeat(300)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBe(5);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(`NOTE:${"x".repeat(300)}`);
  });

  it("never splits a multi-byte character or a surrogate pair", () => {
    const value = `FN:${"é".repeat(40)}${"😀".repeat(30)}${"中".repeat(30)}`;
    const lines = foldLine(value).split("\r\n");
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A split sequence would not survive a UTF-8 round trip.
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
    }
    expect(lines.join("\r\n").replace(/\r\n /g, "")).toBe(value);
  });

  it("leaves a short line alone", () => {
    expect(foldLine("VERSION:4.0")).toBe("VERSION:4.0");
  });
});

describe("employeeVCard", () => {
  it("writes a vCard 4.0 with escaped structured values", () => {
    const lines = unfold(
      employeeVCard(person(), {
        photoUrl: "https://roster.example.com/api/photos/a/b/256.jpeg",
      }),
    );
    expect(lines[0]).toBe("BEGIN:VCARD");
    expect(lines[1]).toBe("VERSION:4.0");
    expect(lines).toContain("FN:Zoë D'Arcy\\; Smith\\, Jr.");
    expect(lines).toContain("N:D'Arcy\\; Smith\\, Jr.;Zoë;;;");
    expect(lines).toContain("TITLE:Head of R&D\\\\Ops");
    expect(lines).toContain("ORG:;R&D");
    expect(lines).toContain("TEL;VALUE=text;TYPE=cell:+44 20 7946 0958");
    expect(lines).toContain("NOTE:Line one\\nLine two");
    expect(lines).toContain("REV:20261204T170000Z");
    expect(lines).toContain(
      "PHOTO;MEDIATYPE=image/jpeg:https://roster.example.com/api/photos/a/b/256.jpeg",
    );
    expect(lines.at(-1)).toBe("END:VCARD");
  });

  it("ends every line with CRLF and never exceeds 75 octets", () => {
    const card = employeeVCard(person({ bio: "🎉 ".repeat(200) }));
    expect(card.endsWith("\r\n")).toBe(true);
    expect(card.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of card.split("\r\n")) {
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
  });
});

const blns = join(
  import.meta.dirname,
  "../../../../../shared/datasets/naughty-strings/blns.txt",
);
const naughty = (() => {
  try {
    return readFileSync(blns, "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"));
  } catch {
    return [];
  }
})();

describe.skipIf(naughty.length === 0)(
  "employeeVCard on naughty strings",
  () => {
    it("keeps every card well-formed and every name intact", () => {
      for (const text of naughty) {
        const card = employeeVCard(
          person({ displayName: text, familyName: text, bio: text }),
        );
        const lines = card.split("\r\n");
        for (const line of lines) {
          expect(octets(line), text).toBeLessThanOrEqual(75);
        }
        const logical = unfold(card);
        expect(logical.filter((l) => l.startsWith("BEGIN:")).length).toBe(1);
        expect(logical.filter((l) => l.startsWith("END:")).length).toBe(1);
        const fn = logical.find((l) => l.startsWith("FN:")) ?? "";
        expect(readEscaped(fn.slice(3)), text).toBe(dropControls(text));
      }
    });
  },
);

/** Reads an escaped text value back, as a vCard parser would. */
function readEscaped(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) =>
    c === "n" || c === "N" ? "\n" : c,
  );
}

function dropControls(text: string): string {
  return text.replace(/\r\n|\r/g, "\n").replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: on purpose
    /[\u0000-\u0008\u000b-\u001f\u007f]/g,
    "",
  );
}

describe("private fields in a card", () => {
  it("writes the personal phone and a yearless birthday when given", () => {
    const lines = unfold(
      employeeVCard(
        person({ personalPhone: "+1 555 0100", birthday: "02-29" }),
      ),
    );
    expect(lines).toContain("TEL;VALUE=text;TYPE=home:+1 555 0100");
    expect(lines).toContain("BDAY:--0229");
  });

  it("leaves them out when the reader may not see them", () => {
    const card = employeeVCard(person());
    expect(card).not.toContain("TYPE=home");
    expect(card).not.toContain("BDAY");
  });
});
