import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { getFacets } from "../api/employees";
import { FilterPanel } from "../components/filter-panel";
import { FilterIcon, PlusIcon } from "../components/icons";
import { useDirectoryResults } from "../hooks/use-directory-results";
import { useDocumentTitle } from "../hooks/use-document-title";
import { useResource } from "../hooks/use-resource";
import {
  clearFilters,
  countFilters,
  type DirectoryQuery,
  directoryQueryToSearch,
  type FacetName,
  parseDirectoryQuery,
  toggleFilter,
} from "../lib/directory-query";
import { rememberDirectorySearch } from "../lib/last-search";
import { canCreate } from "../lib/permissions";
import { isDirectoryEvent, useLiveRefresh } from "../realtime/use-live-refresh";
import { Link, navigate, useLocation } from "../router";
import { paths } from "../routes";
import { useMe } from "../session";
import { ActiveFilters } from "./directory/active-filters";
import { ResultList } from "./directory/result-list";
import { SearchBox } from "./directory/search-box";

const DEBOUNCE_MS = 200;

/** The directory: search as you type, filter, and browse people. */
export function DirectoryPage() {
  useDocumentTitle("Directory");
  const me = useMe();
  const { search } = useLocation();
  const query = useMemo(() => parseDirectoryQuery(search), [search]);
  const key = directoryQueryToSearch(query);
  useEffect(() => rememberDirectorySearch(key), [key]);

  const [draft, setDraft] = useState(query.q);
  const written = useRef(query.q);
  const queryRef = useRef(query);
  queryRef.current = query;

  const go = useCallback((next: DirectoryQuery, replace = false) => {
    written.current = next.q.trim();
    navigate(paths.directory(directoryQueryToSearch(next)), { replace });
  }, []);

  // Back and Forward change the URL under the box: show what it now says.
  useEffect(() => {
    if (query.q !== written.current) {
      written.current = query.q;
      setDraft(query.q);
    }
  }, [query.q]);

  useEffect(() => {
    if (draft.trim() === queryRef.current.q) return;
    const timer = setTimeout(
      () => go({ ...queryRef.current, q: draft }, true),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [draft, go]);

  const results = useDirectoryResults(query);
  const facets = useResource((signal) => getFacets(query, signal), [key]);
  // Someone else's change: the list and the counts follow it in place.
  useLiveRefresh(() => {
    results.refresh();
    facets.refresh();
  }, isDirectoryEvent);
  const labels = useRef(new Map<string, string>());
  if (facets.status === "success") {
    for (const values of Object.values(facets.data)) {
      for (const v of values) labels.current.set(v.value, v.label);
    }
  }

  const toggle = (facet: FacetName, value: string) =>
    go(toggleFilter({ ...query, q: draft }, facet, value));
  const clear = () => go(clearFilters({ ...query, q: draft }));

  const filterCount = countFilters(query);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();

  return (
    <div className="directory-page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Directory</h1>
          <p className="page-subtitle">
            Find colleagues by name, title, team, skill or phone number.
          </p>
        </div>
        {canCreate(me) && (
          <Link to={paths.create()} className="button button--primary">
            <PlusIcon /> Add person
          </Link>
        )}
      </div>

      <SearchBox
        value={draft}
        onChange={setDraft}
        onSubmit={() => go({ ...query, q: draft }, true)}
      />

      <div className="directory">
        <button
          type="button"
          className="button filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls={panelId}
          onClick={() => setFiltersOpen((o) => !o)}
        >
          <FilterIcon /> Filters
          {filterCount > 0 && <span className="badge">{filterCount}</span>}
        </button>
        <div className="directory__filters" data-open={filtersOpen}>
          <FilterPanel
            id={panelId}
            facets={facets}
            query={query}
            labels={labels.current}
            onToggle={toggle}
          />
        </div>
        <section className="results" aria-labelledby="results-title">
          <h2 id="results-title" className="visually-hidden">
            Results
          </h2>
          <ActiveFilters
            query={query}
            labels={labels.current}
            onRemove={toggle}
            onClear={clear}
          />
          <ResultList
            results={results}
            onClear={filterCount > 0 ? clear : undefined}
          />
        </section>
      </div>
    </div>
  );
}
