import { ValidationError } from "../errors/index.js";

/** The position after the last row of a page: the values of its sort key. */
export type CursorKey = readonly (string | number)[];

/** Encodes a sort key as an opaque, URL-safe cursor. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/**
 * Decodes a cursor made by `encodeCursor`, checking it has the expected
 * shape; a cursor from another query or a hand-edited one is refused.
 */
export function decodeCursor(
  cursor: string,
  shape: readonly ("string" | "number")[],
): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === shape.length &&
    parsed.every((v, i) =>
      shape[i] === "number"
        ? Number.isInteger(v) && Math.abs(v) < 2 ** 31
        : typeof v === "string" && v.isWellFormed() && !v.includes("\u0000"),
    );
  if (!valid) {
    throw new ValidationError([
      {
        path: "cursor",
        message: "is not a cursor from this list; start again from page one",
      },
    ]);
  }
  return parsed as CursorKey;
}
