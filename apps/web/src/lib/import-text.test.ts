import { describe, expect, it } from "vitest";
import {
  detectedFormatMessage,
  diffFieldLabel,
  diffValueText,
  progressText,
} from "./import-text";

describe("detectedFormatMessage", () => {
  it("names each recognised layout with its article", () => {
    expect(detectedFormatMessage("hr.csv", { name: "oracle-hr" })).toBe(
      "hr.csv looks like an Oracle HR export; check the mapping.",
    );
    expect(detectedFormatMessage("d.ldif", { name: "ldap" })).toBe(
      "d.ldif looks like an LDAP export; check the mapping.",
    );
    expect(detectedFormatMessage("nodes.csv", { name: "org-chart" })).toBe(
      "nodes.csv looks like an org-chart export; check the mapping.",
    );
  });

  it("says when columns were guessed, or have to be chosen", () => {
    expect(detectedFormatMessage("x.csv", { name: "guessed" })).toBe(
      "x.csv: the columns were matched by their names; check the mapping.",
    );
    expect(detectedFormatMessage("x.csv", null)).toBe(
      "x.csv: choose which column holds what.",
    );
  });

  it("never writes 'a' before a layout it does not know", () => {
    expect(detectedFormatMessage("x.csv", { name: "workday" })).toBe(
      "x.csv looks like an export in the “workday” layout; check the mapping.",
    );
  });
});

describe("diffFieldLabel", () => {
  it("labels the fields a preview compares", () => {
    expect(diffFieldLabel("jobTitle")).toBe("Job title");
    expect(diffFieldLabel("externalId")).toBe("HR id");
    expect(diffFieldLabel("givenName")).toBe("Given name");
    expect(diffFieldLabel("phones")).toBe("Phones");
    expect(diffFieldLabel("location")).toBe("Office");
    expect(diffFieldLabel("manager")).toBe("Manager");
  });

  it("writes out a key it does not know instead of showing code", () => {
    expect(diffFieldLabel("costCentreCode")).toBe("Cost centre code");
    expect(diffFieldLabel("badge_number")).toBe("Badge number");
  });
});

describe("diffValueText", () => {
  it("shows nothing as a dash and text as it is", () => {
    expect(diffValueText(null)).toBe("—");
    expect(diffValueText(undefined)).toBe("—");
    expect(diffValueText("")).toBe("—");
    expect(diffValueText([])).toBe("—");
    expect(diffValueText("Programmer")).toBe("Programmer");
    expect(diffValueText(42)).toBe("42");
    expect(diffValueText(false)).toBe("false");
  });

  it("reads phones as kind and number", () => {
    expect(diffValueText([{ kind: "work", number: "+1 408 555 4798" }])).toBe(
      "work +1 408 555 4798",
    );
    expect(
      diffValueText([
        { kind: "work", number: "+1 408 555 4798" },
        { kind: "mobile", number: "+1 650 555 0100" },
      ]),
    ).toBe("work +1 408 555 4798, mobile +1 650 555 0100");
    expect(diffValueText({ number: "555" })).toBe("555");
  });

  it("writes any other object as labelled parts, never as JSON", () => {
    const text = diffValueText({
      countryCode: "US",
      jobTitle: "Clerk",
      tags: ["a", "b"],
      nested: { givenName: "Ada" },
      empty: null,
    });
    expect(text).toBe(
      "Country code: US; Job title: Clerk; Tags: a, b; Nested: Given name: Ada",
    );
    expect(text).not.toMatch(/[{}"[\]]/);
    expect(diffValueText({})).toBe("—");
  });
});

describe("progressText", () => {
  const job = (
    status: "queued" | "running" | "succeeded" | "failed" | "cancelled",
    done: number,
    total: number | null,
  ) => ({ status, progress: { done, total } });

  it("gives a preview's reading as a percentage, not bytes", () => {
    expect(progressText(job("queued", 0, null), "bytes")).toBe(
      "Waiting to start…",
    );
    expect(progressText(job("running", 157_079, 349_064), "bytes")).toBe(
      "Reading the file… 45%",
    );
    expect(progressText(job("running", 10, 0), "bytes")).toBe(
      "Reading the file… 0%",
    );
    expect(progressText(job("succeeded", 349_064, 349_064), "bytes")).toBe(
      "Read the whole file",
    );
    expect(progressText(job("failed", 174_532, 349_064), "bytes")).toBe(
      "Stopped after reading 50% of the file",
    );
    expect(progressText(job("running", 349_063, 349_064), "bytes")).not.toMatch(
      /349/,
    );
  });

  it("counts an apply's rows", () => {
    expect(progressText(job("running", 1200, 1516), "rows")).toBe(
      "1,200 of 1,516 rows",
    );
    expect(progressText(job("succeeded", 1000, 1516), "rows")).toBe(
      "1,516 of 1,516 rows",
    );
    expect(progressText(job("running", 0, null), "rows")).toBe("Starting…");
    expect(progressText(job("running", 1, null), "rows")).toBe("1 row");
    expect(progressText(job("cancelled", 1000, 1516), "rows")).toBe(
      "Stopped at 1,000 of 1,516 rows",
    );
  });
});
