import { describe, expect, it } from "vitest";
import { processPhoto } from "./pipeline.js";
import type { Rendition } from "./render.js";
import {
  closeTo,
  noFaces,
  orientedMarker,
  pixelAt,
  QUADRANTS,
} from "./testing/images.js";

function jpegOf(renditions: Rendition[], size: number): Buffer {
  const found = renditions.find((r) => r.size === size && r.format === "jpeg");
  if (!found) throw new Error(`No ${size} px JPEG rendition.`);
  return found.bytes;
}

describe("EXIF orientation", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "shows orientation %i upright",
    async (orientation) => {
      const photo = await orientedMarker(orientation);
      const { renditions } = await processPhoto(photo, { detector: noFaces });
      const out = jpegOf(renditions, 128);
      expect(closeTo(await pixelAt(out, 32, 32), QUADRANTS.topLeft)).toBe(true);
      expect(closeTo(await pixelAt(out, 96, 32), QUADRANTS.topRight)).toBe(
        true,
      );
      expect(closeTo(await pixelAt(out, 32, 96), QUADRANTS.bottomLeft)).toBe(
        true,
      );
      expect(closeTo(await pixelAt(out, 96, 96), QUADRANTS.bottomRight)).toBe(
        true,
      );
    },
  );

  it("notices when the stored pixels are not the upright ones", async () => {
    // Guards the test above: orientation 6's stored pixels, read as they
    // are, do not show the marker upright.
    const stored = await orientedMarker(6);
    expect(closeTo(await pixelAt(stored, 32, 32), QUADRANTS.topLeft)).toBe(
      false,
    );
  });
});
