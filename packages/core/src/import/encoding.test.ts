import { describe, expect, it } from "vitest";
import { decodeText, detectEncoding, guessEncoding } from "./encoding.js";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((p) =>
      typeof p === "string" ? [...new TextEncoder().encode(p)] : p,
    ),
  );

async function text(source: Uint8Array[], encoding?: "windows-1252") {
  let all = "";
  for await (const part of decodeText(source, encoding)) all += part;
  return all;
}

describe("guessEncoding", () => {
  it("believes a byte-order mark", () => {
    expect(guessEncoding(bytes([0xef, 0xbb, 0xbf], "a"))).toBe("utf-8");
    expect(guessEncoding(bytes([0xff, 0xfe, 0x61, 0]))).toBe("utf-16le");
    expect(guessEncoding(bytes([0xfe, 0xff, 0, 0x61]))).toBe("utf-16be");
  });

  it("spots UTF-16 without a mark by its zero bytes", () => {
    expect(guessEncoding(Buffer.from("id,name\n", "utf16le"))).toBe("utf-16le");
    expect(guessEncoding(Buffer.from("id,name\n", "utf16le").swap16())).toBe(
      "utf-16be",
    );
  });

  it("takes invalid UTF-8 for Windows-1252", () => {
    expect(guessEncoding(bytes("Jos", [0xe9]))).toBe("windows-1252");
    expect(guessEncoding(bytes("José"))).toBe("utf-8");
    // A sample cut inside a character is still UTF-8.
    expect(guessEncoding(bytes("a".repeat(5000), [0xc3]))).toBe("utf-8");
  });
});

describe("detectEncoding", () => {
  it("reads the whole file before settling on UTF-8", async () => {
    const start = bytes(`${"a".repeat(8000)}\n`);
    const late = bytes("Zo", [0xeb], "\n");
    expect(await detectEncoding([start, late])).toEqual({
      encoding: "windows-1252",
      bytes: start.length + late.length,
    });
    expect((await detectEncoding([start, bytes("Zoë")])).encoding).toBe(
      "utf-8",
    );
    expect((await detectEncoding([])).encoding).toBe("utf-8");
  });
});

describe("decodeText", () => {
  it("turns Windows-1252 quotes and accents into their characters", async () => {
    const raw = bytes([0x93], "Se", [0xe1], "n O", [0x92], "Brien", [0x94]);
    expect(await text([raw], "windows-1252")).toBe("“Seán O’Brien”");
  });

  it("drops the byte-order mark", async () => {
    expect(await text([bytes([0xef, 0xbb, 0xbf], "id")])).toBe("id");
  });
});
