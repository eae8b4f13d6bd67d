import { describe, expect, it } from "vitest";
import {
  clearFilters,
  countFilters,
  directoryQueryToSearch,
  emptyQuery,
  parseDirectoryQuery,
  toggleFilter,
} from "./directory-query";

describe("parseDirectoryQuery", () => {
  it("reads the text and repeated filters", () => {
    const query = parseDirectoryQuery(
      "?q=%20king%20&department=d1&department=d2&skill=Go&title=Programmer",
    );
    expect(query).toEqual({
      q: "king",
      department: ["d1", "d2"],
      location: [],
      title: ["Programmer"],
      skill: ["Go"],
    });
  });

  it("drops empty and repeated values", () => {
    const query = parseDirectoryQuery("?location=&location=l1&location=l1");
    expect(query.location).toEqual(["l1"]);
  });

  it("gives an empty query for an empty search", () => {
    expect(parseDirectoryQuery("")).toEqual(emptyQuery());
  });
});

describe("directoryQueryToSearch", () => {
  it("writes nothing for an empty query", () => {
    expect(directoryQueryToSearch(emptyQuery())).toBe("");
    expect(directoryQueryToSearch({ ...emptyQuery(), q: "   " })).toBe("");
  });

  it("round-trips through the URL, including awkward text", () => {
    const query = {
      ...emptyQuery(),
      q: "O'Brien & <Søren> 100%",
      title: ["Sales Rep, EMEA"],
      skill: ["C++", "Go"],
    };
    expect(parseDirectoryQuery(directoryQueryToSearch(query))).toEqual(query);
  });
});

describe("filters", () => {
  it("toggles a value on and off without touching the others", () => {
    const start = { ...emptyQuery(), skill: ["Go"] };
    const added = toggleFilter(start, "skill", "SQL");
    expect(added.skill).toEqual(["Go", "SQL"]);
    expect(toggleFilter(added, "skill", "Go").skill).toEqual(["SQL"]);
    expect(start.skill).toEqual(["Go"]);
  });

  it("counts and clears filters but keeps the text", () => {
    const query = {
      ...emptyQuery(),
      q: "ki",
      department: ["d1"],
      location: ["l1", "l2"],
    };
    expect(countFilters(query)).toBe(3);
    expect(clearFilters(query)).toEqual({ ...emptyQuery(), q: "ki" });
  });
});
