import { decodeUpright, readPixels, WHITE } from "./decode.js";
import type { FaceBox, FaceDetector } from "./face-detector.js";
import type { InspectedPhoto } from "./inspect.js";
import type { PhotoLimits } from "./limits.js";

/** Faces are found on a small copy: BlazeFace looks at 256 pixels anyway. */
const DETECTION_SIDE = 640;

/** Faces in the upright photo, in its full-resolution pixels. */
export async function findFaces(
  bytes: Uint8Array,
  photo: InspectedPhoto,
  limits: PhotoLimits,
  detector: FaceDetector,
): Promise<FaceBox[]> {
  const { data, info } = await readPixels(
    decodeUpright(bytes, limits)
      .flatten({ background: WHITE })
      .resize(DETECTION_SIDE, DETECTION_SIDE, {
        fit: "inside",
        withoutEnlargement: true,
      })
      .toColourspace("srgb")
      .removeAlpha()
      .raw({ depth: "uchar" }),
  );
  const faces = await detector.detect({
    data,
    width: info.width,
    height: info.height,
  });
  const scaleX = photo.width / info.width;
  const scaleY = photo.height / info.height;
  return faces.map((face) => ({
    left: face.left * scaleX,
    top: face.top * scaleY,
    width: face.width * scaleX,
    height: face.height * scaleY,
    score: face.score,
  }));
}
