import { useEffect, useRef } from "react";
import { PersonCard } from "../../components/person-card";
import { EmptyState, ErrorNotice } from "../../components/states";
import type { useDirectoryResults } from "../../hooks/use-directory-results";
import { describeCount } from "../../lib/result-count";

interface ResultListProps {
  results: ReturnType<typeof useDirectoryResults>;
  onClear: (() => void) | undefined;
}

/** The count, the cards and "Load more", with every in-between state. */
export function ResultList({ results, onClear }: ResultListProps) {
  const { status, items, total, nextCursor, query } = results;
  const listRef = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);

  // After "Load more", move focus to the first new card so keyboard users
  // carry on where the list grew instead of at the button.
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || items.length <= from) return;
    focusFrom.current = null;
    const link = listRef.current?.children[from]?.querySelector("a");
    link?.focus();
  }, [items.length]);

  const firstLoad = status === "loading" && items.length === 0;
  return (
    <>
      <div className="results__bar">
        <p
          id="results-count"
          className="results__count"
          role="status"
          aria-live="polite"
          tabIndex={-1}
        >
          {firstLoad && (
            <span className="visually-hidden">Loading people…</span>
          )}
          {query && status !== "error" && describeCount(total, query)}
          {status === "ready" && items.length < total && (
            <span className="results__shown"> · showing {items.length}</span>
          )}
        </p>
      </div>
      {status === "error" && (
        <ErrorNotice
          error={results.error}
          title="The directory could not load."
          onRetry={results.retry}
        />
      )}
      {firstLoad && <CardSkeletons />}
      {status !== "error" && !firstLoad && items.length === 0 && (
        <EmptyState title="No one matches this search.">
          <p>Check the spelling, try part of a name, or remove a filter.</p>
          {onClear && (
            <button type="button" className="button" onClick={onClear}>
              Clear all filters
            </button>
          )}
        </EmptyState>
      )}
      {items.length > 0 && (
        <ol
          ref={listRef}
          className="card-grid"
          aria-busy={status === "loading"}
          data-stale={status === "loading"}
        >
          {items.map((person) => (
            <li key={person.id}>
              <PersonCard person={person} />
            </li>
          ))}
        </ol>
      )}
      {results.moreError !== null && (
        <ErrorNotice
          error={results.moreError}
          title="More people could not load."
          onRetry={results.loadMore}
        />
      )}
      {status === "ready" && nextCursor && results.moreError === null && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            disabled={results.loadingMore}
            onClick={() => {
              focusFrom.current = items.length;
              results.loadMore();
            }}
          >
            {results.loadingMore ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
    </>
  );
}

function CardSkeletons() {
  return (
    <div className="card-grid" aria-hidden="true">
      {Array.from({ length: 6 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <div key={i} className="person-card person-card--skeleton">
          <span className="skeleton skeleton--avatar" />
          <div className="person-card__body">
            <span className="skeleton skeleton--heading" />
            <span className="skeleton" />
          </div>
        </div>
      ))}
    </div>
  );
}
