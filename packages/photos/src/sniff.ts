/** The image types the pipeline recognises from their first bytes. */
export type SniffedType = "jpeg" | "png" | "webp" | "avif" | "gif" | "heic";

const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/**
 * Names the image type from its signature, whatever the upload claimed.
 * Undefined for anything else (a PDF, a text file, truncated bytes).
 */
export function sniffImageType(bytes: Uint8Array): SniffedType | undefined {
  if (bytes.length < 12) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "jpeg";
  }
  if (ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  const gif = ascii(bytes, 0, 6);
  if (gif === "GIF87a" || gif === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") {
    return "webp";
  }
  if (ascii(bytes, 4, 4) === "ftyp") return isoBrand(bytes);
  return undefined;
}

/** AVIF and HEIC share the ISO media container; the brands tell them apart. */
function isoBrand(bytes: Uint8Array): SniffedType | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const boxSize = Math.min(view.getUint32(0), bytes.length);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= boxSize; at += 4)
    brands.push(ascii(bytes, at, 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return "avif";
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return "heic";
  // "mif1" alone is the generic HEIF brand, in practice HEVC-coded.
  if (brands.includes("mif1") || brands.includes("msf1")) return "heic";
  return undefined;
}
