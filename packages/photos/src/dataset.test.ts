import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { FaceDetector } from "./face-detector.js";
import { loadFaceDetector } from "./human/detector.js";
import { type ProcessedPhoto, processPhoto } from "./pipeline.js";
import { datasetPhoto } from "./testing/datasets.js";

const orientations = datasetPhoto("exif-orientation");
const faces = datasetPhoto("faces");

let detector: FaceDetector;
beforeAll(async () => {
  detector = await loadFaceDetector();
});

async function processFile(path: string): Promise<ProcessedPhoto> {
  return processPhoto(await readFile(path), { detector });
}

/** The 64 px JPEG rendition as greyscale pixels, for comparing pictures. */
async function thumbnail(photo: ProcessedPhoto): Promise<Buffer> {
  const jpeg = photo.renditions.find(
    (r) => r.size === 64 && r.format === "jpeg",
  );
  if (!jpeg) throw new Error("No 64 px JPEG rendition.");
  return sharp(jpeg.bytes).greyscale().raw().toBuffer();
}

function meanDifference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

describe.skipIf(!orientations)("the EXIF orientation photos", () => {
  const path = (name: string) => `${orientations}/${name}`;

  it("come out upright: all eight look like the unrotated one", async () => {
    const upright = await processFile(path("Portrait_1.jpg"));
    const reference = await thumbnail(upright);
    // The yardstick: the same photo a quarter turn off, processed alike.
    const turned = await sharp(await readFile(path("Portrait_1.jpg")))
      .rotate(90)
      .jpeg()
      .toBuffer();
    const wrong = meanDifference(
      reference,
      await thumbnail(await processPhoto(turned, { detector })),
    );
    for (let n = 2; n <= 8; n++) {
      const photo = await processFile(path(`Portrait_${n}.jpg`));
      expect(photo.source).toMatchObject({ width: 1200, height: 1800 });
      // Each file has its digit burned in, so they never match exactly.
      expect(meanDifference(reference, await thumbnail(photo))).toBeLessThan(
        wrong / 3,
      );
    }
  });

  it("turn the landscape one on its side into a wide photo", async () => {
    const photo = await processFile(path("Landscape_6.jpg"));
    expect(photo.source).toMatchObject({ width: 1800, height: 1200 });
  });

  it("treat the invalid orientation 0 as upright", async () => {
    const photo = await processFile(path("Portrait_0.jpg"));
    expect(photo.source).toMatchObject({ width: 1200, height: 1800 });
    const upright = await processFile(path("Portrait_1.jpg"));
    expect(
      meanDifference(await thumbnail(upright), await thumbnail(photo)),
    ).toBeLessThan(20);
  });

  it("flag that no face was found: the person faces away", async () => {
    const photo = await processFile(path("Portrait_6.jpg"));
    expect(photo.faces).toBe("none");
    expect(photo.crop).toBeUndefined();
  });
});

describe.skipIf(!faces)("photos with faces", () => {
  it("centre the square on the face", async () => {
    const photo = await processFile(`${faces}/obama.jpg`);
    expect(photo.faces).toBe("one");
    const [face] = photo.faceBoxes;
    const crop = photo.crop;
    if (!face || !crop) throw new Error("Expected a face and a crop.");
    const faceX = face.left + face.width / 2;
    const faceY = face.top + face.height / 2;
    // A close-up with the face near the top: the square frames tighter
    // rather than slide off centre.
    expect(Math.abs(crop.left + crop.size / 2 - faceX)).toBeLessThan(2);
    expect(Math.abs(crop.top + crop.size / 2 - faceY)).toBeLessThan(2);
    expect(faceX / photo.source.width).toBeGreaterThan(0.35);
    expect(faceX / photo.source.width).toBeLessThan(0.65);
    expect(crop.size).toBeGreaterThanOrEqual(Math.floor(face.width * 1.4));
  });

  it("find the face again in the cropped rendition's centre", async () => {
    const photo = await processFile(`${faces}/obama.jpg`);
    const large = photo.renditions.find(
      (r) => r.size === 512 && r.format === "jpeg",
    );
    const again = await processPhoto(large?.bytes ?? Buffer.alloc(0), {
      detector,
    });
    const [face] = again.faceBoxes;
    if (!face) throw new Error("The face was lost in the crop.");
    expect(Math.abs(face.left + face.width / 2 - 256)).toBeLessThan(26);
    expect(Math.abs(face.top + face.height / 2 - 256)).toBeLessThan(26);
  });

  it("flag several faces and frame the largest", async () => {
    const photo = await processFile(`${faces}/two_people.jpg`);
    expect(photo.faces).toBe("several");
    expect(photo.faceBoxes.length).toBe(2);
    expect(photo.crop).toBeDefined();
  });
});
