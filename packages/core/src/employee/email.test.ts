import { describe, expect, it } from "vitest";
import { emailProblem, normalizeEmail, workEmail } from "./email.js";

describe("work emails", () => {
  it("lower-cases A to Z only, and trims", () => {
    expect(normalizeEmail("  SKing@Example.COM ")).toBe("sking@example.com");
  });

  it.each([
    ["s\u212Aing@example.com", "the Kelvin sign"],
    ["SK\u0130NG@example.com", "a dotted capital I"],
    ["sking@ex\u0430mple.com", "a Cyrillic a"],
    ["\uFF53king@example.com", "a fullwidth s"],
    ["sk\u200Bing@example.com", "a zero-width space"],
  ])("refuses %s (%s), which reads like an ASCII address", (address) => {
    expect(emailProblem(normalizeEmail(address))).toMatch(/plain ASCII/);
    expect(workEmail.safeParse(address).success).toBe(false);
  });

  it.each(["a.b+c@example.co.uk", "o'neil@example.com", "x_y@sub.example.org"])(
    "accepts %s",
    (address) => {
      expect(emailProblem(address)).toBeUndefined();
    },
  );

  it.each([
    ["plain", /like name@example.com/],
    ["a..b@example.com", /mailbox/],
    ["a@example", /domain/],
  ])("explains what is wrong with %s", (address, message) => {
    expect(emailProblem(address)).toMatch(message);
  });
});
