import * as z from "zod";
import { type Operation, operations } from "./operations.js";

const ERROR_TEXT: Record<number, string> = {
  400: "The input is not valid; details.issues names each field",
  401: "Not signed in",
  403: "Not allowed for this person",
  404: "No such person or route",
  409: "Conflicts with what is stored (e.g. a duplicate email)",
  412: "The version in If-Match is stale; nothing was changed",
  413: "The body is larger than allowed",
  415: "The body is not JSON",
  428: "If-Match is missing",
  429: "Too many requests; wait and try again",
  503: "A service this needs is unavailable; try again shortly",
};

const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown(),
  requestId: z.string(),
});

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...schema } = z.toJSONSchema(type, {
    io,
    unrepresentable: "any",
  }) as JsonSchema;
  return schema;
}

function parameters(op: Operation) {
  const params: JsonSchema[] = [];
  for (const match of op.path.matchAll(/\{(\w+)\}/g)) {
    params.push({
      name: match[1],
      in: "path",
      required: true,
      schema: { type: "string", format: "uuid" },
    });
  }
  for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
    const schema = schemaOf(field as z.ZodType, "input");
    params.push({
      name,
      in: "query",
      required: false,
      schema,
      ...(schema.type === "array" ? { style: "form", explode: true } : {}),
    });
  }
  if (op.ifMatch) {
    params.push({
      name: "If-Match",
      in: "header",
      required: op.ifMatch === "required",
      description: 'The version you read, e.g. "3"',
      schema: { type: "string" },
    });
  }
  return params;
}

function success(op: Operation) {
  if (op.response) {
    return {
      description: "Success",
      content: {
        "application/json": { schema: schemaOf(op.response, "output") },
      },
    };
  }
  // A file's bytes need no schema in OpenAPI 3.1.
  if (op.fileResponse) {
    return {
      description: op.fileResponse.description,
      headers: {
        "Content-Disposition": {
          description: "`attachment`, with the file's name",
          schema: { type: "string" },
        },
      },
      content: { [op.fileResponse.mediaType]: {} },
    };
  }
  return op.status >= 300 && op.status < 400
    ? { description: "Redirect (see Location)" }
    : { description: "Success, no content" };
}

function requestBody(op: Operation) {
  if (op.body) {
    return {
      required: true,
      content: {
        "application/json": { schema: schemaOf(op.body, "input") },
      },
    };
  }
  if (op.fileBody) {
    return {
      required: true,
      description: op.fileBody.description,
      content: { [op.fileBody.mediaType]: {} },
    };
  }
  return undefined;
}

function operationObject(op: Operation) {
  const responses: Record<string, unknown> = { [op.status]: success(op) };
  const body = requestBody(op);
  for (const status of [...op.errors, 500]) {
    responses[status] = { $ref: `#/components/responses/E${status}` };
  }
  return {
    tags: [op.tag],
    summary: op.summary,
    operationId: `${op.method}${op.path.replace(/\W+(\w)?/g, (_, c = "") =>
      c.toUpperCase(),
    )}`,
    parameters: parameters(op),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 description of the API, built from its zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] =
      operationObject(op);
  }
  const errorResponses = Object.fromEntries(
    [...Object.entries(ERROR_TEXT), ["500", "An unexpected error, logged"]].map(
      ([status, description]) => [
        `E${status}`,
        {
          description,
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/Error" },
            },
          },
        },
      ],
    ),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Roster API",
      version: "1.0.0",
      description: "The company directory: people, teams and offices.",
    },
    paths,
    components: {
      schemas: { Error: schemaOf(ErrorBody, "output") },
      responses: errorResponses,
    },
  };
}
