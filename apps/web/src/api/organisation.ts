import { request } from "./client";
import type { Department, Location, Me } from "./types";

/** Who the API takes the caller to be, and whether they may act as others. */
export function getMe(signal?: AbortSignal) {
  return request<Me>("/me", { signal });
}

export async function listDepartments(signal?: AbortSignal) {
  const body = await request<{ items: Department[] }>("/departments", {
    signal,
  });
  return body.items;
}

export async function listLocations(signal?: AbortSignal) {
  const body = await request<{ items: Location[] }>("/locations", { signal });
  return body.items;
}
