import {
  Department,
  DepartmentCreate,
  DirectReport,
  Employee,
  EmployeeCreate,
  EmployeeSearch,
  EmployeeUpdate,
  Facets,
  Location,
  LocationCreate,
  PersonSummary,
  Presence,
  PresenceQuery,
  RealtimeTicket,
  Role,
} from "@roster/core";
import * as z from "zod";
import { provisioningOperations } from "../routes/admin/provisioning-operations.js";
import {
  auditOperations,
  signInOperations,
} from "../routes/audit-operations.js";
import { jobOperations } from "../routes/jobs/operations.js";
import { photoOperations } from "../routes/photos/operations.js";

/** A file sent or answered as is, not as JSON: its media type, in words. */
export interface FileContent {
  mediaType: string;
  description: string;
}

/** One documented operation; the OpenAPI document is built from these. */
export interface Operation {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body that is a file, sent raw instead of a JSON `body`. */
  fileBody?: FileContent;
  ifMatch?: "required" | "optional";
  status: number;
  response?: z.ZodType;
  /** A success that is a file to download instead of a JSON `response`. */
  fileResponse?: FileContent;
  errors: number[];
}

const list = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item) });
const Page = z.object({
  items: z.array(Employee),
  nextCursor: z.string().nullable(),
  total: z.int(),
});
const Me = z.object({
  actor: z.object({ id: z.uuid(), role: Role }),
  employee: Employee.nullable(),
  canActAs: z.boolean(),
});
const person = "/api/employees/{id}";

export const operations: Operation[] = [
  {
    method: "get",
    path: "/api/employees",
    tag: "People",
    summary: "Search and list people, best match first, one page at a time",
    query: EmployeeSearch,
    status: 200,
    response: Page,
    errors: [400],
  },
  {
    method: "get",
    path: "/api/employees/facets",
    tag: "People",
    summary: "Counts per department, location, title and skill",
    query: EmployeeSearch.omit({ cursor: true, limit: true }),
    status: 200,
    response: Facets,
    errors: [400],
  },
  {
    method: "post",
    path: "/api/employees",
    tag: "People",
    summary: "Add a person (HR and admins)",
    body: EmployeeCreate,
    status: 201,
    response: Employee,
    errors: [400, 403, 409, 415],
  },
  {
    method: "get",
    path: person,
    tag: "People",
    summary: "One person's profile",
    status: 200,
    response: Employee,
    errors: [404],
  },
  {
    method: "patch",
    path: person,
    tag: "People",
    summary: "Change some of a person's fields",
    body: EmployeeUpdate,
    ifMatch: "required",
    status: 200,
    response: Employee,
    errors: [400, 403, 404, 409, 412, 415, 428],
  },
  {
    method: "delete",
    path: person,
    tag: "People",
    summary: "Remove a person; their reports move up to their manager",
    ifMatch: "optional",
    status: 204,
    errors: [403, 404, 412],
  },
  {
    method: "get",
    path: `${person}/manager-chain`,
    tag: "Organisation",
    summary: "The people this person reports to, from the top down",
    status: 200,
    response: list(PersonSummary),
    errors: [404],
  },
  {
    method: "get",
    path: `${person}/reports`,
    tag: "Organisation",
    summary: "Direct reports, each with the size of their own team",
    status: 200,
    response: list(DirectReport),
    errors: [404],
  },
  {
    method: "get",
    path: "/api/departments",
    tag: "Organisation",
    summary: "Every department with its headcount",
    status: 200,
    response: list(Department),
    errors: [],
  },
  {
    method: "post",
    path: "/api/departments",
    tag: "Organisation",
    summary: "Add a department (HR and admins)",
    body: DepartmentCreate,
    status: 201,
    response: Department,
    errors: [400, 403, 409, 415],
  },
  {
    method: "get",
    path: "/api/locations",
    tag: "Organisation",
    summary: "Every office with its headcount",
    status: 200,
    response: list(Location),
    errors: [],
  },
  {
    method: "post",
    path: "/api/locations",
    tag: "Organisation",
    summary: "Add an office (HR and admins)",
    body: LocationCreate,
    status: 201,
    response: Location,
    errors: [400, 403, 409, 415],
  },
  {
    method: "get",
    path: "/api/me",
    tag: "Session",
    summary: "Who is signed in",
    status: 200,
    response: Me,
    errors: [],
  },
  {
    method: "post",
    path: "/api/realtime/tickets",
    tag: "Live updates",
    summary:
      "A ticket for the live-updates socket: connect to url?ticket= " +
      "within a minute; it works once",
    status: 201,
    response: RealtimeTicket,
    errors: [401],
  },
  {
    method: "get",
    path: "/api/presence",
    tag: "Live updates",
    summary: "Who of these people (?id=...&id=..., up to 100) is online",
    query: PresenceQuery,
    status: 200,
    response: list(Presence),
    errors: [400],
  },
  ...provisioningOperations,
  ...photoOperations,
  ...jobOperations,
  ...auditOperations,
  ...signInOperations,
];
