import { AuditAction, AuditQuery, Channel } from "@roster/core";
import * as z from "zod";
import type { Operation } from "../openapi/operations.js";

const Entry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorLabel: z.string().nullable(),
  actorRole: z.string(),
  channel: Channel,
  requestId: z.string().nullable(),
  action: AuditAction,
  subjectId: z.uuid().nullable(),
  subjectLabel: z.string(),
  changes: z.array(
    z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }),
  ),
});
const Page = z.object({
  items: z.array(Entry),
  nextCursor: z.string().nullable(),
  names: z
    .record(z.guid(), z.string().nullable())
    .describe(
      "The name of each manager, department and office id in the page's " +
        "`managerId`, `departmentId` and `locationId` changes (before and " +
        "after); null when it is no longer in the directory",
    ),
});

/** The audit trail and sign-in routes, for the OpenAPI document. */
export const auditOperations: Operation[] = [
  {
    method: "get",
    path: "/api/audit",
    tag: "Audit",
    summary:
      "Search the audit trail, newest first (HR and admins): by person, " +
      "actor, action, time or name",
    query: AuditQuery,
    status: 200,
    response: Page,
    errors: [400, 403],
  },
  {
    method: "get",
    path: "/api/employees/{id}/history",
    tag: "Audit",
    summary:
      "One person's history: who changed what, when, how, before and " +
      "after (HR, admins and the person themself)",
    query: AuditQuery.omit({ subject: true }),
    status: 200,
    response: Page,
    errors: [400, 403],
  },
];

export const signInOperations: Operation[] = [
  {
    method: "get",
    path: "/api/auth/sign-in",
    tag: "Sign-in",
    summary:
      "Start signing in with the identity provider; redirects there and " +
      "back to `returnTo` (a path on this site)",
    query: z.object({ returnTo: z.string().optional() }),
    status: 302,
    errors: [429, 503],
  },
  {
    method: "get",
    path: "/api/auth/callback",
    tag: "Sign-in",
    summary:
      "Where the identity provider returns; sets the session cookie, or " +
      "sends the browser to /sign-in with the reason",
    status: 302,
    errors: [503],
  },
  {
    method: "get",
    path: "/api/auth/session",
    tag: "Sign-in",
    summary:
      "Whether this browser is signed in, and the CSRF token its changes " +
      "must carry in X-CSRF-Token",
    status: 200,
    response: z.union([
      z.object({
        signedIn: z.literal(true),
        employeeId: z.uuid(),
        expiresAt: z.string(),
        csrfToken: z.string(),
      }),
      z.object({ signedIn: z.literal(false), signIn: z.string() }),
    ]),
    errors: [],
  },
  {
    method: "post",
    path: "/api/auth/sign-out",
    tag: "Sign-in",
    summary:
      "End the session; answers where to send the browser to sign out at " +
      "the provider too",
    status: 200,
    response: z.object({ signedOut: z.literal(true), redirect: z.string() }),
    errors: [403],
  },
];
