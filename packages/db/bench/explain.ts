import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../src/client.js";
import type { Context } from "../src/context.js";
import { rowsOf } from "../src/employee/read.js";

interface BuiltQuery {
  sql: string;
  params: unknown[];
}

interface Buildable {
  toSQL?(): BuiltQuery;
}

// `select()` first returns a builder that only has `from`; the builders
// that follow can render themselves with `toSQL`.
function isBuilder(value: unknown): value is Buildable {
  return (
    typeof value === "object" &&
    value !== null &&
    ("toSQL" in value || "from" in value)
  );
}

// Wraps a query builder so that awaiting it records its SQL and yields no
// rows instead of running it; every chained call stays wrapped.
function recording(value: unknown, into: BuiltQuery[]): unknown {
  if (!isBuilder(value)) return value;
  return new Proxy(value, {
    get(target, property) {
      if (property === "then" && target.toSQL) {
        const built = target.toSQL();
        return (resolve: (rows: unknown[]) => void) => {
          into.push(built);
          resolve([]);
        };
      }
      const member: unknown = Reflect.get(target, property, target);
      if (typeof member !== "function") return member;
      return (...args: unknown[]) =>
        recording(member.apply(target, args), into);
    },
  });
}

/**
 * The SQL an operation sends, found by running it against a stand-in for
 * the database that records each `select` instead of executing it.
 */
export async function sqlOf(
  ctx: Context,
  operation: (ctx: Context) => Promise<unknown>,
): Promise<BuiltQuery[]> {
  const built: BuiltQuery[] = [];
  const tx = new Proxy(ctx.tx, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property, target);
      if (property !== "select" || typeof member !== "function") return member;
      return (...args: unknown[]) =>
        recording(member.apply(target, args), built);
    },
  }) as Executor;
  await operation({ ...ctx, tx });
  return built;
}

// Rebuilds a `$1`-numbered statement as drizzle SQL so the values travel
// as parameters again, exactly as the operation sent them.
function withParams({ sql: text, params }: BuiltQuery): SQL {
  const pieces = text.split(/\$(\d+)/);
  const chunks = pieces.map((piece, i) =>
    i % 2 === 0 ? sql.raw(piece) : sql`${params[Number(piece) - 1]}`,
  );
  return sql.join(chunks, sql.raw(""));
}

/** The plan, with timings and buffer counts, of one recorded statement. */
export async function explainAnalyze(db: Executor, query: BuiltQuery) {
  const rows = await db.execute(
    sql`explain (analyze, buffers) ${withParams(query)}`,
  );
  return rowsOf<Record<string, string>>(rows)
    .map((row) => Object.values(row)[0] ?? "")
    .join("\n");
}
