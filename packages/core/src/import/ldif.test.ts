import { createReadStream, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CsvRow } from "./csv.js";
import {
  isSecretAttribute,
  normaliseDn,
  readLdifRows,
  withoutLdifSecrets,
} from "./ldif.js";

async function rows(text: string, chunk = text.length): Promise<CsvRow[]> {
  const bytes = new TextEncoder().encode(text);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunk) {
    parts.push(bytes.subarray(at, at + chunk));
  }
  const all: CsvRow[] = [];
  for await (const row of readLdifRows(parts)) all.push(row);
  return all;
}

const sample = [
  "version: 1",
  "",
  "# a comment",
  "dn: ou=Groups, dc=example,dc=com",
  "objectclass: organizationalunit",
  "ou: Groups",
  "",
  "dn: uid=scarter, ou=People, dc=example,dc=com",
  "cn: Sam Carter",
  "sn: Carter",
  "givenname: Sam",
  "objectclass: top",
  "objectclass: inetOrgPerson",
  "ou: Accounting",
  "ou: People",
  "mail: scarter@exam",
  " ple.com",
  "userpassword: sprain",
  "userPassword:: c2VjcmV0",
  "title:: w4lxdWlwZSBkZXMgdmVudGVz",
  "manager: uid=DMiller, ou=People, dc=example,dc=com",
  "",
  "dn: cn=Admins, ou=Groups, dc=example,dc=com",
  "objectclass: groupofuniquenames",
  "uniquemember: uid=scarter, ou=People, dc=example,dc=com",
  "",
].join("\r\n");

describe("readLdifRows", () => {
  it("yields people only, unfolded, decoded and without passwords", async () => {
    for (const chunk of [sample.length, 7, 1]) {
      expect(await rows(sample, chunk)).toEqual([
        {
          ok: true,
          row: 8,
          values: {
            dn: "uid=scarter,ou=people,dc=example,dc=com",
            cn: "Sam Carter",
            sn: "Carter",
            givenname: "Sam",
            ou: "Accounting",
            mail: "scarter@example.com",
            title: "Équipe des ventes",
            manager: "uid=dmiller,ou=people,dc=example,dc=com",
          },
        },
      ]);
    }
  });

  it("never lets a password through, whatever its spelling", async () => {
    const text = JSON.stringify(await rows(sample));
    expect(text).not.toContain("sprain");
    expect(text).not.toContain("secret");
    expect(text).not.toContain("c2VjcmV0");
  });

  it("drops directories' own secret attributes too", async () => {
    for (const name of [
      "ms-Mcs-AdmPwd",
      "msLAPS-Password",
      "msLAPS-EncryptedPassword",
      "unixUserPassword",
      "userPassword;binary",
      "sambaNTPassword",
      "msDS-ManagedPassword",
    ]) {
      expect(isSecretAttribute(name), name).toBe(true);
    }
    for (const name of ["mail", "telephoneNumber", "manager", "cn"]) {
      expect(isSecretAttribute(name), name).toBe(false);
    }
    const text = [
      "dn: uid=b,dc=x",
      "objectclass: person",
      "sn: B",
      "ms-Mcs-AdmPwd: LapsCleartextSecret",
      "unixUserPassword: crypt-secret",
      "",
    ].join("\n");
    expect(JSON.stringify(await rows(text))).not.toMatch(/Laps|crypt/);
  });

  it("refuses an entry with a value it will not read", async () => {
    const text = [
      "dn: uid=a,dc=x",
      "objectclass: person",
      "sn: A",
      "jpegphoto:< file:///etc/passwd",
      "description:: /w==",
      "",
    ].join("\n");
    expect(await rows(text)).toEqual([
      {
        ok: false,
        rejected: {
          row: 1,
          reasons: [
            { field: "jpegphoto", message: "refers to an outside file" },
            { field: "description", message: "holds binary data, not text" },
          ],
        },
      },
    ]);
  });
});

describe("withoutLdifSecrets", () => {
  async function redacted(text: string, chunk: number) {
    const bytes = new TextEncoder().encode(text);
    const parts: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += chunk) {
      parts.push(bytes.subarray(at, at + chunk));
    }
    const out: Uint8Array[] = [];
    for await (const part of withoutLdifSecrets(parts)) out.push(part);
    return Buffer.concat(out).toString("utf8");
  }

  it("keeps everything but the secrets, line for line", async () => {
    const folded = sample.replace(
      "userpassword: sprain",
      "userpassword: spr\r\n ain-folded",
    );
    for (const chunk of [folded.length, 5, 1]) {
      const text = await redacted(folded, chunk);
      expect(text).not.toMatch(/sprain|spr|ain-folded|c2VjcmV0/);
      expect(text.split("\n")).toHaveLength(folded.split("\r\n").length);
      expect(await rows(text)).toEqual(await rows(sample));
    }
  });
});

// The shared datasets sit beside the repository, never inside it.
const DATASET = "shared/datasets/ldap/Example.ldif";
const file = fileURLToPath(
  new URL(`../../../../../${DATASET}`, import.meta.url),
);
const missing = !existsSync(file);
const skipped = missing
  ? ` (skipped: ../${DATASET}, beside the repository, is not there)`
  : "";

describe.skipIf(missing)(`reading the sample directory${skipped}`, () => {
  it("finds 150 people, each manager one of them", async () => {
    const all: CsvRow[] = [];
    for await (const row of readLdifRows(createReadStream(file))) {
      all.push(row);
    }
    const people = all.flatMap((r) => (r.ok ? [r.values] : []));
    expect(people).toHaveLength(150);
    expect(all.every((r) => r.ok)).toBe(true);
    const dns = new Set(people.map((p) => p.dn));
    const managers = people.flatMap((p) => (p.manager ? [p.manager] : []));
    expect(managers).toHaveLength(149);
    expect(managers.every((m) => dns.has(m))).toBe(true);
    expect(JSON.stringify(people)).not.toMatch(/userpassword/i);
  });

  it("keeps no password of it in what is stored", async () => {
    const kept: Uint8Array[] = [];
    for await (const part of withoutLdifSecrets(createReadStream(file))) {
      kept.push(part);
    }
    const text = Buffer.concat(kept).toString("utf8");
    // The attribute's name still appears in access rules; no value does.
    expect(text).not.toMatch(/^userpassword|sprain|irrefutable/im);
    let again = 0;
    for await (const row of readLdifRows([new TextEncoder().encode(text)])) {
      if (row.ok) again++;
    }
    expect(again).toBe(150);
  });
});

describe("normaliseDn", () => {
  it("ignores case and the spaces between parts", () => {
    expect(normaliseDn("UID=KVaughan, ou=People,  dc=example,dc=com")).toBe(
      "uid=kvaughan,ou=people,dc=example,dc=com",
    );
    expect(normaliseDn("cn=Smith\\, Ann,dc=x")).toBe("cn=smith\\, ann,dc=x");
  });
});
