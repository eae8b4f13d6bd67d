/** How many avatar colours the stylesheet defines (`.avatar[data-tone]`). */
export const AVATAR_TONES = 8;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function firstGrapheme(word: string): string {
  for (const { segment } of segmenter.segment(word)) return segment;
  return "";
}

/**
 * Up to two initials for a name: the first letters of its first and last
 * words, whole graphemes so accents and emoji stay intact.
 */
export function initials(name: string): string {
  const words = name
    .split(/[\s\p{Z}]+/u)
    .filter((w) => /[\p{L}\p{N}\p{So}]/u.test(w));
  const first = words[0];
  if (first === undefined) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = firstGrapheme(first) + (last ? firstGrapheme(last) : "");
  return letters.toLocaleUpperCase();
}

/** A stable colour index for an id, so a person keeps their colour. */
export function avatarTone(id: string): number {
  // FNV-1a: cheap, and spreads similar ids across the palette.
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % AVATAR_TONES;
}
