import { findReportingCycles } from "../org/index.js";

/** Person → manager (null for none), by the directory's own ids. */
export type ReportingLines = ReadonlyMap<string, string | null>;

/** A manager link an import may not make, and the people it would loop. */
export interface RefusedLink {
  id: string;
  cycle: string[];
}

export interface ReportingLinePlan {
  /** Links to write, managers before their reports. */
  changes: [id: string, managerId: string | null][];
  refused: RefusedLink[];
}

/**
 * Decides which of an import's manager links to write over `stored`. A
 * link that would close a reporting cycle is refused, the one from the
 * latest row of each cycle, and that person keeps their stored manager.
 */
export function planReportingLines(
  stored: ReportingLines,
  wanted: ReportingLines,
  rowOf: ReadonlyMap<string, number>,
): ReportingLinePlan {
  const final = new Map(stored);
  for (const [id, managerId] of wanted) final.set(id, managerId);
  const changed = (id: string) =>
    wanted.has(id) && final.get(id) !== (stored.get(id) ?? null);
  const refused: RefusedLink[] = [];
  for (;;) {
    // Each round reverts one changed link per cycle, so it ends; a cycle
    // with no changed link was stored that way and is not the import's.
    const fixable = findReportingCycles(final).filter((c) => c.some(changed));
    if (fixable.length === 0) break;
    for (const cycle of fixable) {
      const latest = cycle
        .filter(changed)
        .reduce((a, b) => ((rowOf.get(b) ?? 0) > (rowOf.get(a) ?? 0) ? b : a));
      final.set(latest, stored.get(latest) ?? null);
      refused.push({ id: latest, cycle });
    }
  }
  const changes = [...wanted.keys()]
    .filter(changed)
    .map((id) => [id, final.get(id) ?? null] as [string, string | null]);
  const depth = depthIn(final);
  changes.sort(([a], [b]) => depth(a) - depth(b));
  return { changes, refused };
}

// Writing links in order of their final depth keeps the stored graph
// acyclic after every write, so batches can commit one at a time.
function depthIn(lines: ReportingLines): (id: string) => number {
  const known = new Map<string, number>();
  return (start) => {
    const path: string[] = [];
    let node: string | null | undefined = start;
    while (node != null && !known.has(node) && !path.includes(node)) {
      path.push(node);
      node = lines.get(node);
    }
    // A stored cycle has no depth; its members count as roots.
    let depth = node != null && known.has(node) ? (known.get(node) ?? 0) : -1;
    for (const id of path.reverse()) known.set(id, ++depth);
    return known.get(start) ?? 0;
  };
}
