import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PhotoRejectedError } from "./errors.js";
import { DEFAULT_PHOTO_LIMITS } from "./limits.js";
import { processPhoto } from "./pipeline.js";
import { isoMediaHeader, pngDeclaring } from "./testing/crafted.js";
import { closeTo, noFaces, pixelAt } from "./testing/images.js";

const process = (bytes: Uint8Array, limits = DEFAULT_PHOTO_LIMITS) =>
  processPhoto(bytes, { detector: noFaces, limits });

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoRejectedError);
  return error as PhotoRejectedError;
}

function solid(colour: string, size = 200) {
  return sharp({
    create: { width: size, height: size, channels: 3, background: colour },
  });
}

describe("processPhoto inputs", () => {
  it("writes every size in AVIF, WebP and JPEG", async () => {
    const { renditions } = await process(
      await solid("#4080c0").png().toBuffer(),
    );
    expect(renditions).toHaveLength(12);
    for (const r of renditions) {
      const meta = await sharp(r.bytes).metadata();
      expect([meta.width, meta.height]).toEqual([r.size, r.size]);
      expect(meta.format).toBe(r.format === "avif" ? "heif" : r.format);
    }
  });

  it("refuses a decompression bomb from its header", async () => {
    const bomb = pngDeclaring(60_000, 60_000);
    expect(bomb.length).toBeLessThan(1000);
    const error = await rejection(process(bomb));
    expect(error.reason).toBe("too_many_pixels");
    expect(error.message).toContain("60000 x 60000");
  });

  it("refuses an animation with too many frames", async () => {
    const side = 80;
    const frames = 6;
    const raw = Buffer.alloc(side * side * frames * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) % 251;
    const gif = await sharp(raw, {
      raw: {
        width: side,
        height: side * frames,
        channels: 3,
        pageHeight: side,
      },
    })
      .gif()
      .toBuffer();
    const limits = { ...DEFAULT_PHOTO_LIMITS, maxFrames: 5 };
    const error = await rejection(process(gif, limits));
    expect(error.reason).toBe("too_many_frames");
    const { renditions } = await process(gif, { ...limits, maxFrames: 6 });
    expect(renditions[0]?.size).toBe(64);
  });

  it("flattens transparency onto white for JPEG and keeps it elsewhere", async () => {
    const clear = await sharp({
      create: {
        width: 100,
        height: 100,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0 },
      },
    })
      .png()
      .toBuffer();
    const { renditions } = await process(clear);
    const jpeg = renditions.find((r) => r.format === "jpeg");
    const webp = renditions.find((r) => r.format === "webp");
    expect(await pixelAt(jpeg?.bytes ?? Buffer.alloc(0), 5, 5)).toEqual([
      255, 255, 255,
    ]);
    expect((await sharp(webp?.bytes).metadata()).hasAlpha).toBe(true);
  });

  it("converts CMYK to sRGB", async () => {
    const cmyk = await solid("#c02020").toColourspace("cmyk").jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    const { renditions } = await process(cmyk);
    const jpeg = renditions.find((r) => r.format === "jpeg");
    const meta = await sharp(jpeg?.bytes).metadata();
    expect([meta.space, meta.channels]).toEqual(["srgb", 3]);
    expect(
      closeTo(await pixelAt(jpeg?.bytes as Buffer, 10, 10), [192, 32, 32]),
    ).toBe(true);
  });

  it("turns 16-bit and greyscale photos into 8-bit sRGB", async () => {
    const deep = await solid("#804020").png().toColourspace("rgb16").toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe("ushort");
    const grey = await solid("#808080").greyscale().jpeg().toBuffer();
    for (const input of [deep, grey]) {
      const { renditions } = await process(input);
      for (const r of renditions) {
        const meta = await sharp(r.bytes).metadata();
        expect(meta.depth).toBe("uchar");
      }
      const jpeg = renditions.find((r) => r.format === "jpeg");
      expect((await sharp(jpeg?.bytes).metadata()).channels).toBe(3);
    }
  });

  it("strips GPS and all other metadata", async () => {
    const tagged = await solid("#808080")
      .withExif({
        IFD0: { Make: "PhoneMaker", Copyright: "someone" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
      })
      .jpeg()
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif?.includes("PhoneMaker")).toBe(
      true,
    );
    const { renditions } = await process(tagged);
    for (const r of renditions) {
      const meta = await sharp(r.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
    }
  });

  it("refuses HEIC with a message that says what to do", async () => {
    const error = await rejection(process(isoMediaHeader("heic", "mif1")));
    expect(error.reason).toBe("heic_unsupported");
    expect(error.code).toBe("unsupported_media_type");
    expect(error.message).toMatch(/HEIC.*JPEG/);
  });

  it("refuses garbage, truncated and mislabelled bytes clearly", async () => {
    const garbage = Buffer.from("this is a spreadsheet, honestly".repeat(9));
    expect((await rejection(process(garbage))).reason).toBe("unsupported_type");

    const photo = await solid("#336699", 400)
      .jpeg({ quality: 90, progressive: false })
      .toBuffer();
    const truncated = photo.subarray(0, Math.floor(photo.length / 2));
    const cut = await rejection(process(truncated));
    expect(cut.reason).toBe("damaged");
    expect(cut.message).toMatch(/damaged or incomplete/);

    const fake = Buffer.concat([photo.subarray(0, 4), Buffer.alloc(400, 7)]);
    expect((await rejection(process(fake))).reason).toBe("damaged");
    expect((await rejection(process(Buffer.alloc(0)))).reason).toBe("empty");
  });

  it("refuses photos too large or too small to use", async () => {
    const small = await solid("#336699", 40).png().toBuffer();
    expect((await rejection(process(small))).reason).toBe("too_small");
    const limits = { ...DEFAULT_PHOTO_LIMITS, maxBytes: 100 };
    const big = await solid("#336699").png().toBuffer();
    expect((await rejection(process(big, limits))).reason).toBe("too_large");
  });
});
