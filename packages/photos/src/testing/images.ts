import sharp from "sharp";
import type { FaceDetector } from "../face-detector.js";

/** A detector that finds nothing, for tests about anything but faces. */
export const noFaces: FaceDetector = { detect: async () => [] };

export const QUADRANTS = {
  topLeft: [220, 30, 30],
  topRight: [30, 200, 30],
  bottomLeft: [30, 30, 220],
  bottomRight: [240, 220, 40],
} as const;

/** The upright marker's colour at (x, y) of a side x side square. */
function markerAt(x: number, y: number, side: number): readonly number[] {
  const right = x >= side / 2;
  const bottom = y >= side / 2;
  if (bottom) return right ? QUADRANTS.bottomRight : QUADRANTS.bottomLeft;
  return right ? QUADRANTS.topRight : QUADRANTS.topLeft;
}

/**
 * Where stored pixel (x, y) shows up once EXIF orientation `o` is applied
 * to a square of `side`, as the EXIF specification defines the eight tags.
 */
function displayedAt(o: number, x: number, y: number, side: number) {
  const last = side - 1;
  switch (o) {
    case 2:
      return [last - x, y];
    case 3:
      return [last - x, last - y];
    case 4:
      return [x, last - y];
    case 5:
      return [y, x];
    case 6:
      return [last - y, x];
    case 7:
      return [last - y, last - x];
    case 8:
      return [y, last - x];
    default:
      return [x, y];
  }
}

/**
 * A JPEG whose stored pixels are turned so that applying orientation `o`
 * shows four coloured quadrants the right way up.
 */
export async function orientedMarker(o: number, side = 256): Promise<Buffer> {
  const data = Buffer.alloc(side * side * 3);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [dx, dy] = displayedAt(o, x, y, side) as [number, number];
      data.set(markerAt(dx, dy, side), (y * side + x) * 3);
    }
  }
  return sharp(data, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: o })
    .toBuffer();
}

/** The colour of one pixel of an encoded image. */
export async function pixelAt(
  image: Buffer,
  x: number,
  y: number,
): Promise<number[]> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

/** True when two colours differ by at most `tolerance` in every channel. */
export function closeTo(
  actual: readonly number[],
  expected: readonly number[],
  tolerance = 40,
): boolean {
  return expected.every(
    (value, i) => Math.abs((actual[i] ?? Number.NaN) - value) <= tolerance,
  );
}
