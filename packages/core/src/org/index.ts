import { ValidationError } from "../errors/index.js";

/**
 * Refuses a manager for `employeeId` when `managerChain` (the proposed
 * manager followed by that manager's own chain upwards) leads back to them.
 */
export function assertNoReportingCycle(
  employeeId: string,
  managerId: string,
  managerChain: readonly string[],
): void {
  if (managerId === employeeId) {
    throw new ValidationError([
      { path: "managerId", message: "a person cannot be their own manager" },
    ]);
  }
  if (managerChain.includes(employeeId)) {
    throw new ValidationError([
      {
        path: "managerId",
        message:
          "would create a reporting cycle: this manager already reports, " +
          "directly or indirectly, to this person",
      },
    ]);
  }
}

/**
 * Finds every reporting cycle in a set of manager links (person → manager),
 * each as the list of people that form it, in link order.
 */
export function findReportingCycles(
  links: ReadonlyMap<string, string | null>,
): string[][] {
  const state = new Map<string, "visiting" | "done">();
  const cycles: string[][] = [];
  for (const start of links.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let node: string | null | undefined = start;
    while (node != null && links.has(node) && !state.has(node)) {
      state.set(node, "visiting");
      path.push(node);
      node = links.get(node);
    }
    if (node != null && state.get(node) === "visiting") {
      cycles.push(path.slice(path.indexOf(node)));
    }
    for (const p of path) state.set(p, "done");
  }
  return cycles;
}
