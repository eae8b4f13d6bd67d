import { describe, expect, it } from "vitest";
import {
  canChangePhoto,
  faceFindingMessage,
  newPhotoText,
  PHOTO_PROCESSING_MESSAGE,
  photoFileProblem,
  photoSrcSet,
  photoUrl,
} from "./photo";

const file = (type: string, size = 1000, name = "me.jpg") => ({
  type,
  size,
  name,
});

describe("photoFileProblem", () => {
  it("accepts the supported types within the size limit", () => {
    for (const type of ["image/jpeg", "image/png", "image/webp", "image/gif"]) {
      expect(photoFileProblem(file(type))).toBeNull();
    }
  });

  it("explains HEIC, other types, empty and oversized files", () => {
    expect(photoFileProblem(file("image/heic"))).toMatch(/HEIC.*JPEG/);
    expect(photoFileProblem(file("", 10, "IMG_1.HEIC"))).toMatch(/HEIC/);
    expect(photoFileProblem(file("application/pdf"))).toMatch(/JPEG, PNG/);
    expect(photoFileProblem(file("image/png", 0))).toMatch(/empty/);
    expect(photoFileProblem(file("image/png", 26 * 1024 * 1024))).toMatch(
      /26\.0 MB; at most 25 MB/,
    );
  });
});

describe("photo URLs", () => {
  it("name one rendition, and every size for srcset", () => {
    expect(photoUrl("a/b", 128, "webp")).toBe("/api/photos/a/b/128.webp");
    expect(photoSrcSet("a/b", "avif")).toBe(
      "/api/photos/a/b/64.avif 64w, /api/photos/a/b/128.avif 128w, " +
        "/api/photos/a/b/256.avif 256w, /api/photos/a/b/512.avif 512w",
    );
  });
});

describe("faceFindingMessage", () => {
  it("flags no face and several faces, and stays quiet for one", () => {
    expect(faceFindingMessage("none", "self")).toMatch(/No face found/);
    expect(faceFindingMessage("several", "self")).toMatch(/Several faces/);
    expect(faceFindingMessage("one", "self")).toBeNull();
    expect(faceFindingMessage(null, "other")).toBeNull();
  });

  it("speaks to the person only when the photo is theirs", () => {
    expect(faceFindingMessage("several", "self")).toMatch(
      /A photo of you alone works best\.$/,
    );
    const other = faceFindingMessage("several", "other");
    expect(other).toMatch(/A photo of one person alone works best\.$/);
    expect(other).not.toMatch(/\byou\b/i);
    expect(faceFindingMessage("none", "other")).not.toMatch(/\byou/i);
  });
});

describe("photo progress and result texts", () => {
  it("address no one while processing", () => {
    expect(PHOTO_PROCESSING_MESSAGE).toBe("Looking for a face…");
    expect(PHOTO_PROCESSING_MESSAGE).not.toMatch(/\byour?\b/i);
  });

  it("say 'your' only for the person's own photo", () => {
    expect(newPhotoText("self")).toEqual({
      caption: "Your new photo is in place.",
      alt: "Your new photo, as the directory shows it",
    });
    const other = newPhotoText("other");
    expect(`${other.caption} ${other.alt}`).not.toMatch(/\byour?\b/i);
  });
});

describe("canChangePhoto", () => {
  const me = (id: string, role: string) => ({ actor: { id, role } });
  it("allows your own photo and staff on anyone's", () => {
    expect(canChangePhoto(me("a", "employee"), "a")).toBe(true);
    expect(canChangePhoto(me("a", "hr"), "b")).toBe(true);
    expect(canChangePhoto(me("a", "employee"), "b")).toBe(false);
    expect(canChangePhoto(null, "b")).toBe(false);
  });
});
