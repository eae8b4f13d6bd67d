import { foldForSearch, type Phone, phoneDigits } from "@roster/core";

interface Searchable {
  email: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  jobTitle: string | null;
  phones: Phone[];
}

/** The derived columns the search and the directory order read. */
export function searchFields(e: Searchable) {
  const words = [e.givenName, e.preferredName, e.familyName, e.email];
  if (e.jobTitle) words.push(e.jobTitle);
  return {
    searchText: foldForSearch(words.filter(Boolean).join(" ")),
    nameKey: foldForSearch(`${e.givenName} ${e.familyName}`),
    sortKey: foldForSearch(`${e.familyName} ${e.givenName}`),
    phoneDigits: e.phones.map((p) => phoneDigits(p.number)).join(" "),
  };
}
