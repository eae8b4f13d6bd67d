import { describe, expect, it } from "vitest";
import { AVATAR_TONES, avatarTone, initials } from "./avatar";

describe("initials", () => {
  it("takes the first letters of the first and last words", () => {
    expect(initials("Steven King")).toBe("SK");
    expect(initials("Lex De Haan")).toBe("LH");
    expect(initials("neena")).toBe("N");
  });

  it("keeps whole graphemes", () => {
    expect(initials("Émile Zoë")).toBe("ÉZ");
    expect(initials("Ana 👩🏽‍💻")).toBe("A👩🏽‍💻");
  });

  it("falls back to a question mark when nothing is usable", () => {
    expect(initials("   ")).toBe("?");
    expect(initials("-- !!")).toBe("?");
  });
});

describe("avatarTone", () => {
  it("is stable for an id and within the palette", () => {
    const id = "2b1f6f1e-5a9e-4a57-9a55-0d5a6c9a1e11";
    expect(avatarTone(id)).toBe(avatarTone(id));
    expect(avatarTone(id)).toBeGreaterThanOrEqual(0);
    expect(avatarTone(id)).toBeLessThan(AVATAR_TONES);
  });

  it("spreads different ids over several colours", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `person-${i}`);
    expect(new Set(ids.map(avatarTone)).size).toBeGreaterThan(4);
  });
});
