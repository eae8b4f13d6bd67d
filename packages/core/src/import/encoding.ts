import type { ByteSource } from "./csv.js";

/** The text encodings HR exports arrive in. */
export type TextEncodingName =
  | "utf-8"
  | "utf-16le"
  | "utf-16be"
  | "windows-1252";

const SAMPLE_BYTES = 4096;
type Decoder = InstanceType<typeof TextDecoder>;

/**
 * Guesses a file's encoding from its first bytes: a byte-order mark says
 * so outright; UTF-16 without one shows as a zero byte beside most ASCII
 * letters; otherwise UTF-8 if the bytes are valid UTF-8 (a full sample
 * may end mid-character), else Windows-1252, which Excel writes on
 * Western Windows machines.
 */
export function guessEncoding(sample: Uint8Array): TextEncodingName {
  const [a, b, c] = sample;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  const head = sample.subarray(0, SAMPLE_BYTES);
  const zerosAt = [0, 0];
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) zerosAt[i % 2] = (zerosAt[i % 2] ?? 0) + 1;
  }
  const pairs = Math.floor(head.length / 2);
  if (pairs > 0 && (zerosAt[1] ?? 0) > pairs * 0.3) return "utf-16le";
  if (pairs > 0 && (zerosAt[0] ?? 0) > pairs * 0.3) return "utf-16be";
  // A sample shorter than a full one is the whole file, so a character
  // cut off at its end is an error, not the edge of the sample.
  const whole = sample.length < SAMPLE_BYTES;
  return isUtf8(sample, whole) ? "utf-8" : "windows-1252";
}

function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, {
      stream: !complete,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a whole file once to settle its encoding: UTF-8 only if every
 * byte of it is, so a stray Windows-1252 é on row 90,000 is not read as a
 * replacement character. Memory stays flat: one chunk at a time.
 */
export async function detectEncoding(
  source: ByteSource,
): Promise<{ encoding: TextEncodingName; bytes: number }> {
  let first: TextEncodingName | undefined;
  let bytes = 0;
  let utf8: Decoder | undefined = new TextDecoder("utf-8", {
    fatal: true,
  });
  for await (const chunk of sampled(source)) {
    if (first === undefined) first = guessEncoding(chunk);
    bytes += chunk.length;
    if (first !== "utf-8" || !utf8) continue;
    try {
      utf8.decode(chunk, { stream: true });
    } catch {
      utf8 = undefined;
    }
  }
  if (utf8) {
    try {
      utf8.decode();
    } catch {
      utf8 = undefined;
    }
  }
  const encoding =
    first === undefined || (first === "utf-8" && utf8)
      ? "utf-8"
      : first === "utf-8"
        ? "windows-1252"
        : first;
  return { encoding, bytes };
}

/**
 * Decodes bytes to text chunk by chunk, dropping a byte-order mark. With
 * no encoding given, it is guessed from the first chunk.
 */
export async function* decodeText(
  source: ByteSource,
  encoding?: TextEncodingName,
): AsyncGenerator<string> {
  let decoder: Decoder | undefined = encoding
    ? new TextDecoder(encoding)
    : undefined;
  for await (const chunk of sampled(source)) {
    decoder ??= new TextDecoder(guessEncoding(chunk));
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder?.decode() ?? "";
  if (rest) yield rest;
}

// Yields the first few kilobytes as one chunk, so a guess never rests on a
// byte or two, then the rest as it comes.
async function* sampled(source: ByteSource): AsyncGenerator<Uint8Array> {
  let head: Uint8Array[] | undefined = [];
  let size = 0;
  for await (const chunk of source) {
    if (!head) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    size += chunk.length;
    if (size >= SAMPLE_BYTES) {
      yield concat(head, size);
      head = undefined;
    }
  }
  if (head && size > 0) yield concat(head, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
