import type { Facets, FacetValue } from "../api/types";
import type { Resource } from "../hooks/use-resource";
import type { DirectoryQuery, FacetName } from "../lib/directory-query";
import { FacetGroup } from "./facet-group";
import { ErrorNotice } from "./states";

interface FilterPanelProps {
  id: string;
  facets: Resource<Facets> & { reload: () => void };
  query: DirectoryQuery;
  /** Labels seen before, for chosen values a search no longer counts. */
  labels: ReadonlyMap<string, string>;
  onToggle: (facet: FacetName, value: string) => void;
}

const GROUPS: { facet: FacetName; legend: string; plural: string }[] = [
  { facet: "department", legend: "Department", plural: "departments" },
  { facet: "location", legend: "Location", plural: "locations" },
  { facet: "title", legend: "Job title", plural: "titles" },
  { facet: "skill", legend: "Skill", plural: "skills" },
];

/** The directory's filters, each value with how many people it would show. */
export function FilterPanel({
  id,
  facets,
  query,
  labels,
  onToggle,
}: FilterPanelProps) {
  return (
    <section id={id} className="filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="filters__title">
        Filters
      </h2>
      {facets.status === "error" && (
        <ErrorNotice
          error={facets.error}
          title="Filters could not load."
          onRetry={facets.reload}
        />
      )}
      {facets.status === "loading" && <FacetSkeleton />}
      {facets.status === "success" &&
        GROUPS.map(({ facet, legend, plural }) => (
          <FacetGroup
            key={facet}
            legend={legend}
            plural={plural}
            values={withChosen(facets.data[facet], query[facet], labels)}
            chosen={query[facet]}
            onToggle={(value) => onToggle(facet, value)}
          />
        ))}
    </section>
  );
}

// A chosen value the counts leave out (none match any more) is still shown,
// checked, with a zero, so it can be unchosen.
function withChosen(
  values: FacetValue[],
  chosen: readonly string[],
  labels: ReadonlyMap<string, string>,
): FacetValue[] {
  const present = new Set(values.map((v) => v.value));
  const missing = chosen
    .filter((value) => !present.has(value))
    .map((value) => ({ value, label: labels.get(value) ?? value, count: 0 }));
  return [...missing, ...values];
}

function FacetSkeleton() {
  return (
    <div className="facet-skeleton" aria-hidden="true">
      {[0, 1, 2].map((group) => (
        <div key={group} className="facet-skeleton__group">
          <span className="skeleton skeleton--heading" />
          <span className="skeleton" />
          <span className="skeleton" />
          <span className="skeleton" />
        </div>
      ))}
    </div>
  );
}
