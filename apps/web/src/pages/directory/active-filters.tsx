import { useRef } from "react";
import { CloseIcon } from "../../components/icons";
import {
  countFilters,
  type DirectoryQuery,
  FACET_NAMES,
  type FacetName,
} from "../../lib/directory-query";

interface ActiveFiltersProps {
  query: DirectoryQuery;
  labels: ReadonlyMap<string, string>;
  onRemove: (facet: FacetName, value: string) => void;
  onClear: () => void;
}

/** The chosen filters as chips, each removable, plus "Clear all". */
export function ActiveFilters({
  query,
  labels,
  onRemove,
  onClear,
}: ActiveFiltersProps) {
  const listRef = useRef<HTMLUListElement>(null);
  if (countFilters(query) === 0) return null;

  // The removed chip had focus; hand it to a neighbour, or to the results.
  function remove(facet: FacetName, value: string) {
    onRemove(facet, value);
    requestAnimationFrame(() => {
      const chip = listRef.current?.querySelector("button");
      (chip ?? document.getElementById("results-count"))?.focus();
    });
  }

  return (
    <div className="active-filters">
      <ul
        ref={listRef}
        className="active-filters__list"
        aria-label="Chosen filters"
      >
        {FACET_NAMES.flatMap((facet) =>
          query[facet].map((value) => {
            const label = labels.get(value) ?? value;
            return (
              <li key={`${facet}:${value}`}>
                <button
                  type="button"
                  className="chip"
                  aria-label={`Remove filter ${label}`}
                  onClick={() => remove(facet, value)}
                >
                  <span>{label}</span>
                  <CloseIcon />
                </button>
              </li>
            );
          }),
        )}
      </ul>
      <button type="button" className="link-button" onClick={onClear}>
        Clear all filters
      </button>
    </div>
  );
}
