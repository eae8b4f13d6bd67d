// The directory remembers its last search so "Back to the directory" from a
// profile lands on the same results rather than on everyone.

let lastSearch = "";

/** Records the directory's current `?…` search. */
export function rememberDirectorySearch(search: string): void {
  lastSearch = search;
}

/** The search the directory last showed, or "" for everyone. */
export function lastDirectorySearch(): string {
  return lastSearch;
}
