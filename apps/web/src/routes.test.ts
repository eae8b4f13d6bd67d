import { describe, expect, it } from "vitest";
import { matchRoute, paths } from "./routes";

describe("matchRoute", () => {
  it("knows every page", () => {
    expect(matchRoute("/")).toEqual({ page: "directory" });
    expect(matchRoute("/people/new")).toEqual({ page: "new" });
    expect(matchRoute("/people/abc")).toEqual({ page: "profile", id: "abc" });
    expect(matchRoute("/people/abc/edit/")).toEqual({
      page: "edit",
      id: "abc",
    });
  });

  it("sends anything else to not-found", () => {
    expect(matchRoute("/people")).toEqual({ page: "not-found" });
    expect(matchRoute("/people/a/b")).toEqual({ page: "not-found" });
    expect(matchRoute("/people/%E0%A4%A")).toEqual({ page: "not-found" });
  });

  it("reads back the paths it builds", () => {
    const id = "a b/c";
    expect(matchRoute(paths.profile(id))).toEqual({ page: "profile", id });
    expect(matchRoute(paths.edit(id))).toEqual({ page: "edit", id });
  });
});
