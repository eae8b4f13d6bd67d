import { type FieldIssue, RosterError, ValidationError } from "@roster/core";
import type { Context } from "hono";
import type { z } from "zod";

/** Turns zod's issues into Roster's field issues, `phones.0.number` style. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "invalid_type" && issue.expected === "nonoptional") {
      return { path, message: "is required" };
    }
    if (issue.code === "unrecognized_keys") {
      return {
        path,
        message: `is not a field here: ${issue.keys.join(", ")}`,
      };
    }
    return { path, message: issue.message };
  });
}

/** Parses `value` with `schema`, or throws a ValidationError naming fields. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldIssues(result.error));
  return result.data;
}

/** The largest request body the API reads. */
export const MAX_BODY_BYTES = 256 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a JSON body: 415 unless it is declared JSON, 400 when it does not
 * parse or does not match `schema`.
 */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  const type = c.req.header("content-type") ?? "";
  const charset = /;\s*charset\s*=\s*"?([\w-]+)/i.exec(type)?.[1];
  if (
    !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type) ||
    (charset && charset.toLowerCase() !== "utf-8")
  ) {
    throw new RosterError(
      "unsupported_media_type",
      "Send the body as UTF-8 JSON with Content-Type: application/json.",
      { contentType: type || null },
    );
  }
  // The body limit middleware has already refused anything larger.
  let raw: string;
  try {
    raw = utf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new ValidationError(
      [{ path: "", message: "is not valid UTF-8 text" }],
      "The body is not valid UTF-8 text.",
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new ValidationError(
      [
        {
          path: "",
          message: `is not valid JSON (${(error as Error).message})`,
        },
      ],
      "The body is not valid JSON.",
    );
  }
  return parseWith(schema, value);
}

/**
 * The version an `If-Match` header names: `"3"`, `3` or `W/"3"`. Required
 * when `required` is set, so a client cannot overwrite blindly.
 */
export function ifMatchVersion(c: Context, required: true): number;
export function ifMatchVersion(
  c: Context,
  required?: false,
): number | undefined;
export function ifMatchVersion(c: Context, required = false) {
  const header = c.req.header("if-match");
  if (header === undefined || header.trim() === "") {
    if (!required) return undefined;
    throw new RosterError(
      "precondition_required",
      'Send If-Match with the version you edited, e.g. If-Match: "3".',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new ValidationError([
      { path: "If-Match", message: 'must be a version number, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}
