/** The pages Roster has, as read from a URL path. */
export type Route =
  | { page: "directory" }
  | { page: "profile"; id: string }
  | { page: "edit"; id: string }
  | { page: "new" }
  | { page: "sign-in" }
  | { page: "scim-tokens" }
  | { page: "import" }
  | { page: "not-found" };

/** Which page a path shows; unknown paths are "not-found". */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { page: "directory" };
  if (path === "/people/new") return { page: "new" };
  if (path === "/sign-in") return { page: "sign-in" };
  if (path === "/admin/scim-tokens") return { page: "scim-tokens" };
  if (path === "/import") return { page: "import" };
  const match = /^\/people\/([^/]+)(\/edit)?$/.exec(path);
  const raw = match?.[1];
  if (raw === undefined) return { page: "not-found" };
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return { page: "not-found" };
  }
  return match?.[2] ? { page: "edit", id } : { page: "profile", id };
}

/** Paths for links, so no page spells a URL by hand. */
export const paths = {
  directory: (search = "") => `/${search}`,
  profile: (id: string) => `/people/${encodeURIComponent(id)}`,
  edit: (id: string) => `/people/${encodeURIComponent(id)}/edit`,
  create: () => "/people/new",
  scimTokens: () => "/admin/scim-tokens",
  importPeople: () => "/import",
};
