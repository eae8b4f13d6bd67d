/** A PostgreSQL error as any driver reports it, found under its wrappers. */
export interface PgError {
  code: string;
  message?: string;
  constraint?: string;
  constraint_name?: string;
  detail?: string;
}

/**
 * Walks an error's `cause` chain for the driver's PostgreSQL error: drizzle
 * wraps it in DrizzleQueryError, and transactions can wrap it again.
 */
export function findPgError(error: unknown): PgError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current; depth++) {
    if (
      typeof current === "object" &&
      typeof (current as PgError).code === "string" &&
      /^[0-9A-Z]{5}$/.test((current as PgError).code)
    ) {
      return current as PgError;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** PostgreSQL's SQLSTATE for a unique constraint violated. */
export const UNIQUE_VIOLATION = "23505";

/** The name of the unique constraint an error violated, if it is one. */
export function uniqueViolation(error: unknown): string | undefined {
  const pg = findPgError(error);
  if (pg?.code !== UNIQUE_VIOLATION) return undefined;
  return pg.constraint ?? pg.constraint_name ?? "";
}
