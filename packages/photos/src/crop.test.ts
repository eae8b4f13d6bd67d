import { describe, expect, it } from "vitest";
import { cropAroundFace, largestFace } from "./crop.js";

const face = (left: number, top: number, side: number) => ({
  left,
  top,
  width: side,
  height: side,
  score: 0.9,
});

describe("cropAroundFace", () => {
  it("frames a face in the open with room around it, centred", () => {
    const crop = cropAroundFace(face(900, 800, 200), 2000, 2000);
    expect(crop.size).toBe(480);
    expect(crop.left + crop.size / 2).toBe(1000);
    expect(crop.top + crop.size / 2).toBe(900);
  });

  it("frames tighter near an edge to keep the face centred", () => {
    const crop = cropAroundFace(face(100, 500, 200), 2000, 2000);
    expect(crop.size).toBe(400);
    expect(crop.left).toBe(0);
    expect(crop.top + crop.size / 2).toBe(600);
  });

  it("slides inward once framing tighter would cut the face", () => {
    const crop = cropAroundFace(face(0, 0, 200), 1000, 1000);
    expect(crop).toEqual({ left: 0, top: 0, size: 280 });
  });

  it("never leaves the image", () => {
    const crop = cropAroundFace(face(0, 0, 900), 1000, 600);
    expect(crop).toEqual({ left: 150, top: 0, size: 600 });
  });
});

describe("largestFace", () => {
  it("picks the face with the largest box", () => {
    const big = face(0, 0, 50);
    expect(largestFace([face(0, 0, 10), big, face(5, 5, 20)])).toBe(big);
    expect(largestFace([])).toBeUndefined();
  });
});
