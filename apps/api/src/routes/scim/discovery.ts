import {
  SCIM_ENTERPRISE_USER,
  SCIM_LIST_RESPONSE,
  SCIM_MAX_PAGE,
  SCIM_RESOURCE_TYPE,
  SCIM_SERVICE_PROVIDER_CONFIG,
  SCIM_USER,
} from "@roster/core";

/** What this server supports (RFC 7643, section 5). */
export function serviceProviderConfig(base: string) {
  return {
    schemas: [SCIM_SERVICE_PROVIDER_CONFIG],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description:
          "A token an admin issues in Roster, sent as Authorization: Bearer.",
        primary: true,
      },
    ],
    meta: {
      resourceType: "ServiceProviderConfig",
      location: `${base}/ServiceProviderConfig`,
    },
  };
}

/** The one resource type served: User, with the enterprise extension. */
export function userResourceType(base: string) {
  return {
    schemas: [SCIM_RESOURCE_TYPE],
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "A person in the directory",
    schema: SCIM_USER,
    schemaExtensions: [{ schema: SCIM_ENTERPRISE_USER, required: false }],
    meta: {
      resourceType: "ResourceType",
      location: `${base}/ResourceTypes/User`,
    },
  };
}

/** A list of discovery resources, as SCIM answers them. */
export function listOf(resources: unknown[]) {
  return {
    schemas: [SCIM_LIST_RESPONSE],
    totalResults: resources.length,
    startIndex: 1,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
