import { ColumnMapping, oracleHrMapping } from "./mapping.js";

/**
 * The org-chart sample export: one full-name column, ids like `O-6066`
 * and no email, so addresses are made from the id at the company domain.
 * Its avatar and profile URLs point outside and stay unmapped.
 */
export const orgChartMapping: ColumnMapping = ColumnMapping.parse({
  columns: {
    externalId: "id",
    managerExternalId: "parentId",
    fullName: "name",
    jobTitle: "positionName",
    departmentName: "area",
    locationExternalId: "office",
    locationName: "office",
  },
  emails: "externalId",
});

/**
 * LDAP and Active Directory exports, as `readLdifRows` yields them: the
 * entry's DN is its id and `manager:` names the manager's DN.
 */
export const ldapMapping: ColumnMapping = ColumnMapping.parse({
  columns: {
    externalId: "dn",
    managerExternalId: "manager",
    email: "mail",
    givenName: "givenname",
    familyName: "sn",
    jobTitle: "title",
    workPhone: "telephonenumber",
    departmentName: "ou",
    locationExternalId: "l",
    locationName: "l",
  },
});

/** A named mapping the UI offers for a kind of export. */
export interface MappingPreset {
  name: "oracle-hr" | "org-chart" | "ldap" | "guessed";
  mapping: ColumnMapping;
}

const PRESETS: readonly MappingPreset[] = [
  { name: "oracle-hr", mapping: oracleHrMapping },
  { name: "org-chart", mapping: orgChartMapping },
  { name: "ldap", mapping: ldapMapping },
];

// Header spellings other HR systems use, compared with case, spaces and
// punctuation removed.
const SYNONYMS: Record<string, readonly string[]> = {
  externalId: [
    "employeeid",
    "employeenumber",
    "workerid",
    "personid",
    "id",
    "dn",
  ],
  managerExternalId: [
    "managerid",
    "manageremployeeid",
    "reportsto",
    "supervisorid",
    "parentid",
    "manager",
  ],
  email: ["workemail", "email", "emailaddress", "mail", "businessemail"],
  givenName: ["firstname", "givenname", "forename"],
  familyName: ["lastname", "familyname", "surname", "sn"],
  preferredName: ["preferredname", "nickname", "knownas"],
  jobTitle: ["jobtitle", "title", "position", "positionname", "role"],
  workPhone: ["workphone", "phone", "phonenumber", "telephone"],
  startDate: ["startdate", "hiredate", "dateofhire"],
  departmentName: ["department", "departmentname", "team", "division"],
};

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The mapping to start a user from: a known export layout when the
 * header has all its columns, else one guessed from common header names,
 * or undefined when even the required columns cannot be guessed. The
 * user sees it in the preview and may change it.
 */
export function suggestMapping(
  header: readonly string[],
): MappingPreset | undefined {
  const present = new Set(header);
  for (const preset of PRESETS) {
    const columns = preset.mapping.columns as Record<
      string,
      string | undefined
    >;
    // A layout is recognised by its identifying columns; the others it
    // may lack (an LDAP export without titles) are simply not imported.
    const has = (f: string) => {
      const column = columns[f];
      return column !== undefined && present.has(column);
    };
    const named = has("fullName") || (has("givenName") && has("familyName"));
    if (!has("externalId") || !named) continue;
    const kept = Object.fromEntries(
      Object.entries(columns).filter(([, c]) => c && present.has(c)),
    );
    const parsed = ColumnMapping.safeParse({
      ...preset.mapping,
      columns: kept,
    });
    if (parsed.success) return { name: preset.name, mapping: parsed.data };
  }
  const bySquash = new Map(header.map((name) => [squash(name), name]));
  const columns: Record<string, string> = {};
  const taken = new Set<string>();
  for (const [field, spellings] of Object.entries(SYNONYMS)) {
    const name = spellings.map((s) => bySquash.get(s)).find(Boolean);
    if (name && !taken.has(name)) {
      columns[field] = name;
      taken.add(name);
    }
  }
  const parsed = ColumnMapping.safeParse({ columns });
  return parsed.success ? { name: "guessed", mapping: parsed.data } : undefined;
}
