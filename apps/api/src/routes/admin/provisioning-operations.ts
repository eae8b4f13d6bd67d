import { Employee, ScimToken, ScimTokenCreate } from "@roster/core";
import * as z from "zod";
import type { Operation } from "../../openapi/operations.js";

/** Provisioning routes (SCIM tokens, deactivation), for the OpenAPI document. */
export const provisioningOperations: Operation[] = [
  {
    method: "post",
    path: "/api/admin/scim-tokens",
    tag: "Provisioning",
    summary:
      "Issue a SCIM bearer token for an identity provider (admins); the " +
      "secret is in this response only",
    body: ScimTokenCreate,
    status: 201,
    response: ScimToken.extend({ token: z.string() }),
    errors: [400, 403, 415],
  },
  {
    method: "get",
    path: "/api/admin/scim-tokens",
    tag: "Provisioning",
    summary: "List SCIM tokens, revoked ones too, without secrets (admins)",
    status: 200,
    response: z.object({ items: z.array(ScimToken) }),
    errors: [403],
  },
  {
    method: "delete",
    path: "/api/admin/scim-tokens/{id}",
    tag: "Provisioning",
    summary: "Revoke a SCIM token at once (admins)",
    status: 204,
    errors: [403, 404],
  },
  {
    method: "post",
    path: "/api/employees/{id}/deactivate",
    tag: "People",
    summary:
      "Deactivate a person (HR and admins): out of the directory, sessions " +
      "ended, history kept",
    ifMatch: "optional",
    status: 200,
    response: Employee,
    errors: [400, 403, 404, 412],
  },
  {
    method: "post",
    path: "/api/employees/{id}/reactivate",
    tag: "People",
    summary: "Bring a deactivated person back (HR and admins)",
    ifMatch: "optional",
    status: 200,
    response: Employee,
    errors: [400, 403, 404, 412],
  },
];
