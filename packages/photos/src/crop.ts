import type { FaceBox } from "./face-detector.js";

/** A square region of the upright image, in its pixels. */
export interface SquareCrop {
  left: number;
  top: number;
  size: number;
}

/**
 * How much wider than the face the square is: room for hair, chin and a
 * little shoulder, as a portrait avatar is usually framed.
 */
const FACE_TO_CROP = 2.4;
/** The tightest framing accepted to keep a face near an edge centred. */
const TIGHTEST_FACE_TO_CROP = 1.4;

/** The face with the largest box; the person the photo is of. */
export function largestFace(faces: readonly FaceBox[]): FaceBox | undefined {
  let best: FaceBox | undefined;
  for (const face of faces) {
    if (!best || face.width * face.height > best.width * best.height) {
      best = face;
    }
  }
  return best;
}

/**
 * A square centred on the face. Near an edge it frames tighter to stay
 * centred, down to a close-up; past that it slides inward instead.
 */
export function cropAroundFace(
  face: FaceBox,
  width: number,
  height: number,
): SquareCrop {
  const faceSide = Math.max(face.width, face.height);
  const centreX = face.left + face.width / 2;
  const centreY = face.top + face.height / 2;
  const room =
    2 * Math.min(centreX, width - centreX, centreY, height - centreY);
  const framed = Math.max(
    Math.min(faceSide * FACE_TO_CROP, room),
    faceSide * TIGHTEST_FACE_TO_CROP,
  );
  const size = Math.max(1, Math.round(Math.min(framed, width, height)));
  return {
    left: clamp(Math.round(centreX - size / 2), 0, width - size),
    top: clamp(Math.round(centreY - size / 2), 0, height - size),
    size,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
