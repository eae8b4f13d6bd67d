import { describe, expect, it } from "vitest";
import { signedLocalIssuer, verifyLocalUpload } from "./signed-local.js";

const secret = "a-test-secret";
const issuer = signedLocalIssuer({ url: "http://127.0.0.1/up", secret });
const request = {
  key: "uploads/person/1",
  contentType: "image/png",
  maxBytes: 100,
  expiresInSeconds: 60,
};

describe("signed local uploads", () => {
  it("verify a form that matches its policy", async () => {
    const { fields } = await issuer.issue(request);
    expect(verifyLocalUpload(secret, { fields, fileBytes: 100 })).toMatchObject(
      { key: "uploads/person/1", contentType: "image/png" },
    );
  });

  it("refuse a forged, expired, oversized or retyped upload", async () => {
    const { fields } = await issuer.issue(request);
    const check =
      (f: Record<string, string>, fileBytes = 10, now?: number) =>
      () =>
        verifyLocalUpload(secret, { fields: f, fileBytes, now });
    expect(check({ ...fields, signature: "x" })).toThrow(/signature/);
    expect(
      verifyLocalUpload.bind(null, "another-secret", { fields, fileBytes: 1 }),
    ).toThrow(/signature/);
    expect(check(fields, 10, Date.now() + 61_000)).toThrow(/expired/);
    expect(check(fields, 101)).toThrow(/larger than the 100 bytes/);
    expect(check(fields, 0)).toThrow(/empty/);
    expect(check({ ...fields, "Content-Type": "text/html" })).toThrow(
      /image\/png/,
    );
    expect(check({ ...fields, key: "uploads/other/1" })).toThrow(/key/);
  });
});
