import { describe, expect, it } from "vitest";
import { matchRoute, paths } from "../../routes";

describe("the SCIM tokens page's address", () => {
  it.each(["/admin/scim-tokens", "/admin/scim-tokens/"])(
    "shows the page at %s",
    (path) => {
      expect(matchRoute(path)).toEqual({ page: "scim-tokens" });
    },
  );

  it("links to where it is found", () => {
    expect(matchRoute(paths.scimTokens())).toEqual({ page: "scim-tokens" });
    expect(matchRoute("/admin/scim-tokens/x")).toEqual({ page: "not-found" });
  });
});
