import { foldForSearch, type Phone, phoneDigits } from "@roster/core";

interface Searchable {
  email: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  jobTitle: string | null;
  phones: Phone[];
  skills?: string[];
}

// German spells ä, ö and ü as ae, oe and ue where umlauts are unavailable,
// so Müller is also found as mueller.
const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue" };

function umlautSpelling(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (!/[äöü]/.test(lower)) return undefined;
  return lower.replace(/[äöü]/g, (c) => UMLAUTS[c] ?? c);
}

/** The derived columns the search and the directory order read. */
export function searchFields(e: Searchable) {
  const names = [e.givenName, e.preferredName, e.familyName];
  // The mailbox, not the domain everyone shares, or `example` would match
  // the whole company.
  const mailbox = e.email.slice(0, e.email.lastIndexOf("@"));
  const words = [...names, mailbox, e.jobTitle, ...(e.skills ?? [])];
  for (const name of names) words.push(name && (umlautSpelling(name) ?? null));
  return {
    searchText: foldForSearch(words.filter(Boolean).join(" ")),
    nameKey: foldForSearch(`${e.givenName} ${e.familyName}`),
    sortKey: foldForSearch(`${e.familyName} ${e.givenName}`),
    phoneDigits: e.phones.map((p) => phoneDigits(p.number)).join(" "),
  };
}
