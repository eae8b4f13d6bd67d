import {
  type DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { ApiError, isAbortError } from "../api/errors";

/** A value being fetched: loading, there, or failed with an error. */
export type Resource<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "success"; data: T; error?: undefined }
  | { status: "error"; data?: undefined; error: unknown };

// A refetch in place gives way to what is shown, except for an answer
// that says the thing is no longer there.
const isGone = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 410);

/**
 * Fetches with `load` whenever `deps` change, aborting the request it
 * replaces, so a slow stale answer never overwrites a newer one.
 * `reload` starts over from "loading"; `refresh` fetches again while the
 * current value stays on screen (for live updates), replacing it only
 * with a newer value or with a "gone" error.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Resource<T> & { reload: () => void; refresh: () => void } {
  const [state, setState] = useState<Resource<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [refreshes, setRefreshes] = useState(0);
  // Bumped by every full load, so a refresh begun before it is dropped.
  const generation = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: callers list what load reads
  useEffect(() => {
    const controller = new AbortController();
    generation.current++;
    setState({ status: "loading" });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "success", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) {
          setState({ status: "error", error });
        }
      },
    );
    return () => controller.abort();
  }, [...deps, attempt]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per refresh
  useEffect(() => {
    if (refreshes === 0) return;
    const controller = new AbortController();
    const started = generation.current;
    const current = () =>
      !controller.signal.aborted && generation.current === started;
    load(controller.signal).then(
      (data) => {
        if (current()) setState({ status: "success", data });
      },
      (error: unknown) => {
        if (current() && isGone(error)) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [refreshes]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => setRefreshes((n) => n + 1), []);
  return { ...state, reload, refresh };
}
