import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("processSource", () => {
  it("reads links from the SST_RESOURCE_ variables and not others", async () => {
    vi.stubEnv("SST_RESOURCE_App", '{"name":"roster","stage":"dev"}');
    vi.stubEnv("SST_RESOURCE_Photos", '{"name":"photos-bucket"}');
    // A fresh module graph, so SST's resource loader sees these variables.
    const { processSource } = await import("./source.js");
    const source = processSource();
    expect(source.linked("Photos")).toEqual({ name: "photos-bucket" });
    expect(source.linked("Worker")).toBeUndefined();
  });
});
