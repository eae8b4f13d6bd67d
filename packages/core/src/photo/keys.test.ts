import { describe, expect, it } from "vitest";
import { isFileKey } from "../files/index.js";
import {
  isPhotoFormat,
  isPhotoSize,
  photoKeyOf,
  photoRenditionKey,
  photoUploadKey,
} from "./index.js";

const person = "6f1c1f0e-3c1e-4c55-9a55-0f6a3b8e2a10";
const set = "2b8c1f0e-3c1e-4c55-9a55-0f6a3b8e2a10";

describe("photo keys", () => {
  it("are file keys a store accepts", () => {
    const key = photoKeyOf(person, set);
    expect(photoRenditionKey(key, 256, "avif")).toBe(
      `photos/${person}/${set}/256.avif`,
    );
    expect(isFileKey(photoRenditionKey(key, 512, "jpeg"))).toBe(true);
    expect(isFileKey(photoUploadKey(person, set))).toBe(true);
  });

  it("allow only the listed sizes and formats", () => {
    expect([64, 128, 256, 512].every(isPhotoSize)).toBe(true);
    expect(isPhotoSize(100)).toBe(false);
    expect(isPhotoFormat("webp")).toBe(true);
    expect(isPhotoFormat("png")).toBe(false);
  });
});
