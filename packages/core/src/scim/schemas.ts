/** The URNs SCIM 2.0 names its schemas and messages by (RFC 7643, 7644). */
export const SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const SCIM_ENTERPRISE_USER =
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const SCIM_LIST_RESPONSE =
  "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const SCIM_PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_SERVICE_PROVIDER_CONFIG =
  "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
export const SCIM_RESOURCE_TYPE =
  "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
export const SCIM_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

/** The media type SCIM speaks; plain JSON is accepted and answered too. */
export const SCIM_MEDIA_TYPE = "application/scim+json";

/** The most resources one list page returns, whatever `count` asks. */
export const SCIM_MAX_PAGE = 200;
