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

const PAGE = 25;
const MOST_PER_REQUEST = 100;

/** The first `count` people for `query` (a page at least), in order. */
async function firstPeople(
  query: DirectoryQuery,
  count: number,
  signal: AbortSignal,
) {
  let items: Employee[] = [];
  let cursor: string | null = null;
  let total = 0;
  const want = Math.max(count, PAGE);
  do {
    const page = await searchEmployees(query, {
      cursor,
      limit: Math.min(MOST_PER_REQUEST, want - items.length),
      signal,
    });
    items = appendPage(items, page.items);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor && items.length < want);
  return { items, total, nextCursor: cursor };
}

/**
 * The directory's results for a query, first page on each change (aborting
 * the one before) and further pages appended by `loadMore`. `refresh`
 * reads again as many people as are shown and swaps them in place, so a
 * live change keeps the reader's place in the list.
 */
export function useDirectoryResults(query: DirectoryQuery) {
  const [state, setState] = useState<DirectoryResults>(initial);
  const [attempt, setAttempt] = useState(0);
  const key = directoryQueryToSearch(query);
  const controllers = useRef(new Set<AbortController>());
  const queryRef = useRef(query);
  queryRef.current = query;
  const stateRef = useRef(state);
  stateRef.current = state;
  const refreshAfterLoad = useRef(false);
  const refreshing = useRef<AbortController | null>(null);

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

  const refresh = useCallback(() => {
    const { status, items } = stateRef.current;
    // What is loading now may predate the change: read again once it is in.
    if (status === "loading") {
      refreshAfterLoad.current = true;
      return;
    }
    if (status !== "ready") return;
    refreshing.current?.abort();
    const controller = track();
    refreshing.current = controller;
    firstPeople(queryRef.current, items.length, controller.signal)
      .then(
        (fresh) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ ...s, ...fresh, moreError: null }));
        },
        () => {
          // The list on screen stays; the next change tries again.
        },
      )
      .finally(() => controllers.current.delete(controller));
  }, [track]);

  useEffect(() => {
    if (state.status === "ready" && refreshAfterLoad.current) {
      refreshAfterLoad.current = false;
      refresh();
    }
  }, [state.status, refresh]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, loadMore, retry, refresh };
}
