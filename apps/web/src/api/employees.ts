import {
  type DirectoryQuery,
  directoryQueryToParams,
} from "../lib/directory-query";
import { request } from "./client";
import type {
  DirectReport,
  Employee,
  EmployeeFields,
  EmployeePage,
  Facets,
  PersonSummary,
} from "./types";

const PAGE_SIZE = 25;

/** One page of people matching the query, after `cursor` when given. */
export function searchEmployees(
  query: DirectoryQuery,
  options: { cursor?: string | null; limit?: number; signal?: AbortSignal },
): Promise<EmployeePage> {
  const params = directoryQueryToParams(query);
  if (options.cursor) params.set("cursor", options.cursor);
  params.set("limit", String(options.limit ?? PAGE_SIZE));
  return request(`/employees?${params}`, { signal: options.signal });
}

/** Counts per filter value for the query. */
export function getFacets(
  query: DirectoryQuery,
  signal?: AbortSignal,
): Promise<Facets> {
  const params = directoryQueryToParams(query);
  return request(`/employees/facets?${params}`, { signal });
}

const person = (id: string) => `/employees/${encodeURIComponent(id)}`;

export function getEmployee(id: string, signal?: AbortSignal) {
  return request<Employee>(person(id), { signal });
}

/** The chain from the top of the organisation down to the direct manager. */
export async function getManagerChain(id: string, signal?: AbortSignal) {
  const body = await request<{ items: PersonSummary[] }>(
    `${person(id)}/manager-chain`,
    { signal },
  );
  return body.items;
}

/** The person's direct reports, each with the size of their own team. */
export async function getReports(id: string, signal?: AbortSignal) {
  const body = await request<{ items: DirectReport[] }>(
    `${person(id)}/reports`,
    { signal },
  );
  return body.items;
}

export function createEmployee(fields: Partial<EmployeeFields>) {
  return request<Employee>("/employees", { method: "POST", body: fields });
}

/** Changes only the fields given, refused if `version` is no longer current. */
export function updateEmployee(
  id: string,
  version: number,
  patch: Partial<EmployeeFields>,
) {
  return request<Employee>(person(id), {
    method: "PATCH",
    body: patch,
    ifMatch: version,
  });
}

export function deleteEmployee(id: string, version: number) {
  return request<void>(person(id), { method: "DELETE", ifMatch: version });
}
