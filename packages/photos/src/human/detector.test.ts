import { describe, expect, it } from "vitest";
import { loadFaceDetector } from "./detector.js";

describe("loadFaceDetector", () => {
  it("loads the bundled model on wasm, once, and finds no face in grey", async () => {
    const detector = await loadFaceDetector();
    expect(await loadFaceDetector()).toBe(detector);
    // A wide image, so the letterboxing runs too.
    const [width, height] = [320, 160];
    const grey = new Uint8Array(width * height * 3).fill(128);
    expect(await detector.detect({ data: grey, width, height })).toEqual([]);
  });
});
