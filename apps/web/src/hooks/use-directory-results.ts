import { useCallback, useEffect, useRef, useState } from "react";
import { searchEmployees } from "../api/employees";
import { isAbortError } from "../api/errors";
import type { Employee } from "../api/types";
import { appendPage } from "../lib/append-page";
import {
  type DirectoryQuery,
  directoryQueryToSearch,
} from "../lib/directory-query";

export interface DirectoryResults {
  /** "loading" covers only the first page; later pages set `loadingMore`. */
  status: "loading" | "ready" | "error";
  items: Employee[];
  /** The query the items answer, which lags the URL while loading. */
  query: DirectoryQuery | null;
  total: number;
  nextCursor: string | null;
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
}

const initial: DirectoryResults = {
  status: "loading",
  items: [],
  query: null,
  total: 0,
  nextCursor: null,
  error: null,
  loadingMore: false,
  moreError: null,
};

/**
 * The directory's results for a query, first page on each change (aborting
 * the one before) and further pages appended by `loadMore`.
 */
export function useDirectoryResults(query: DirectoryQuery) {
  const [state, setState] = useState<DirectoryResults>(initial);
  const [attempt, setAttempt] = useState(0);
  const key = directoryQueryToSearch(query);
  const controllers = useRef(new Set<AbortController>());
  const queryRef = useRef(query);
  queryRef.current = query;

  const track = useCallback(() => {
    const controller = new AbortController();
    controllers.current.add(controller);
    return controller;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the query
  useEffect(() => {
    const controller = track();
    // Keep what is on screen while the next answer is on its way.
    setState((s) => ({ ...s, status: "loading", error: null }));
    const query = queryRef.current;
    searchEmployees(query, { signal: controller.signal }).then(
      (page) =>
        setState({
          ...initial,
          status: "ready",
          query,
          items: appendPage([], page.items),
          total: page.total,
          nextCursor: page.nextCursor,
        }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState({ ...initial, status: "error", error });
      },
    );
    return () => {
      for (const c of controllers.current) c.abort();
      controllers.current.clear();
    };
  }, [key, attempt, track]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const controller = track();
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    searchEmployees(queryRef.current, { cursor, signal: controller.signal })
      .then(
        (page) =>
          setState((s) => ({
            ...s,
            items: appendPage(s.items, page.items),
            total: page.total,
            nextCursor: page.nextCursor,
            loadingMore: false,
          })),
        (error: unknown) => {
          if (isAbortError(error)) return;
          setState((s) => ({ ...s, loadingMore: false, moreError: error }));
        },
      )
      .finally(() => controllers.current.delete(controller));
  }, [state.nextCursor, state.loadingMore, track]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, loadMore, retry };
}
