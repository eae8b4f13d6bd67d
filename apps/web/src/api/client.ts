import { getActingAs } from "./acting-as";
import { ApiError, errorFromResponse, isAbortError } from "./errors";

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  /** The version the change is based on, sent as `If-Match`. */
  ifMatch?: number;
  signal?: AbortSignal;
}

/**
 * Calls the Roster API under `/api`, acting as the chosen person, and
 * returns the parsed JSON body. Any failure is thrown as an ApiError, except
 * an abort, which is rethrown as is.
 */
export async function request<T>(
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers = new Headers({ Accept: "application/json" });
  const actingAs = getActingAs();
  if (actingAs) headers.set("X-Roster-Act-As", actingAs.id);
  if (options.ifMatch !== undefined) {
    headers.set("If-Match", `"${options.ifMatch}"`);
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: options.method ?? "GET",
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(
      "network",
      0,
      "Could not reach Roster. Check your connection and try again.",
    );
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
