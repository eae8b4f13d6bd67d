import { SCIM_ENTERPRISE_USER, SCIM_SCHEMA, SCIM_USER } from "@roster/core";

interface Attribute {
  name: string;
  type: "string" | "boolean" | "complex" | "reference";
  multiValued?: boolean;
  required?: boolean;
  mutability?: "readOnly" | "readWrite";
  uniqueness?: "none" | "server";
  caseExact?: boolean;
  description: string;
  subAttributes?: Attribute[];
}

type Described = Omit<Attribute, "subAttributes"> & {
  returned: string;
  subAttributes?: Described[];
};

const attribute = ({
  multiValued = false,
  required = false,
  mutability = "readWrite",
  uniqueness = "none",
  caseExact = false,
  subAttributes,
  ...rest
}: Attribute): Described => ({
  ...rest,
  multiValued,
  required,
  mutability,
  returned: "default",
  uniqueness,
  caseExact,
  ...(subAttributes ? { subAttributes: subAttributes.map(attribute) } : {}),
});

const typed = (what: string): Attribute[] => [
  { name: "value", type: "string", description: `The ${what}` },
  { name: "type", type: "string", description: "work, mobile or other" },
  { name: "primary", type: "boolean", description: "The preferred one" },
];

// Only what Roster stores is described; other attributes are accepted and
// ignored, so identity providers' default mappings do not fail.
const user: Attribute[] = [
  {
    name: "userName",
    type: "string",
    required: true,
    uniqueness: "server",
    description: "The work email address; unique, compared ignoring case",
  },
  {
    name: "externalId",
    type: "string",
    uniqueness: "server",
    caseExact: true,
    description: "The identity provider's id for the person",
  },
  {
    name: "name",
    type: "complex",
    required: true,
    description: "The person's names; given and family are required",
    subAttributes: [
      { name: "givenName", type: "string", description: "Given name" },
      { name: "familyName", type: "string", description: "Family name" },
      {
        name: "formatted",
        type: "string",
        mutability: "readOnly",
        description: "Given and family name",
      },
    ],
  },
  {
    name: "displayName",
    type: "string",
    mutability: "readOnly",
    description: "The nickname or given name, then the family name",
  },
  { name: "nickName", type: "string", description: "The name they go by" },
  { name: "title", type: "string", description: "Job title" },
  {
    name: "active",
    type: "boolean",
    description: "False takes the person out of the directory",
  },
  {
    name: "emails",
    type: "complex",
    multiValued: true,
    description: "The work address, the same as userName",
    subAttributes: typed("address"),
  },
  {
    name: "phoneNumbers",
    type: "complex",
    multiValued: true,
    description: "Up to ten numbers",
    subAttributes: typed("number"),
  },
];

const enterprise: Attribute[] = [
  {
    name: "department",
    type: "string",
    description: "The department's name; created when none has it",
  },
  {
    name: "manager",
    type: "complex",
    description: "The person's manager",
    subAttributes: [
      { name: "value", type: "string", description: "The manager's id" },
      {
        name: "displayName",
        type: "string",
        mutability: "readOnly",
        description: "The manager's name",
      },
    ],
  },
];

/** The schemas the Users endpoint speaks (RFC 7643, section 7). */
export function userSchemas(base: string) {
  const schema = (id: string, name: string, attributes: Attribute[]) => ({
    schemas: [SCIM_SCHEMA],
    id,
    name,
    description: `${name} as Roster stores it`,
    attributes: attributes.map(attribute),
    meta: { resourceType: "Schema", location: `${base}/Schemas/${id}` },
  });
  return [
    schema(SCIM_USER, "User", user),
    schema(SCIM_ENTERPRISE_USER, "EnterpriseUser", enterprise),
  ];
}
