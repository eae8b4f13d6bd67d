/**
 * Adds a page of results to a list, skipping anyone already in it: a person
 * edited between two pages can otherwise show up twice.
 */
export function appendPage<T extends { id: string }>(
  items: readonly T[],
  page: readonly T[],
): T[] {
  const seen = new Set(items.map((p) => p.id));
  const added: T[] = [];
  for (const item of page) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    added.push(item);
  }
  return [...items, ...added];
}
