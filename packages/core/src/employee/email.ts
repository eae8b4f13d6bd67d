import * as z from "zod";

/**
 * Lower-cases A-Z only. Locale-aware lowering would turn `İ` into `i̇` or
 * Turkish `I` into `ı`, making two spellings of one address collide or split.
 */
export function normalizeEmail(value: string): string {
  return value.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const LOCAL = /^(?:(?!\p{Cc})[^\s@<>()[\]\\,;:"])+$/u;
const DOMAIN =
  /^(?=.{1,253}$)([\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

/**
 * Why a work email is not acceptable, or undefined when it is. Addresses
 * are ASCII: letters from other scripts that look like Latin ones (the
 * Kelvin sign, Cyrillic а, fullwidth ｓ) would let two people, or a
 * pretender, share what reads as one address.
 */
export function emailProblem(value: string): string | undefined {
  if (!value.isWellFormed()) return "is not valid text";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check
  if (!/^[\x00-\x7f]*$/.test(value)) {
    return (
      "must be written in plain ASCII letters, digits and symbols; " +
      "internationalised addresses are not supported"
    );
  }
  const at = value.lastIndexOf("@");
  if (at <= 0 || at === value.length - 1) {
    return "must be an address like name@example.com";
  }
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local) || local.includes("..")) {
    return "has a part before @ that is not a valid mailbox name";
  }
  if (!DOMAIN.test(domain)) return "has a domain that is not valid";
  if (value.length > 254) return "must be at most 254 characters";
  return undefined;
}

/** A work email: trimmed, ASCII-lower-cased, then checked. */
export const workEmail = z
  .string()
  .transform(normalizeEmail)
  .superRefine((value, ctx) => {
    const problem = emailProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
