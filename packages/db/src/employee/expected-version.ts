import { VersionMismatchError } from "@roster/core";

/** Refuses a change made against a version other than the stored one. */
export function assertVersion(
  id: string,
  expected: number | undefined,
  actual: number,
): void {
  if (expected !== undefined && expected !== actual) {
    throw new VersionMismatchError("employee", id, expected, actual);
  }
}
