import { describe, expect, it } from "vitest";
import { sniffImageType } from "./sniff.js";
import { isoMediaHeader } from "./testing/crafted.js";

const bytes = (text: string) => Buffer.from(text.padEnd(16, "\0"), "latin1");

describe("sniffImageType", () => {
  it("names each accepted type from its signature", () => {
    expect(sniffImageType(bytes("\xff\xd8\xff\xe0"))).toBe("jpeg");
    expect(sniffImageType(bytes("\x89PNG\r\n\x1a\n"))).toBe("png");
    expect(sniffImageType(bytes("GIF89a"))).toBe("gif");
    expect(sniffImageType(bytes("GIF87a"))).toBe("gif");
    expect(sniffImageType(bytes("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffImageType(isoMediaHeader("avif", "mif1", "miaf"))).toBe("avif");
  });

  it("tells HEIC from AVIF by the container's brands", () => {
    expect(sniffImageType(isoMediaHeader("heic", "mif1"))).toBe("heic");
    expect(sniffImageType(isoMediaHeader("mif1", "heic"))).toBe("heic");
    expect(sniffImageType(isoMediaHeader("mif1", "avif"))).toBe("avif");
  });

  it("names nothing else", () => {
    expect(sniffImageType(bytes("%PDF-1.7"))).toBeUndefined();
    expect(sniffImageType(bytes("<svg xmlns="))).toBeUndefined();
    expect(sniffImageType(isoMediaHeader("isom", "mp41"))).toBeUndefined();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeUndefined();
  });
});
