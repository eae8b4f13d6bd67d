import { describe, expect, it } from "vitest";
import {
  assertCanDeactivateEmployee,
  assertCanManageScimTokens,
} from "./deactivation.js";
import type { Actor } from "./index.js";

const as = (role: Actor["role"]): Actor => ({ id: "me", role });

describe("deactivation and SCIM token rules", () => {
  it.each<[Actor["role"], string, boolean]>([
    ["admin", "other", true],
    ["hr", "other", true],
    ["employee", "other", false],
    ["admin", "me", false],
    ["hr", "me", false],
  ])("%s deactivating %s is allowed: %s", (role, target, allowed) => {
    const run = () => assertCanDeactivateEmployee(as(role), target);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(/deactivate/);
  });

  it.each<[Actor["role"], boolean]>([
    ["admin", true],
    ["hr", false],
    ["employee", false],
  ])("%s managing SCIM tokens is allowed: %s", (role, allowed) => {
    const run = () => assertCanManageScimTokens(as(role));
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(/Only admins/);
  });
});
