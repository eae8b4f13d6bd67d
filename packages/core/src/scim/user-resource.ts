import type { Employee } from "../employee/schema.js";
import type { ScimObject } from "./attributes.js";
import { SCIM_ENTERPRISE_USER, SCIM_USER } from "./schemas.js";

/** A person as SCIM reads them: the directory's view plus provisioning. */
export type ScimSubject = Pick<
  Employee,
  | "id"
  | "email"
  | "givenName"
  | "familyName"
  | "preferredName"
  | "displayName"
  | "jobTitle"
  | "department"
  | "manager"
  | "phones"
  | "version"
  | "createdAt"
  | "updatedAt"
> & {
  externalId: string | null;
  /** When the person was deactivated, or null while they are active. */
  deactivatedAt: string | null;
};

/** The weak entity tag SCIM's `meta.version` and `ETag` carry. */
export const scimVersion = (version: number) => `W/"${version}"`;

/**
 * A person as a SCIM User resource. `usersUrl` is the absolute URL of the
 * Users endpoint, for `meta.location`.
 */
export function toScimUser(p: ScimSubject, usersUrl: string): ScimObject {
  const enterprise: ScimObject = {};
  if (p.department) enterprise.department = p.department.name;
  if (p.manager) {
    enterprise.manager = {
      value: p.manager.id,
      $ref: `${usersUrl}/${p.manager.id}`,
      displayName: p.manager.name,
    };
  }
  return {
    schemas: [SCIM_USER, SCIM_ENTERPRISE_USER],
    id: p.id,
    ...(p.externalId !== null ? { externalId: p.externalId } : {}),
    userName: p.email,
    name: {
      formatted: `${p.givenName} ${p.familyName}`,
      givenName: p.givenName,
      familyName: p.familyName,
    },
    displayName: p.displayName,
    ...(p.preferredName !== null ? { nickName: p.preferredName } : {}),
    ...(p.jobTitle !== null ? { title: p.jobTitle } : {}),
    active: p.deactivatedAt === null,
    emails: [{ value: p.email, type: "work", primary: true }],
    ...(p.phones.length > 0
      ? {
          phoneNumbers: p.phones.map((phone) => ({
            value: phone.number,
            type: phone.kind,
          })),
        }
      : {}),
    ...(Object.keys(enterprise).length > 0
      ? { [SCIM_ENTERPRISE_USER]: enterprise }
      : {}),
    meta: {
      resourceType: "User",
      created: p.createdAt,
      lastModified: p.updatedAt,
      location: `${usersUrl}/${p.id}`,
      version: scimVersion(p.version),
    },
  };
}
