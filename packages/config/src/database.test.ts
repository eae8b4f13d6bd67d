import { describe, expect, it } from "vitest";
import { linkedDatabaseUrl } from "./database.js";

const link = {
  host: "127.0.0.1",
  port: 5432,
  username: "postgres",
  password: "dev",
  database: "roster",
};

describe("linkedDatabaseUrl", () => {
  it("needs no TLS for the local server `sst dev` points at", () => {
    expect(linkedDatabaseUrl(link)).toBe(
      "postgres://postgres:dev@127.0.0.1:5432/roster",
    );
  });

  it("requires TLS for RDS", () => {
    expect(linkedDatabaseUrl({ ...link, host: "db.rds.amazonaws.com" })).toBe(
      "postgres://postgres:dev@db.rds.amazonaws.com:5432/roster?sslmode=require",
    );
  });
});
