import { getActingAs } from "./acting-as";
import { currentCsrfToken, redirectToSignIn } from "./auth";
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
  const csrf = currentCsrfToken();
  if (csrf && options.method && options.method !== "GET") {
    headers.set("X-CSRF-Token", csrf);
  }
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
  if (!response.ok) {
    const error = await errorFromResponse(response);
    // A session that expired: the provider signs the user back in and
    // returns them here, usually without asking anything.
    if (error.status === 401 && hasSignIn(error.details)) redirectToSignIn();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function hasSignIn(details: unknown): boolean {
  return (
    typeof details === "object" &&
    details !== null &&
    typeof (details as { signIn?: unknown }).signIn === "string"
  );
}
