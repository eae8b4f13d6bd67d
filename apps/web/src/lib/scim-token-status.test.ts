import { describe, expect, it } from "vitest";
import type { ScimToken } from "../api/scim-tokens";
import { scimTokenStatus, sortScimTokens } from "./scim-token-status";

const token = (over: Partial<ScimToken>): ScimToken => ({
  id: "t",
  name: "Okta",
  createdBy: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});
const day = (iso: string) => iso.slice(0, 10);

describe("scimTokenStatus", () => {
  it.each<[Partial<ScimToken>, string]>([
    [{}, "Not used yet"],
    [{ lastUsedAt: "2026-02-03T10:00:00.000Z" }, "Last used 2026-02-03"],
    [
      {
        lastUsedAt: "2026-02-03T10:00:00.000Z",
        revokedAt: "2026-03-04T10:00:00.000Z",
      },
      "Revoked 2026-03-04",
    ],
  ])("describes %j as %s", (over, expected) => {
    expect(scimTokenStatus(token(over), day)).toBe(expected);
  });
});

describe("sortScimTokens", () => {
  it("lists live tokens first, newest first", () => {
    const sorted = sortScimTokens([
      token({ id: "old", createdAt: "2026-01-01T00:00:00.000Z" }),
      token({
        id: "revoked",
        createdAt: "2026-05-01T00:00:00.000Z",
        revokedAt: "2026-05-02T00:00:00.000Z",
      }),
      token({ id: "new", createdAt: "2026-04-01T00:00:00.000Z" }),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(["new", "old", "revoked"]);
  });
});
