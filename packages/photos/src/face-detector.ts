/** An upright 8-bit RGB image, row by row, three bytes a pixel. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A face's bounding box in the image's pixels, with the model's score. */
export interface FaceBox {
  left: number;
  top: number;
  width: number;
  height: number;
  score: number;
}

/**
 * Finds faces in an image. The pipeline depends on this alone, so tests
 * and other models can stand in for the bundled one.
 */
export interface FaceDetector {
  /** Faces found with enough confidence, in any order. */
  detect(image: RgbImage): Promise<FaceBox[]>;
}
