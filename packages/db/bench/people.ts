import { foldForSearch, type Phone } from "@roster/core";
import type { departments } from "../src/department/table.js";
import { searchFields } from "../src/employee/search-fields.js";
import type { employees } from "../src/employee/table.js";
import type { locations } from "../src/location/table.js";
import { LATIN_LOCALES, type Locale, type Name, parseNames } from "./names.js";
import {
  DEPARTMENTS,
  jobTitle,
  NICKNAMES,
  OFFICES,
  SKILLS,
  WORK_NAMES,
} from "./organisation.js";
import { createRandom, type Random } from "./random.js";
import { OTHER_SCRIPT_LOCALES } from "./scripts.js";

export type DepartmentRow = typeof departments.$inferInsert;
export type LocationRow = typeof locations.$inferInsert;
export type EmployeeInsert = typeof employees.$inferInsert;

/** A whole generated company, ready to insert. */
export interface Company {
  departments: DepartmentRow[];
  locations: LocationRow[];
  employees: EmployeeInsert[];
}

// Each manager has this many direct reports, so the tree is a few levels
// deep as in a real organisation.
const SPAN_OF_CONTROL = 7;

interface ParsedLocale {
  weight: number;
  latin: boolean;
  given: Name[];
  family: Name[];
}

const LOCALES: readonly ParsedLocale[] = [
  ...LATIN_LOCALES.map((l) => parseLocale(l, true)),
  ...OTHER_SCRIPT_LOCALES.map((l) => parseLocale(l, false)),
];

function parseLocale(locale: Locale, latin: boolean): ParsedLocale {
  return {
    weight: locale.weight,
    latin,
    given: parseNames(locale.given),
    family: parseNames(locale.family),
  };
}

const TOTAL_WEIGHT = LOCALES.reduce((sum, l) => sum + l.weight, 0);

function pickLocale(random: Random): ParsedLocale {
  let point = random.next() * TOTAL_WEIGHT;
  for (const locale of LOCALES) {
    point -= locale.weight;
    if (point < 0) return locale;
  }
  return LOCALES[0] as ParsedLocale;
}

function mailbox(name: Name): string {
  const ascii = name.romanised ?? foldForSearch(name.native);
  return ascii.replace(/[^a-z0-9-]/g, "");
}

function phoneNumber(random: Random, pattern: string): string {
  return pattern.replace(/#/g, () => String(random.int(10)));
}

function preferredName(random: Random, given: Name, latin: boolean) {
  const nicknames = NICKNAMES[given.native];
  if (nicknames && random.chance(0.4)) return random.pick(nicknames);
  if (!latin && random.chance(0.2)) return random.pick(WORK_NAMES);
  return null;
}

function startDate(random: Random): string {
  const year = 2005 + random.int(20);
  const month = String(1 + random.int(12)).padStart(2, "0");
  const day = String(1 + random.int(28)).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

function skills(random: Random): string[] {
  const chosen = new Set<string>();
  const count = random.int(6);
  for (let i = 0; i < count; i++) chosen.add(random.pick(SKILLS));
  return [...chosen];
}

/** Generates `count` people, the same ones for the same seed. */
export function generateCompany(count: number, seed: number): Company {
  const random = createRandom(seed);
  const departmentRows = DEPARTMENTS.map((name) => ({
    id: random.uuid(),
    name,
    nameKey: foldForSearch(name),
  }));
  const offices = OFFICES.map((office) => ({ id: random.uuid(), office }));
  const taken = new Map<string, number>();
  const people: EmployeeInsert[] = [];
  for (let i = 0; i < count; i++) {
    const locale = pickLocale(random);
    const given = random.pick(locale.given);
    const family = random.pick(locale.family);
    const { id: locationId, office } = random.pick(offices);
    const local = `${mailbox(given)}.${mailbox(family)}`;
    const seen = (taken.get(local) ?? 0) + 1;
    taken.set(local, seen);
    const phones: Phone[] = [
      { kind: "work", number: phoneNumber(random, office.phone) },
    ];
    if (random.chance(0.4)) {
      phones.push({
        kind: "mobile",
        number: phoneNumber(random, office.phone),
      });
    }
    const fields = {
      email: `${local}${seen > 1 ? seen : ""}@example.com`,
      givenName: given.native,
      familyName: family.native,
      preferredName: preferredName(random, given, locale.latin),
      jobTitle: jobTitle(random.pick, random.chance(0.5)),
      phones,
    };
    const manager =
      i > 0 ? people[Math.floor((i - 1) / SPAN_OF_CONTROL)] : null;
    people.push({
      id: random.uuid(),
      ...fields,
      ...searchFields(fields),
      pronouns: random.pick(["she/her", "he/him", "they/them", null, null]),
      departmentId: random.pick(departmentRows).id,
      locationId,
      managerId: manager?.id ?? null,
      startDate: startDate(random),
      skills: skills(random),
      role: random.chance(0.01) ? "hr" : "employee",
    });
  }
  const places = offices.map(({ id, office }) => ({
    id,
    name: office.name,
    nameKey: foldForSearch(office.name),
    city: office.city,
    countryCode: office.countryCode,
    timeZone: office.timeZone,
  }));
  return {
    departments: departmentRows,
    locations: places,
    employees: people,
  };
}
